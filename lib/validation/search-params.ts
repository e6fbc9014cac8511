import { storableText } from "@/lib/storable-text";
import { isWellFormedText } from "@/lib/validation/text";

/** What Next hands a page: a key given twice (`?coeId=a&coeId=b`) arrives as an array. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * One search parameter as a single string a query can use: the first of repeated values, NUL
 * dropped, at most `max` characters; undefined when absent or unreadable. Pages read ids and free
 * text through this, so a doubled or malformed parameter is ignored instead of failing the page.
 */
export function searchParam(params: RawSearchParams, key: string, max = 200): string | undefined {
  const raw = params[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || !isWellFormedText(value)) return undefined;
  const text = storableText(value).slice(0, max);
  return text === "" ? undefined : text;
}
