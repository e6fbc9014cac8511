import { describe, expect, it } from "vitest";
import { planSlots, slotsInMeeting } from "@/lib/reviews/slotting";

const start = new Date("2026-11-26T09:00:00Z");
const item = (key: string, slots: number, pinned = false) => ({ key, slots, pinned });
const agenda = [item("successes", 1), item("actions", 2), item("coe:a", 1), item("coe:b", 1), item("metrics", 1), item("wheel", 1), item("best", 1)];

describe("planSlots", () => {
  it.each([
    [30, 2, ["successes"], ["actions", "coe:a", "coe:b", "metrics", "wheel", "best"]],
    [45, 3, ["successes", "actions"], ["coe:a", "coe:b", "metrics", "wheel", "best"]],
    [60, 4, ["successes", "actions", "coe:a"], ["coe:b", "metrics", "wheel", "best"]],
    [75, 5, ["successes", "actions", "coe:a", "coe:b"], ["metrics", "wheel", "best"]],
    [90, 6, ["successes", "actions", "coe:a", "coe:b", "metrics"], ["wheel", "best"]],
    [120, 8, ["successes", "actions", "coe:a", "coe:b", "metrics", "wheel", "best"], []],
    [70, 4, ["successes", "actions", "coe:a"], ["coe:b", "metrics", "wheel", "best"]],
  ])("a %i-minute meeting has %i slots", (length, total, scheduled, deferred) => {
    const plan = planSlots(agenda, length, start);
    expect(plan.totalSlots).toBe(total);
    expect(plan.scheduled.map((entry) => entry.key)).toEqual(scheduled);
    expect(plan.deferred.map((entry) => entry.key)).toEqual(deferred);
    expect(plan.usedSlots).toBeLessThanOrEqual(total);
  });

  it("starts each slot fifteen minutes after the previous one, multi-slot items included", () => {
    const plan = planSlots(agenda, 75, start);
    expect(plan.scheduled.map((entry) => [entry.key, entry.startSlot, entry.startsAt.toISOString()])).toEqual([
      ["successes", 0, "2026-11-26T09:00:00.000Z"],
      ["actions", 1, "2026-11-26T09:15:00.000Z"],
      ["coe:a", 3, "2026-11-26T09:45:00.000Z"],
      ["coe:b", 4, "2026-11-26T10:00:00.000Z"],
    ]);
  });

  it("keeps a pinned item in the meeting and defers unpinned ones before it instead", () => {
    const plan = planSlots([item("a", 2), item("b", 1), item("c", 1, true)], 45, start);
    expect(plan.scheduled.map((entry) => entry.key)).toEqual(["a", "c"]);
    expect(plan.deferred.map((entry) => entry.key)).toEqual(["b"]);
    expect(plan.scheduled[1]!.startSlot).toBe(2);
  });

  it("defers everything after the first item that does not fit, so the order is never reshuffled", () => {
    const plan = planSlots([item("a", 1), item("big", 3), item("small", 1)], 45, start);
    expect(plan.scheduled.map((entry) => entry.key)).toEqual(["a"]);
    expect(plan.deferred.map((entry) => entry.key)).toEqual(["big", "small"]);
  });

  it("reports an overrun when pinned items alone exceed the meeting", () => {
    const plan = planSlots([item("a", 3, true), item("b", 2, true)], 60, start);
    expect(plan.overrunSlots).toBe(1);
    expect(plan.deferred).toEqual([]);
  });

  it.each([
    [0, 0],
    [14, 0],
    [15, 1],
    [59, 3],
    [60, 4],
    [75, 5],
  ])("%i minutes hold %i whole slots", (minutes, slots) => {
    expect(slotsInMeeting(minutes)).toBe(slots);
  });

  it("gives the typical items their time before custom or carried ones, whatever the order", () => {
    const typical = (key: string, slots = 1, minSlots?: number) => ({ key, slots, pinned: false, typical: true, minSlots });
    const plan = planSlots([item("carried", 1), typical("successes"), item("custom", 1), typical("actions"), typical("metrics")], 60, start);
    expect(plan.scheduled.map((entry) => entry.key)).toEqual(["carried", "successes", "actions", "metrics"]);
    expect(plan.deferred.map((entry) => entry.key)).toEqual(["custom"]);
  });

  it("shrinks a growable typical item to its minimum before deferring a typical item", () => {
    const plan = planSlots(
      [
        { key: "actions", slots: 1, pinned: false, typical: true },
        { key: "coes", slots: 3, pinned: false, typical: true, minSlots: 1 },
        { key: "best", slots: 1, pinned: false, typical: true },
      ],
      45,
      start,
    );
    expect(plan.scheduled.map((entry) => [entry.key, entry.slots])).toEqual([
      ["actions", 1],
      ["coes", 1],
      ["best", 1],
    ]);
    const tight = planSlots(
      [
        { key: "coes", slots: 3, pinned: false, typical: true, minSlots: 1 },
        { key: "best", slots: 1, pinned: false, typical: true },
      ],
      15,
      start,
    );
    expect(tight.scheduled.map((entry) => [entry.key, entry.slots])).toEqual([["coes", 1]]);
    expect(tight.deferred.map((entry) => entry.key)).toEqual(["best"]);
  });
});
