/**
 * Fits agenda items into a meeting in whole fifteen-minute slots. Items keep their order; pinned
 * items are always scheduled; the unpinned items from the first one that no longer fits onwards
 * are deferred (and carried to next week when the review is published).
 */
export const SLOT_MINUTES = 15;
export const MAX_ITEM_SLOTS = 8;

export type Slottable = { key: string; slots: number; pinned: boolean };
export type Scheduled<T> = T & { startSlot: number; startsAt: Date };
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

export function planSlots<T extends Slottable>(items: readonly T[], lengthMinutes: number, meetingStartsAt: Date): SlotPlan<T> {
  const totalSlots = slotsInMeeting(lengthMinutes);
  const pinnedSlots = items.filter((item) => item.pinned).reduce((sum, item) => sum + clampSlots(item.slots), 0);
  let free = totalSlots - pinnedSlots;
  let full = false;
  const keep = new Set<string>();
  const deferred: T[] = [];
  for (const item of items) {
    if (item.pinned) {
      keep.add(item.key);
      continue;
    }
    const need = clampSlots(item.slots);
    if (!full && need <= free) {
      free -= need;
      keep.add(item.key);
    } else {
      full = true;
      deferred.push(item);
    }
  }
  let slot = 0;
  const scheduled: Scheduled<T>[] = [];
  for (const item of items) {
    if (!keep.has(item.key)) continue;
    scheduled.push({ ...item, slots: clampSlots(item.slots), startSlot: slot, startsAt: new Date(meetingStartsAt.getTime() + slot * SLOT_MINUTES * 60_000) });
    slot += clampSlots(item.slots);
  }
  return { scheduled, deferred, totalSlots, usedSlots: slot, overrunSlots: Math.max(0, slot - totalSlots) };
}
