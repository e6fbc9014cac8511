"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

// A navigation that has not finished by then (an error page, a redirect back) stops showing progress.
const GIVE_UP_MS = 20_000;

/** Whether a click on this link starts a client-side navigation to another page of the app. */
function navigatesAway(event: MouseEvent): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return false;
  if (anchor.target && anchor.target !== "_self") return false;
  const url = new URL(anchor.href, window.location.href);
  return url.origin === window.location.origin && (url.pathname !== window.location.pathname || url.search !== window.location.search);
}

/**
 * A thin bar across the top while a link's page loads. It appears only after a moment (CSS delay),
 * so quick navigations show nothing, and it ends when the URL changes.
 */
export function NavigationProgress() {
  const location = `${usePathname()}?${useSearchParams().toString()}`;
  // The URL the navigation started from: once the URL differs, the navigation is over.
  const [startedFrom, setStartedFrom] = useState<string | null>(null);
  const navigating = startedFrom === location;

  useEffect(() => {
    // Capture phase: Next's <Link> handles the click (and prevents its default) before it bubbles here.
    const onClick = (event: MouseEvent) => {
      if (navigatesAway(event)) setStartedFrom(location);
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [location]);

  useEffect(() => {
    if (!navigating) return;
    const timer = window.setTimeout(() => setStartedFrom(null), GIVE_UP_MS);
    return () => window.clearTimeout(timer);
  }, [navigating]);

  if (!navigating) return null;
  return (
    <div role="progressbar" aria-label="Loading the page" className="no-print fixed inset-x-0 top-0 z-50 h-0.5">
      <div className="nav-progress h-full bg-brand-400" />
    </div>
  );
}
