"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const REFRESH_MS = 15_000;

/**
 * Keeps an open cord's page live: +1s, notes, blocked deploys and the resolution appear without a
 * reload. Refreshes the server-rendered page every 15 s while the tab is visible (a hidden tab asks
 * nothing, and catches up as soon as it is shown again). The page renders it only while the cord is
 * open, so the refresh that shows the resolution also stops the polling.
 */
export function LiveRefresh() {
  const router = useRouter();

  useEffect(() => {
    let timer: number | undefined;
    const stop = () => {
      window.clearInterval(timer);
      timer = undefined;
    };
    const start = () => {
      stop();
      timer = window.setInterval(() => router.refresh(), REFRESH_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") return stop();
      router.refresh();
      start();
    };
    if (document.visibilityState === "visible") start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [router]);

  return null;
}
