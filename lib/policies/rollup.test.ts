import { describe, expect, it } from "vitest";
import { passingPercent, rollUp, ZERO, type ComplianceCounts } from "@/lib/policies/rollup";

const TEAMS = [
  { id: "root", parentId: null },
  { id: "retail", parentId: "root" },
  { id: "checkout", parentId: "retail" },
  { id: "platform", parentId: "root" },
];
const counts = (applicable: number, failing: number, acknowledged: number, failingCritical = 0): ComplianceCounts => ({
  ...ZERO,
  applicable,
  failing,
  acknowledged,
  failingCritical,
});

describe("compliance roll-up", () => {
  const own = new Map([
    ["retail", counts(10, 2, 1)],
    ["checkout", counts(20, 3, 2, 1)],
    ["platform", counts(5, 5, 0, 5)],
  ]);

  it.each([
    { team: "checkout", expected: counts(20, 3, 2, 1), percent: 75 },
    { team: "retail", expected: counts(30, 5, 3, 1), percent: 73.3 },
    { team: "root", expected: counts(35, 10, 3, 6), percent: 62.9 },
    { team: "platform", expected: counts(5, 5, 0, 5), percent: 0 },
  ])("$team sums its subtree: $percent % passing", ({ team, expected, percent }) => {
    const total = rollUp(TEAMS, own, team);
    expect(total).toEqual(expected);
    expect(passingPercent(total)).toBe(percent);
  });

  it("counts acknowledged pairs as neither passing nor failing", () => {
    expect(passingPercent(counts(4, 0, 4))).toBe(0);
    expect(passingPercent(counts(4, 0, 0))).toBe(100);
  });

  it("has no percentage when no rule applies", () => {
    expect(passingPercent(rollUp(TEAMS, new Map(), "root"))).toBeNull();
  });
});
