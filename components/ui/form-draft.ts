/** What a form keeps in the browser until it is saved: the typed values and the record version they were typed against. */
export type FormDraft<V> = { baseVersion: number; value: V };

type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function sameValues<V extends Record<string, string>>(a: V, b: V): boolean {
  return Object.keys({ ...a, ...b }).every((key) => (a[key] ?? "") === (b[key] ?? ""));
}

/**
 * Keeps `value` as the draft when it differs from what the server holds (`initial`), forgets it when
 * it matches: a form nobody typed in leaves nothing behind.
 */
export function writeFormDraft<V extends Record<string, string>>(storage: DraftStorage, key: string, draft: FormDraft<V>, initial: V): void {
  try {
    if (sameValues(draft.value, initial)) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(draft));
  } catch {
    // A full or disabled storage only loses the reload safety net; the form keeps its state.
  }
}

/**
 * The draft this browser kept for `key`, merged over the server's values (only the fields the form
 * still has, only strings), or null when there is none or it says nothing the server does not.
 */
export function readFormDraft<V extends Record<string, string>>(storage: DraftStorage, key: string, initial: V): FormDraft<V> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(key) ?? "null");
  } catch {
    parsed = null;
  }
  const draft = parsed as Partial<FormDraft<Record<string, unknown>>> | null;
  if (!draft || typeof draft.baseVersion !== "number" || typeof draft.value !== "object" || draft.value === null) {
    storage.removeItem(key);
    return null;
  }
  const value = { ...initial };
  for (const field of Object.keys(initial) as (keyof V)[]) {
    const kept = draft.value[field as string];
    if (typeof kept === "string") value[field] = kept as V[keyof V];
  }
  if (sameValues(value, initial)) {
    storage.removeItem(key);
    return null;
  }
  return { baseVersion: draft.baseVersion, value };
}
