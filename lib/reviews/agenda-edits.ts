import { z } from "zod";
import { AGENDA_SECTIONS, type AgendaItem, type BuiltItem, type CarriedItem } from "@/lib/reviews/agenda-types";
import { clampSlots, MAX_ITEM_SLOTS } from "@/lib/reviews/slotting";

/**
 * The organizer's edits to a week's agenda, stored on the WeeklyReview and keyed by each item's
 * stable key (`coe:<id>`, `actions`, `custom:<id>` …), so rebuilding the agenda from fresh data
 * keeps them: a reordered item stays where it was put, a removed one stays removed, and an item
 * new in the data is slotted in after its natural predecessor.
 */
export const customItemSchema = z.object({
  key: z.string().regex(/^custom:[\w-]{1,40}$/),
  title: z.string().trim().min(2, "Give the item a title.").max(200),
  description: z.string().trim().max(2000).default(""),
  section: z.enum(AGENDA_SECTIONS).default("custom"),
  slots: z.number().int().min(1).max(MAX_ITEM_SLOTS).default(1),
});
type CustomItem = z.output<typeof customItemSchema>;

export const agendaEditsSchema = z.object({
  order: z.array(z.string().max(120)).max(500).default([]),
  removed: z.array(z.string().max(120)).max(500).default([]),
  slots: z.record(z.string().max(120), z.number().int().min(1).max(MAX_ITEM_SLOTS)).default({}),
  pinned: z.array(z.string().max(120)).max(500).default([]),
  custom: z.array(customItemSchema).max(50).default([]),
});
export type AgendaEdits = z.output<typeof agendaEditsSchema>;

export const EMPTY_EDITS: AgendaEdits = { order: [], removed: [], slots: {}, pinned: [], custom: [] };

/** Stored edits, read defensively: anything unreadable counts as no edits rather than a crash. */
export function readEdits(value: unknown): AgendaEdits {
  const parsed = agendaEditsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : EMPTY_EDITS;
}

function customAsBuilt(item: CustomItem | CarriedItem): BuiltItem {
  return { key: item.key, section: item.section, title: item.title, slots: item.slots, detail: { kind: "custom", description: item.description } };
}

/**
 * Fresh items + carried items + edits → the agenda in the organizer's order. Carried items open
 * the agenda; an item still in the data that was also carried is shown once, in its section, marked.
 */
export function applyEdits(fresh: readonly BuiltItem[], carried: readonly CarriedItem[], edits: AgendaEdits): AgendaItem[] {
  const carriedByKey = new Map(carried.map((item) => [item.key, item]));
  const freshKeys = new Set(fresh.map((item) => item.key));
  const natural: BuiltItem[] = [];
  const customKeys = new Set(edits.custom.map((item) => item.key));
  const carriedOnly = carried.filter((item) => !freshKeys.has(item.key) && !customKeys.has(item.key)).map(customAsBuilt);
  // Natural order: items carried over that the data no longer suggests open the meeting (they
  // were postponed once already); then the sections as the typical agenda runs, with fresh items
  // that were also carried first in their section.
  natural.push(...carriedOnly);
  for (const section of AGENDA_SECTIONS) {
    natural.push(...fresh.filter((item) => item.section === section && carriedByKey.has(item.key)));
    natural.push(...fresh.filter((item) => item.section === section && !carriedByKey.has(item.key)));
    natural.push(...edits.custom.filter((item) => item.section === section).map(customAsBuilt));
  }
  const removed = new Set(edits.removed);
  const pinned = new Set(edits.pinned);
  const present = natural.filter((item) => !removed.has(item.key));
  const ordered = mergeOrder(present, edits.order);
  return ordered.map((item) => ({
    ...item,
    slots: clampSlots(edits.slots[item.key] ?? item.slots),
    slotsEdited: edits.slots[item.key] !== undefined,
    pinned: pinned.has(item.key),
    custom: customKeys.has(item.key) || (item.detail.kind === "custom" && !freshKeys.has(item.key)),
    carriedFrom: carriedByKey.get(item.key)?.fromWeek ?? null,
  }));
}

/** Items in the saved order; an item the order does not know goes right after its natural predecessor. */
export function mergeOrder<T extends { key: string }>(natural: readonly T[], order: readonly string[]): T[] {
  if (order.length === 0) return [...natural];
  const byKey = new Map(natural.map((item) => [item.key, item]));
  const result: T[] = order.filter((key) => byKey.has(key)).map((key) => byKey.get(key)!);
  const placed = new Set(result.map((item) => item.key));
  natural.forEach((item, index) => {
    if (placed.has(item.key)) return;
    let at = 0;
    for (let back = index - 1; back >= 0; back -= 1) {
      const position = result.findIndex((candidate) => candidate.key === natural[back]!.key);
      if (position >= 0) {
        at = position + 1;
        break;
      }
    }
    result.splice(at, 0, item);
    placed.add(item.key);
  });
  return result;
}

/** Moves an item one place up or down in the current order, returning the new order of keys. */
export function moveKey(keys: readonly string[], key: string, direction: -1 | 1): string[] {
  const next = [...keys];
  const index = next.indexOf(key);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
