"use client";

import { Popover } from "@/components/ui/popover";

/**
 * The phone header's menu: a modal panel under the header (Tab stays inside until it closes) that
 * closes on Escape, a tap outside and every navigation.
 */
export function MobileMenu({ children }: { children: React.ReactNode }) {
  return (
    <Popover
      trapFocus
      panelLabel="Menu"
      trigger="Menu"
      triggerClassName="rounded-md px-2 py-1 text-sm text-slate-300 ring-1 ring-slate-700 hover:text-white aria-expanded:bg-slate-800 aria-expanded:text-white"
      panelClassName="absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-3.5rem)] overflow-y-auto bg-slate-900 px-3 pb-4 pt-1 shadow-xl"
    >
      {children}
    </Popover>
  );
}
