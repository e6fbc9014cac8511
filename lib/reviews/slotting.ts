/**
 * Fits agenda items into a meeting in whole fifteen-minute slots. Items keep their order. Who gets
 * the time, first to last: pinned items (always scheduled); then the typical items (the five of
 * every weekly review), shrinking a growable one — "Review COEs" — down to its minimum before any
 * of them is deferred; then everything else (custom, carried, extra data items) in the time left.
 * Within each group, the unpinned items from the first one that no longer fits onwards are deferred
 * (and carried to next week when the review is published), so the order is never reshuffled.
 */
export const SLOT_MINUTES = 15;
export const MAX_ITEM_SLOTS = 8;
/** The five typical items of a weekly review, one slot each (compose-agenda.ts TYPICAL_ITEM_KEYS). */
export const TYPICAL_LENGTH_MINUTES = 5 * SLOT_MINUTES;
/** The length a review is offered: the five typical items plus room for the COE review to grow or a custom item. */
export const SUGGESTED_LENGTH_MINUTES = 90;

export type Slottable = {
  key: string;
  slots: number;
  pinned: boolean;
  /** One of the five typical items: never deferred in favour of an item that is neither typical nor pinned. */
  typical?: boolean;
  /** The fewest slots the item can be given when the meeting is short (the COE review: 1). */
  minSlots?: number;
};
type Scheduled<T> = T & { startSlot: number; startsAt: Date };
export type SlotPlan<T> = {
  scheduled: Scheduled<T>[];
  deferred: T[];
  totalSlots: number;
  usedSlots: number;
  /** Slots pinned items need beyond the meeting's length (0 when everything pinned fits). */
  overrunSlots: number;
};

export function slotsInMeeting(lengthMinutes: number): number {
  return Math.max(0, Math.floor(lengthMinutes / SLOT_MINUTES));
}

export function clampSlots(slots: number): number {
  return Math.min(MAX_ITEM_SLOTS, Math.max(1, Math.round(slots)));
}

/** The slots of each item of one group within `free`: growable items shrink (last first) before any is dropped. */
function allot<T extends Slottable>(group: readonly T[], free: number, given: Map<string, number>): { kept: Set<string>; free: number } {
  const want = new Map(group.map((item) => [item.key, clampSlots(item.slots)]));
  let over = [...want.values()].reduce((sum, slots) => sum + slots, 0) - free;
  for (const item of [...group].reverse()) {
    if (over <= 0) break;
    const floor = Math.min(clampSlots(item.minSlots ?? item.slots), want.get(item.key)!);
    const cut = Math.min(over, want.get(item.key)! - floor);
    want.set(item.key, want.get(item.key)! - cut);
    over -= cut;
  }
  const kept = new Set<string>();
  let full = false;
  for (const item of group) {
    const need = want.get(item.key)!;
    if (!full && need <= free) {
      free -= need;
      kept.add(item.key);
      given.set(item.key, need);
    } else {
      full = true;
    }
  }
  return { kept, free };
}

export function planSlots<T extends Slottable>(items: readonly T[], lengthMinutes: number, meetingStartsAt: Date): SlotPlan<T> {
  const totalSlots = slotsInMeeting(lengthMinutes);
  const given = new Map<string, number>();
  const pinned = items.filter((item) => item.pinned);
  for (const item of pinned) given.set(item.key, clampSlots(item.slots));
  const pinnedSlots = pinned.reduce((sum, item) => sum + clampSlots(item.slots), 0);
  const typical = allot(
    items.filter((item) => !item.pinned && item.typical),
    Math.max(0, totalSlots - pinnedSlots),
    given,
  );
  const others = allot(
    items.filter((item) => !item.pinned && !item.typical),
    typical.free,
    given,
  );
  const keep = new Set([...pinned.map((item) => item.key), ...typical.kept, ...others.kept]);
  const deferred = items.filter((item) => !keep.has(item.key));
  let slot = 0;
  const scheduled: Scheduled<T>[] = [];
  for (const item of items) {
    if (!keep.has(item.key)) continue;
    const slots = given.get(item.key)!;
    scheduled.push({ ...item, slots, startSlot: slot, startsAt: new Date(meetingStartsAt.getTime() + slot * SLOT_MINUTES * 60_000) });
    slot += slots;
  }
  return { scheduled, deferred, totalSlots, usedSlots: slot, overrunSlots: Math.max(0, slot - totalSlots) };
}
