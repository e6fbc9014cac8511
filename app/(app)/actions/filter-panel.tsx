"use client";

import { useState } from "react";

/**
 * The actions list's filters folded to one line: a "Filters (n)" toggle and the active filters as
 * chips (drawn by the page); the form opens below the line.
 */
export function FilterPanel({ count, chips, children }: { count: number; chips: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="border-b border-slate-200">
      <div className="flex flex-wrap items-center gap-2 px-5 py-3">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="action-filters"
          onClick={() => setOpen((value) => !value)}
          className="inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        >
          <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.5} className="size-4" aria-hidden>
            <path d="M3 5h14M6 10h8M8.5 15h3" strokeLinecap="round" />
          </svg>
          Filters{count > 0 ? ` (${count})` : ""}
          <svg viewBox="0 0 20 20" fill="currentColor" className={`size-4 transition-transform ${open ? "rotate-180" : ""}`} aria-hidden>
            <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
          </svg>
        </button>
        {chips}
      </div>
      <div id="action-filters" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
