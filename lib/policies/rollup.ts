import { subtreeIds, type TeamNode } from "@/lib/org/tree";

/** Compliance counts of a set of (rule, service) pairs. Acknowledged pairs are neither passing nor failing. */
export type ComplianceCounts = { applicable: number; failing: number; acknowledged: number; failingCritical: number; failingHigh: number };

export const ZERO: ComplianceCounts = { applicable: 0, failing: 0, acknowledged: 0, failingCritical: 0, failingHigh: 0 };

export function add(a: ComplianceCounts, b: ComplianceCounts): ComplianceCounts {
  return {
    applicable: a.applicable + b.applicable,
    failing: a.failing + b.failing,
    acknowledged: a.acknowledged + b.acknowledged,
    failingCritical: a.failingCritical + b.failingCritical,
    failingHigh: a.failingHigh + b.failingHigh,
  };
}

export function passing(counts: ComplianceCounts): number {
  return Math.max(0, counts.applicable - counts.failing - counts.acknowledged);
}

/** Share of applicable pairs passing, 0–100 with one decimal; null when nothing applies. */
export function passingPercent(counts: ComplianceCounts): number | null {
  if (counts.applicable === 0) return null;
  return Math.round((passing(counts) / counts.applicable) * 1000) / 10;
}

/** A team's counts with its whole subtree: each team's own counts summed down the tree. */
export function rollUp(teams: readonly TeamNode[], own: ReadonlyMap<string, ComplianceCounts>, rootId: string): ComplianceCounts {
  return subtreeIds(teams, rootId).reduce((total, teamId) => add(total, own.get(teamId) ?? ZERO), ZERO);
}
