/**
 * PostgreSQL text cannot hold the NUL character; a URL (%00) or a request body can. Values that
 * reach a query drop it here, so such input is read without it instead of failing the statement.
 */
export function storableText(value: string): string {
  return value.includes("\0") ? value.replaceAll("\0", "") : value;
}

/** The same for every string (and object key) inside parsed input (a JSON body, a server action's arguments). */
export function storableValue(value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (Array.isArray(value)) return value.map(storableValue);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [storableText(key), storableValue(entry)]));
  }
  return value;
}

/** Real input nests a dozen levels at most; far deeper JSON would overflow the walks over it (and PostgreSQL's jsonb). */
export const MAX_INPUT_DEPTH = 64;

/** Whether parsed input nests objects or arrays more than `limit` levels deep (walks at most `limit` levels). */
export function nestedDeeperThan(value: unknown, limit = MAX_INPUT_DEPTH): boolean {
  if (value === null || typeof value !== "object") return false;
  if (limit === 0) return true;
  return Object.values(value).some((entry) => nestedDeeperThan(entry, limit - 1));
}
