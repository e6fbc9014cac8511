"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime } from "@/components/ui/format-date";

const subscribe = () => () => {};

// dateStyle/timeStyle cannot be combined with timeZoneName (the constructor throws "Invalid
// option"), so the fields are spelled out. Created once: getSnapshot runs on every render.
let localFormat: Intl.DateTimeFormat | undefined;
function formatLocal(iso: string): string {
  localFormat ??= new Intl.DateTimeFormat(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return localFormat.format(new Date(iso));
}

/**
 * A time in the reader's own time zone. The server does not know it, so the server (and the first
 * paint) shows UTC, and the browser swaps in its local time without a hydration mismatch.
 */
export function LocalTime({ value, className }: { value: string | Date; className?: string }) {
  const iso = typeof value === "string" ? value : value.toISOString();
  const label = useSyncExternalStore(
    subscribe,
    () => formatLocal(iso),
    () => formatDateTime(iso),
  );
  return (
    <time dateTime={iso} title={iso} className={className}>
      {label}
    </time>
  );
}
