"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type AutosaveState = "saved" | "dirty" | "saving" | "failed" | "invalid" | "conflict";

/** What one save attempt came to. `conflict`: the server holds a newer version; `invalid`: nothing could be sent. */
export type AutosaveOutcome =
  | { ok: true; version: number; /** Part of the value was held back (a draft row): keep the browser copy. */ keepLocalDraft?: boolean }
  | { ok: false; reason: "conflict" | "invalid" | "failed"; error?: string };

export type LocalDraft<V> = { baseVersion: number; value: V; changedAt: string };

export type Autosave = {
  state: AutosaveState;
  version: number;
  lastSavedAt: Date | null;
  error: string | null;
  /** Call on every user change (after setting the state that holds it). */
  changed: () => void;
  /** Saves now, waiting for a save in flight, until everything typed so far is on the server. */
  flush: () => Promise<boolean>;
  /** After a conflict: continue from the server's `version` with what the user typed ("keep mine"). */
  rebase: (version: number) => void;
  /** The value now matches the server at `version` ("take theirs", or a fresh load): nothing to save. */
  reset: (version: number) => void;
};

/**
 * Autosave for an editor: every change is kept in this browser at once (localStorage) and sent to
 * the server after a pause; each save names the version it was based on. The state machine counts
 * changes, not renders: a save that returns while the user kept typing leaves the editor dirty and
 * saves again, two saves never run at once, and a page refresh from the server's answer (new props)
 * does not read back the browser's own draft as if it were lost work — that only happens on mount.
 */
export function useAutosave<V>({
  storageKey,
  initialVersion,
  value,
  save,
  onRestore,
  delayMs = 1200,
  maxWaitMs = 5000,
}: {
  storageKey: string;
  initialVersion: number;
  /** The current value; `save` receives it. */
  value: V;
  save: (value: V, baseVersion: number) => Promise<AutosaveOutcome>;
  /** On mount only: a draft this browser kept. "applied" (it is then saved), "kept" (left for the user to decide) or "discard". */
  onRestore?: (draft: LocalDraft<V>) => "applied" | "kept" | "discard";
  delayMs?: number;
  /** Someone typing without pause still gets a save this often: the pause never comes. */
  maxWaitMs?: number;
}): Autosave {
  const [state, setStateValue] = useState<AutosaveState>("saved");
  const [version, setVersion] = useState(initialVersion);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const valueRef = useRef(value);
  const versionRef = useRef(initialVersion);
  const stateRef = useRef<AutosaveState>("saved");
  const saveRef = useRef(save);
  const changes = useRef(0);
  const savedChanges = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const restoreChecked = useRef(false);
  /** When the oldest unsaved change was made (0: none). */
  const dirtySince = useRef(0);

  useEffect(() => {
    valueRef.current = value;
    saveRef.current = save;
  }, [value, save]);

  const setState = useCallback((next: AutosaveState) => {
    stateRef.current = next;
    setStateValue(next);
  }, []);

  const changed = useCallback(() => {
    changes.current += 1;
    if (dirtySince.current === 0) dirtySince.current = Date.now();
    if (stateRef.current !== "conflict" && stateRef.current !== "saving") setState("dirty");
    setTick((count) => count + 1);
  }, [setState]);

  // Keep every unsaved change in this browser, so a failed save or a reload loses nothing.
  useEffect(() => {
    if (changes.current === savedChanges.current) return;
    const draft: LocalDraft<V> = { baseVersion: versionRef.current, value, changedAt: new Date().toISOString() };
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // A full or disabled storage only loses the reload safety net; saving goes on.
    }
  }, [storageKey, value, tick]);

  // Once, after hydration: pick up what this browser had not saved. Never again on re-renders.
  useEffect(() => {
    if (restoreChecked.current) return;
    restoreChecked.current = true;
    const raw = window.localStorage.getItem(storageKey);
    if (!raw || !onRestore) return;
    // Reading localStorage can only happen after hydration, hence state set in an effect.
    /* eslint-disable react-hooks/set-state-in-effect */
    try {
      const decision = onRestore(JSON.parse(raw) as LocalDraft<V>);
      if (decision === "applied") changed();
      else if (decision === "discard") window.localStorage.removeItem(storageKey);
    } catch {
      window.localStorage.removeItem(storageKey);
    }
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [storageKey, onRestore, changed]);

  /** One save of everything typed so far; resolves true when nothing is left unsaved. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    if (changes.current === savedChanges.current) {
      if (stateRef.current === "dirty" || stateRef.current === "saving") setState("saved");
      return true;
    }
    if (stateRef.current === "conflict") return false;
    const target = changes.current;
    dirtySince.current = 0;
    const run = (async () => {
      setState("saving");
      const outcome = await saveRef.current(valueRef.current, versionRef.current);
      if (!outcome.ok) {
        if (dirtySince.current === 0) dirtySince.current = Date.now();
        setState(outcome.reason);
        setError(outcome.error ?? null);
        return false;
      }
      versionRef.current = outcome.version;
      setVersion(outcome.version);
      setLastSavedAt(new Date());
      setError(null);
      savedChanges.current = target;
      if (changes.current === target) {
        setState("saved");
        if (!outcome.keepLocalDraft) window.localStorage.removeItem(storageKey);
        else
          window.localStorage.setItem(
            storageKey,
            JSON.stringify({ baseVersion: outcome.version, value: valueRef.current, changedAt: new Date().toISOString() }),
          );
        return true;
      }
      // The user kept typing while this save was on its way: the rest goes in the next one.
      if (dirtySince.current === 0) dirtySince.current = Date.now();
      setState("dirty");
      setTick((count) => count + 1);
      return false;
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [setState, storageKey]);

  const flush = useCallback(async (): Promise<boolean> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await saveNow()) return true;
      if (stateRef.current !== "dirty" && stateRef.current !== "saving") return false;
    }
    return false;
  }, [saveNow]);

  // Debounced autosave: each change restarts the wait, up to maxWaitMs after the oldest unsaved change.
  useEffect(() => {
    if (state !== "dirty") return;
    const waited = dirtySince.current === 0 ? 0 : Date.now() - dirtySince.current;
    const timer = window.setTimeout(() => void saveNow(), Math.max(0, Math.min(delayMs, maxWaitMs - waited)));
    return () => window.clearTimeout(timer);
  }, [state, tick, saveNow, delayMs, maxWaitMs]);

  // Warn before leaving with anything not on the server yet.
  useEffect(() => {
    if (state === "saved") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state]);

  const rebase = useCallback(
    (next: number) => {
      versionRef.current = next;
      setVersion(next);
      setState("dirty");
      setTick((count) => count + 1);
    },
    [setState],
  );

  const reset = useCallback(
    (next: number) => {
      versionRef.current = next;
      setVersion(next);
      savedChanges.current = changes.current;
      setState("saved");
      window.localStorage.removeItem(storageKey);
    },
    [setState, storageKey],
  );

  return { state, version, lastSavedAt, error, changed, flush, rebase, reset };
}
