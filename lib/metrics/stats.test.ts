// Known answers for the statistics the metrics pages show. The percentile method is linear
// interpolation between closest ranks (PostgreSQL percentile_cont, Excel PERCENTILE.INC), so the
// expected values below can be checked in a spreadsheet.
import { describe, expect, it } from "vitest";
import {
  breachesTarget,
  bucketIndex,
  distribution,
  DURATION_BUCKET_LABELS,
  DURATION_EDGES_SEC,
  durationChange,
  flagWeight,
  mean,
  median,
  metricFlags,
  percentile,
  rollUp,
  summarize,
  weekOverWeek,
} from "@/lib/metrics/stats";

describe("percentile (linear interpolation)", () => {
  it.each([
    { values: [], p: 0.5, expected: null },
    { values: [42], p: 0.5, expected: 42 },
    { values: [42], p: 0.9, expected: 42 },
    { values: [1, 2], p: 0.5, expected: 1.5 },
    { values: [1, 2, 3, 4], p: 0.5, expected: 2.5 },
    { values: [1, 2, 3, 4], p: 0.9, expected: 3.7 },
    { values: [4, 1, 3, 2], p: 0.9, expected: 3.7 },
    { values: [15, 20, 35, 40, 50], p: 0.4, expected: 29 },
    { values: [15, 20, 35, 40, 50], p: 0, expected: 15 },
    { values: [15, 20, 35, 40, 50], p: 1, expected: 50 },
    { values: [10, 10, 10], p: 0.9, expected: 10 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 0.9, expected: 9.1 },
  ])("p$p of $values is $expected", ({ values, p, expected }) => {
    const result = percentile(values, p);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });

  it("refuses a p outside 0..1", () => {
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("mean and summarize", () => {
  it.each([
    { values: [], expected: { count: 0, median: null, p90: null, mean: null } },
    { values: [60], expected: { count: 1, median: 60, p90: 60, mean: 60 } },
    { values: [60, 120, 600], expected: { count: 3, median: 120, p90: 504, mean: 260 } },
  ])("$values", ({ values, expected }) => {
    expect(summarize(values)).toEqual(expected);
  });

  it("a mean hides a long tail that the p90 shows", () => {
    const values = [10, 10, 10, 10, 10, 10, 10, 10, 10, 1000];
    expect(mean(values)).toBe(109);
    expect(median(values)).toBe(10);
    expect(percentile(values, 0.9)).toBeCloseTo(109, 10);
  });
});

describe("distribution buckets", () => {
  const edges = [10, 20, 30];
  it.each([
    { value: -5, bucket: 0 },
    { value: 9.99, bucket: 0 },
    { value: 10, bucket: 1 },
    { value: 19, bucket: 1 },
    { value: 20, bucket: 2 },
    { value: 30, bucket: 3 },
    { value: 1e9, bucket: 3 },
  ])("$value falls in bucket $bucket", ({ value, bucket }) => {
    expect(bucketIndex(value, edges)).toBe(bucket);
  });

  it.each([
    { values: [], expected: [0, 0, 0, 0] },
    { values: [15], expected: [0, 1, 0, 0] },
    { values: [1, 10, 11, 25, 30, 31, 99], expected: [1, 2, 1, 3] },
  ])("counts $values into $expected", ({ values, expected }) => {
    const counts = distribution(values, edges);
    expect(counts).toEqual(expected);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(values.length);
  });

  it("has one label per duration bucket", () => {
    expect(DURATION_BUCKET_LABELS).toHaveLength(DURATION_EDGES_SEC.length + 1);
    expect(distribution([10 * 60, 45 * 60, 5 * 3600, 4 * 86400], DURATION_EDGES_SEC)).toEqual([1, 0, 1, 0, 0, 1, 0, 0, 1]);
  });
});

describe("roll-up over a nested tree", () => {
  // retail ─┬─ checkout ─┬─ payments
  //         │            └─ cart
  //         └─ catalog
  // platform ── storage
  const teams = [
    { id: "retail", parentId: null },
    { id: "checkout", parentId: "retail" },
    { id: "payments", parentId: "checkout" },
    { id: "cart", parentId: "checkout" },
    { id: "catalog", parentId: "retail" },
    { id: "platform", parentId: null },
    { id: "storage", parentId: "platform" },
  ];
  const own = new Map([
    ["retail", { coes: 1, overdue: 0 }],
    ["checkout", { coes: 2, overdue: 1 }],
    ["payments", { coes: 3, overdue: 4 }],
    ["cart", { coes: 0, overdue: 2 }],
    ["catalog", { coes: 5, overdue: 0 }],
    ["storage", { coes: 7, overdue: 3 }],
  ]);
  const rolled = rollUp(teams, own, ["coes", "overdue"]);

  it.each([
    { team: "payments", expected: { coes: 3, overdue: 4 } },
    { team: "cart", expected: { coes: 0, overdue: 2 } },
    { team: "checkout", expected: { coes: 5, overdue: 7 } },
    { team: "catalog", expected: { coes: 5, overdue: 0 } },
    { team: "retail", expected: { coes: 11, overdue: 7 } },
    { team: "platform", expected: { coes: 7, overdue: 3 } },
    { team: "storage", expected: { coes: 7, overdue: 3 } },
  ])("$team sums its subtree", ({ team, expected }) => {
    expect(rolled.get(team)).toEqual(expected);
  });

  it("gives teams without figures zeros, and counts each team once", () => {
    expect(rollUp([{ id: "a", parentId: null }], new Map(), ["coes"]).get("a")).toEqual({ coes: 0 });
    const total = [...own.values()].reduce((sum, figures) => sum + figures.coes, 0);
    expect(rolled.get("retail")!.coes + rolled.get("platform")!.coes).toBe(total);
  });
});

describe("anomaly rules", () => {
  it.each([
    { value: 99.95, target: 99.9, direction: "UP" as const, breach: false },
    { value: 99.9, target: 99.9, direction: "UP" as const, breach: false },
    { value: 99.5, target: 99.9, direction: "UP" as const, breach: true },
    { value: 280, target: 300, direction: "DOWN" as const, breach: false },
    { value: 300, target: 300, direction: "DOWN" as const, breach: false },
    { value: 450, target: 300, direction: "DOWN" as const, breach: true },
    { value: 450, target: null, direction: "DOWN" as const, breach: false },
  ])("$value against target $target ($direction is good): breach $breach", ({ value, target, direction, breach }) => {
    expect(breachesTarget(value, target, direction)).toBe(breach);
  });

  it.each([
    { current: 110, previous: 100, threshold: 5, direction: "DOWN" as const, expected: { changePct: 10, worse: true, beyondThreshold: true } },
    { current: 110, previous: 100, threshold: 5, direction: "UP" as const, expected: { changePct: 10, worse: false, beyondThreshold: true } },
    { current: 104, previous: 100, threshold: 5, direction: "DOWN" as const, expected: { changePct: 4, worse: true, beyondThreshold: false } },
    { current: 105, previous: 100, threshold: 5, direction: "DOWN" as const, expected: { changePct: 5, worse: true, beyondThreshold: false } },
    { current: 80, previous: 100, threshold: 10, direction: "UP" as const, expected: { changePct: -20, worse: true, beyondThreshold: true } },
    { current: -2, previous: -4, threshold: 10, direction: "UP" as const, expected: { changePct: 50, worse: false, beyondThreshold: true } },
    { current: 150, previous: 100, threshold: null, direction: "DOWN" as const, expected: { changePct: 50, worse: true, beyondThreshold: false } },
  ])("week over week $previous → $current (threshold $threshold%, $direction good)", ({ current, previous, threshold, direction, expected }) => {
    const result = weekOverWeek(current, previous, threshold, direction);
    expect(result).not.toBeNull();
    expect(result!.changePct).toBeCloseTo(expected.changePct, 10);
    expect({ worse: result!.worse, beyondThreshold: result!.beyondThreshold }).toEqual({ worse: expected.worse, beyondThreshold: expected.beyondThreshold });
  });

  it.each([
    { current: null, previous: 100 },
    { current: 100, previous: null },
    { current: 100, previous: 0 },
  ])("has nothing to compare for $previous → $current", ({ current, previous }) => {
    expect(weekOverWeek(current, previous, 5, "UP")).toBeNull();
  });

  it("flags a breach and a regression together, and nothing for a healthy metric", () => {
    expect(metricFlags({ latest: 450, thisWeek: 420, lastWeek: 300, target: 300, thresholdPct: 20, direction: "DOWN" })).toEqual([
      { kind: "breach", value: 450, target: 300 },
      { kind: "anomaly", changePct: 40, thresholdPct: 20, worse: true },
    ]);
    expect(metricFlags({ latest: 250, thisWeek: 255, lastWeek: 250, target: 300, thresholdPct: 20, direction: "DOWN" })).toEqual([]);
    expect(metricFlags({ latest: null, thisWeek: null, lastWeek: null, target: 300, thresholdPct: 20, direction: "DOWN" })).toEqual([]);
  });

  it("ranks a breach above a regression above an improvement above nothing", () => {
    const breach = { kind: "breach" as const, value: 1, target: 0 };
    const regression = { kind: "anomaly" as const, changePct: 40, thresholdPct: 20, worse: true };
    const improvement = { kind: "anomaly" as const, changePct: -40, thresholdPct: 20, worse: false };
    const weights = [[breach, regression], [breach], [regression], [improvement], []].map((flags) => flagWeight(flags));
    expect(weights).toEqual(weights.toSorted((a, b) => b - a));
    expect(new Set(weights).size).toBe(5);
  });

  it("compares durations where lower is better", () => {
    expect(durationChange(30, 60)).toEqual({ changePct: -50, better: true });
    expect(durationChange(90, 60)).toEqual({ changePct: 50, better: false });
    expect(durationChange(90, null)).toBeNull();
    expect(durationChange(null, 60)).toBeNull();
  });
});
