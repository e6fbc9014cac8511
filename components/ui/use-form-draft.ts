"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { readFormDraft, writeFormDraft } from "@/components/ui/form-draft";

/**
 * A form's typed values, kept in this browser until they are saved, so neither a refresh of the page
 * (the page keys such a form by its record's version, which remounts it with the server's values after
 * any change) nor a reload drops them. On mount a kept draft comes back; when the record has moved on
 * since it was typed, `staleFrom` names the version it was typed against, so the form shows the
 * conflict instead of quietly saving over (or wiping) either side.
 */
export function useFormDraft<V extends Record<string, string>>({ storageKey, version = 0, initial }: { storageKey: string; version?: number; initial: V }) {
  const initialRef = useRef(initial);
  const [value, setValue] = useState(initial);
  const [keptFrom, setKeptFrom] = useState<number | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  // Storage can only be read after hydration, hence state set in an effect (once per key).
  useEffect(() => {
    const draft = readFormDraft(window.localStorage, storageKey, initialRef.current);
    const saved = window.sessionStorage.getItem(`${storageKey}:saved`);
    window.sessionStorage.removeItem(`${storageKey}:saved`);
    if (draft) {
      setValue(draft.value);
      setKeptFrom(draft.baseVersion);
    }
    if (saved) setFlash(saved);
  }, [storageKey]);

  const baseVersion = keptFrom ?? version;
  const update = useCallback(
    (patch: Partial<V>) => {
      setFlash(null);
      setValue((previous) => {
        const next = { ...previous, ...patch };
        writeFormDraft(window.localStorage, storageKey, { baseVersion, value: next }, initialRef.current);
        return next;
      });
    },
    [storageKey, baseVersion],
  );

  /** The values are saved (or thrown away): back to the server's. `message` survives the remount a refresh brings. */
  const clear = useCallback(
    (message?: string) => {
      window.localStorage.removeItem(storageKey);
      if (message) window.sessionStorage.setItem(`${storageKey}:saved`, message);
      setValue(initialRef.current);
      setKeptFrom(null);
    },
    [storageKey],
  );

  return { value, update, clear, flash, staleFrom: keptFrom !== null && keptFrom !== version ? keptFrom : null };
}
