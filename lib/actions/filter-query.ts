import { storableText } from "@/lib/storable-text";
import type { ActionFilter } from "@/lib/actions/schemas";

const LIST_KEYS = ["status", "type", "priority", "severity"] as const;
const SINGLE_KEYS = ["ownerId", "teamId", "coeId", "dueFrom", "dueTo"] as const;

/**
 * The filter back as a query string, so links (pages, export, views) keep it. The view is always
 * written: without one the page picks a default per person ("My actions" for owners).
 */
export function filterQuery(filter: ActionFilter, overrides: Partial<ActionFilter> = {}): string {
  const merged = { ...filter, ...overrides };
  const query = new URLSearchParams();
  query.set("view", merged.view);
  for (const key of LIST_KEYS) for (const value of merged[key]) query.append(key, value);
  for (const key of SINGLE_KEYS) if (merged[key]) query.set(key, merged[key]!);
  if (merged.overdue) query.set("overdue", "true");
  if (merged.sort !== "due") query.set("sort", merged.sort);
  if (merged.page > 1) query.set("page", String(merged.page));
  return `?${query.toString()}`;
}

/** Whether any filter narrows the list (the view and sort do not count). */
export function isFiltered(filter: ActionFilter): boolean {
  return LIST_KEYS.some((key) => filter[key].length > 0) || SINGLE_KEYS.some((key) => Boolean(filter[key])) || filter.overdue;
}

/** A GET form sends every field, empty ones as "": drop those so they read as "no filter". */
export function cleanQuery(query: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const clean: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    const values = (Array.isArray(value) ? value : [value])
      .filter((item): item is string => typeof item === "string")
      .map(storableText)
      .filter((item) => item.trim() !== "");
    if (values.length > 0) clean[key] = values.length === 1 ? values[0]! : values;
  }
  return clean;
}
