"use client";

import { useId, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * A list's filter controls: always shown from tablet width up; on a phone folded behind a
 * "Filters (2)" button (the number of filters in use), so the results come first.
 */
export function CollapsibleFilters({ activeCount, className, children }: { activeCount: number; className?: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={buttonClasses("secondary", "sm", "md:hidden")}
      >
        {activeCount > 0 ? `Filters (${activeCount})` : "Filters"}
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className={`size-4 transition-transform ${open ? "rotate-180" : ""}`}>
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
        </svg>
      </button>
      <div id={panelId} className={cn(className, !open && "max-md:hidden")}>
        {children}
      </div>
    </>
  );
}
