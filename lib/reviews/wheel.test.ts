import { describe, expect, it } from "vitest";
import { addWeeks, formatIsoWeek, parseIsoWeek } from "@/lib/reviews/iso-week";
import { pickWheelService, wheelPickFor, wheelWeight } from "@/lib/reviews/wheel";

const candidates = [
  { serviceId: "svc-a", weeksSinceReviewed: 1 },
  { serviceId: "svc-b", weeksSinceReviewed: 8 },
  { serviceId: "svc-c", weeksSinceReviewed: null },
];

describe("pickWheelService", () => {
  it("is deterministic for a seed, whatever order the candidates arrive in", () => {
    const first = pickWheelService(candidates, "series-1:2026-W48");
    expect(pickWheelService([...candidates].reverse(), "series-1:2026-W48")).toBe(first);
    expect(first).not.toBeNull();
  });

  it.each([["series-1:2026-W48"], ["series-1:2026-W49"], ["series-2:2026-W48"]])("returns the same service every time for seed %s", (seed) => {
    const picks = new Set(Array.from({ length: 5 }, () => pickWheelService(candidates, seed)));
    expect(picks.size).toBe(1);
  });

  it("favours services not reviewed for longest, in proportion to their weight", () => {
    const counts = new Map<string, number>();
    for (let week = 0; week < 3000; week += 1) {
      const pick = pickWheelService(candidates, `series:${week}`)!;
      counts.set(pick, (counts.get(pick) ?? 0) + 1);
    }
    // Weights 1, 8 and 27 out of 36.
    expect(counts.get("svc-a")! / 3000).toBeCloseTo(1 / 36, 1);
    expect(counts.get("svc-b")! / 3000).toBeCloseTo(8 / 36, 1);
    expect(counts.get("svc-c")! / 3000).toBeCloseTo(27 / 36, 1);
    expect(counts.get("svc-c")!).toBeGreaterThan(counts.get("svc-b")!);
    expect(counts.get("svc-b")!).toBeGreaterThan(counts.get("svc-a")!);
  });

  it.each([
    [null, 27],
    [0, 1],
    [1, 1],
    [5, 5],
    [40, 26],
  ])("weighs a service last reviewed %s weeks ago as %i", (weeks, weight) => {
    expect(wheelWeight({ serviceId: "x", weeksSinceReviewed: weeks })).toBe(weight);
  });

  it("picks nothing from no candidates and the only one from one", () => {
    expect(pickWheelService([], "s")).toBeNull();
    expect(pickWheelService([{ serviceId: "only", weeksSinceReviewed: 0 }], "s")).toBe("only");
  });
});

describe("wheelPickFor: the recorded history makes the wheel fair over time", () => {
  const services = ["svc-a", "svc-b", "svc-c", "svc-d"];

  it("keeps a week's recorded pick", () => {
    expect(wheelPickFor("s", parseIsoWeek("2026-W48")!, [{ serviceId: "svc-c", isoWeek: "2026-W48" }], services)).toBe("svc-c");
  });

  it("ignores a recorded pick of a service that no longer has metrics", () => {
    expect(services).toContain(wheelPickFor("s", parseIsoWeek("2026-W48")!, [{ serviceId: "gone", isoWeek: "2026-W48" }], services));
  });

  it.each(["series-1", "series-2", "series-3"])("over a year of recorded picks (%s), every service is reviewed and none waits long", (seriesId) => {
    const history: { serviceId: string; isoWeek: string }[] = [];
    let week = parseIsoWeek("2026-W01")!;
    for (let index = 0; index < 52; index += 1) {
      history.push({ serviceId: wheelPickFor(seriesId, week, history, services)!, isoWeek: formatIsoWeek(week) });
      week = addWeeks(week, 1);
    }
    const counts = services.map((serviceId) => history.filter((pick) => pick.serviceId === serviceId).length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(6);
    const longestWait = Math.max(
      ...services.map((serviceId) =>
        longestGap(
          history.map((pick) => pick.serviceId),
          serviceId,
        ),
      ),
    );
    expect(longestWait).toBeLessThanOrEqual(26);
  });
});

function longestGap(picks: string[], serviceId: string): number {
  let longest = 0;
  let since = 0;
  for (const pick of picks) {
    since = pick === serviceId ? 0 : since + 1;
    longest = Math.max(longest, since);
  }
  return longest;
}
