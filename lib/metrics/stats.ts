import type { MetricDirection } from "@/lib/generated/prisma/enums";
import { subtreeIds, type TeamNode } from "@/lib/org/tree";

/**
 * The statistics behind the metrics pages, as pure functions. The pages aggregate in SQL
 * (lib/metrics/incident-queries.ts); these define what the SQL must compute, are what the tests
 * check it against, and summarize the small sets (one metric's values) that are already in memory.
 */

/**
 * The p-th percentile (0 ≤ p ≤ 1) by linear interpolation between the closest ranks: the value at
 * rank (n − 1)·p of the sorted values, interpolated between its neighbours. This is PostgreSQL's
 * `percentile_cont` and Excel's PERCENTILE.INC, so the page and a spreadsheet agree. Null for an
 * empty set; the one value for a one-point set.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile needs 0 ≤ p ≤ 1, got ${p}`);
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (rank - lower) * (sorted[upper]! - sorted[lower]!);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The headline of a set of durations or values: what the pages show instead of a lone mean. */
export type Summary = { count: number; median: number | null; p90: number | null; mean: number | null };

export function summarize(values: readonly number[]): Summary {
  return { count: values.length, median: median(values), p90: percentile(values, 0.9), mean: mean(values) };
}

/**
 * Buckets of a distribution, bounded by ascending `edges`: bucket 0 holds values below edges[0],
 * bucket i holds edges[i−1] ≤ value < edges[i], the last holds values ≥ the last edge. So there
 * are edges.length + 1 buckets, and the bucket index equals PostgreSQL's `width_bucket(value, edges)`.
 */
export function bucketIndex(value: number, edges: readonly number[]): number {
  let index = 0;
  while (index < edges.length && value >= edges[index]!) index++;
  return index;
}

export function distribution(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const value of values) counts[bucketIndex(value, edges)]!++;
  return counts;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Bucket edges for incident durations, in seconds: the boundaries people talk in. */
export const DURATION_EDGES_SEC = [15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, DAY, 3 * DAY] as const;
export const DURATION_BUCKET_LABELS = ["< 15 min", "15–30 min", "30 min–1 h", "1–2 h", "2–4 h", "4–8 h", "8–24 h", "1–3 d", "≥ 3 d"] as const;

/**
 * Rolls additive figures up the org tree: each team's result is the sum over its whole subtree
 * (itself and every team below it). Only additive figures (counts, sums) roll up this way;
 * percentiles do not, and are computed over the subtree's incidents in SQL instead.
 */
export function rollUp<K extends string>(
  teams: readonly TeamNode[],
  own: ReadonlyMap<string, Readonly<Record<K, number>>>,
  keys: readonly K[],
): Map<string, Record<K, number>> {
  const result = new Map<string, Record<K, number>>();
  for (const team of teams) {
    const total = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
    for (const id of subtreeIds(teams, team.id)) {
      const figures = own.get(id);
      if (!figures) continue;
      for (const key of keys) total[key] += figures[key];
    }
    result.set(team.id, total);
  }
  return result;
}

/** Which way a key service metric should move. */
export type Direction = MetricDirection;

/** A value breaches its target when it is on the bad side of it; meeting the target exactly is fine. */
export function breachesTarget(value: number, target: number | null, direction: Direction): boolean {
  if (target === null) return false;
  return direction === "UP" ? value < target : value > target;
}

export type WeekOverWeek = {
  /** Percentage change from the previous week (relative to its absolute value). */
  changePct: number;
  /** Whether the move went the bad way for this metric. */
  worse: boolean;
  /** Whether the move is larger than the metric's threshold. */
  beyondThreshold: boolean;
};

/**
 * This week against last week. Null when there is nothing to compare (no previous figure, or a
 * previous figure of zero, against which a percentage means nothing).
 */
export function weekOverWeek(current: number | null, previous: number | null, thresholdPct: number | null, direction: Direction): WeekOverWeek | null {
  if (current === null || previous === null || previous === 0) return null;
  const changePct = ((current - previous) / Math.abs(previous)) * 100;
  const worse = direction === "UP" ? changePct < 0 : changePct > 0;
  return { changePct, worse, beyondThreshold: thresholdPct !== null && Math.abs(changePct) > thresholdPct };
}

export type MetricFlag = { kind: "breach"; value: number; target: number } | { kind: "anomaly"; changePct: number; thresholdPct: number; worse: boolean };

/**
 * What the weekly review should look at for one metric: a breached target on the latest value,
 * and a week-over-week move beyond the threshold (either way: a sudden improvement is as worth a
 * question as a regression, but only a regression is marked as worse).
 */
export function metricFlags(input: {
  latest: number | null;
  thisWeek: number | null;
  lastWeek: number | null;
  target: number | null;
  thresholdPct: number | null;
  direction: Direction;
}): MetricFlag[] {
  const flags: MetricFlag[] = [];
  if (input.latest !== null && input.target !== null && breachesTarget(input.latest, input.target, input.direction)) {
    flags.push({ kind: "breach", value: input.latest, target: input.target });
  }
  const move = weekOverWeek(input.thisWeek, input.lastWeek, input.thresholdPct, input.direction);
  if (move?.beyondThreshold && input.thresholdPct !== null) {
    flags.push({ kind: "anomaly", changePct: move.changePct, thresholdPct: input.thresholdPct, worse: move.worse });
  }
  return flags;
}

/** Whether a metric needs someone: its target is breached, or it moved the bad way beyond its threshold (an improvement only raises a question). */
export function needsAttention(flags: readonly MetricFlag[]): boolean {
  return flags.some((flag) => flag.kind === "breach" || (flag.kind === "anomaly" && flag.worse));
}

/** How urgently a metric's flags ask for attention: a breach, then a regression, then any move. */
export function flagWeight(flags: readonly MetricFlag[]): number {
  return (
    (flags.some((flag) => flag.kind === "breach") ? 4 : 0) + (flags.some((flag) => flag.kind === "anomaly" && flag.worse) ? 2 : 0) + (flags.length > 0 ? 1 : 0)
  );
}

/**
 * A figure against a reference (previous window, baseline) for durations, where lower is better.
 * Null when either side is missing or the reference is zero.
 */
export function durationChange(current: number | null, reference: number | null): { changePct: number; better: boolean } | null {
  if (current === null || reference === null || reference === 0) return null;
  const changePct = ((current - reference) / reference) * 100;
  return { changePct, better: changePct < 0 };
}
