"use client";

import { useEffect, useMemo, useState } from "react";
import { NAME_CANDIDATES_MAX, nameCandidates } from "@/lib/coes/blameless";
import { COLLEAGUE_NAMES_ROUTE } from "@/lib/lookup/schemas";

const LOOKUP_DELAY_MS = 400;

type Found = { asked: ReadonlySet<string>; names: string[] };

/**
 * The colleagues named in the texts, for the blameless-writing hints: instead of holding every name of
 * the organization, the page asks the server about the capitalised words typed so far, each word
 * once, a short pause after the last keystroke. A word not answered (offline) is asked again with the
 * next change.
 */
export function useColleagueNames(texts: readonly string[]): string[] {
  const [found, setFound] = useState<Found>({ asked: new Set(), names: [] });
  const joined = texts.join("\n");
  const unasked = useMemo(
    () =>
      nameCandidates(joined)
        .filter((word) => !found.asked.has(word))
        .slice(0, NAME_CANDIDATES_MAX),
    [joined, found.asked],
  );
  const key = unasked.join("\n");

  useEffect(() => {
    if (!key) return;
    const words = key.split("\n");
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const query = new URLSearchParams(words.map((word) => ["word", word]));
        const response = await fetch(`${COLLEAGUE_NAMES_ROUTE}?${query}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(`colleague names answered ${response.status}`);
        const { names } = (await response.json()) as { names: string[] };
        setFound((previous) => ({ asked: new Set([...previous.asked, ...words]), names: [...new Set([...previous.names, ...names])] }));
      } catch (error) {
        if (!controller.signal.aborted) console.warn(error);
      }
    }, LOOKUP_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  return found.names;
}
