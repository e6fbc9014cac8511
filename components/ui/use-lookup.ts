"use client";

import { useEffect, useRef, useState } from "react";
import type { LookupItem, LookupSource } from "@/lib/lookup/schemas";

const DEBOUNCE_MS = 200;

export type LookupStatus = "idle" | "searching" | "done" | "failed";

/**
 * Asks a lookup route for the choices matching `query` while a picker's list is open, a short
 * pause after the last keystroke; a newer query aborts the older request, so answers never arrive
 * out of order. The status follows from which query was answered, so a stale list is never shown
 * as current. Shared by the single and the multiple type-ahead pickers.
 */
export function useLookup(source: LookupSource, open: boolean, query: string, onAnswer?: (items: LookupItem[], query: string) => void) {
  const [answer, setAnswer] = useState<{ key: string; items: LookupItem[] } | null>(null);
  const [failedKey, setFailedKey] = useState<string | null>(null);
  const onAnswerRef = useRef(onAnswer);
  useEffect(() => {
    onAnswerRef.current = onAnswer;
  });
  const key = `${source}?${query}`;

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${source}?${new URLSearchParams({ q: query })}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(`lookup answered ${response.status}`);
        const body = (await response.json()) as { items: LookupItem[] };
        setAnswer({ key: `${source}?${query}`, items: body.items });
        onAnswerRef.current?.(body.items, query);
      } catch (error) {
        if (!controller.signal.aborted) {
          console.error(error);
          setFailedKey(`${source}?${query}`);
        }
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, source]);

  const status: LookupStatus = !open ? "idle" : answer?.key === key ? "done" : failedKey === key ? "failed" : "searching";
  return { items: answer?.items ?? [], status };
}

/** The line under an open list: what the search is doing, or null when the list speaks for itself. */
export function lookupMessage(status: LookupStatus, count: number): string | null {
  if (status === "searching") return "Searching…";
  if (status === "failed") return "Could not load the choices; try again.";
  if (status === "done" && count === 0) return "No matches";
  return null;
}
