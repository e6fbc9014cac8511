import { ancestorIds, type TeamNode } from "@/lib/org/tree";

/**
 * Escalation up the org tree. `graceDays[k]` is how many days past due an action must be before it
 * reaches level k: level 0 is the owning team's manager, level 1 the parent team's manager, and so
 * on. Past the last grace period the action keeps climbing, one level per last interval (7 days
 * with the defaults 0 / 7 / 14), until it reaches the top of the tree.
 */
const DEFAULT_GRACE_DAYS = [0, 7, 14] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from the due date to today (both UTC dates); positive when overdue. */
export function daysOverdue(dueDate: Date, today: Date): number {
  const due = Date.UTC(dueDate.getUTCFullYear(), dueDate.getUTCMonth(), dueDate.getUTCDate());
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((now - due) / DAY_MS);
}

/** Grace periods sorted and de-duplicated; the defaults when none are configured. */
export function normalizeGraceDays(graceDays: readonly number[]): number[] {
  const sorted = [...new Set(graceDays.filter((days) => Number.isInteger(days) && days >= 0))].sort((a, b) => a - b);
  return sorted.length > 0 ? sorted : [...DEFAULT_GRACE_DAYS];
}

/** The escalation level an action overdue by `overdueDays` has reached, or null if not escalated. */
export function escalationLevel(overdueDays: number, graceDays: readonly number[]): number | null {
  const grace = normalizeGraceDays(graceDays);
  if (overdueDays <= grace[0]!) return null;
  let level = 0;
  while (level + 1 < grace.length && overdueDays > grace[level + 1]!) level += 1;
  if (level === grace.length - 1) {
    const step = grace.length > 1 ? grace.at(-1)! - grace.at(-2)! : 7;
    if (step > 0) level += Math.floor((overdueDays - grace.at(-1)! - 1) / step);
  }
  return level;
}

/**
 * The inverse of escalationLevel: an action reaches `level` once it is more than this many days
 * overdue. Lets a query select "everything that has reached this team" in SQL.
 */
export function graceForLevel(level: number, graceDays: readonly number[]): number {
  const grace = normalizeGraceDays(graceDays);
  if (level < grace.length) return grace[level]!;
  const step = grace.length > 1 ? grace.at(-1)! - grace.at(-2)! : 7;
  return grace.at(-1)! + (level - grace.length + 1) * Math.max(step, 1);
}

/**
 * The teams whose managers see an action at `level`: the owning team and each ancestor up to the
 * level, capped at the top of the tree. The last entry is where it has escalated to.
 */
export function escalationChain(teams: readonly TeamNode[], teamId: string, level: number | null): string[] {
  if (level === null) return [];
  const chain = ancestorIds(teams, teamId);
  return chain.slice(0, Math.min(level, chain.length - 1) + 1);
}

export type EscalationInput = { teamId: string; dueDate: Date | null; finished: boolean };
export type Escalation = { level: number; daysOverdue: number; chain: string[]; escalatedToTeamId: string };

export function escalationOf(teams: readonly TeamNode[], action: EscalationInput, graceDays: readonly number[], today: Date): Escalation | null {
  if (action.finished || !action.dueDate) return null;
  const overdue = daysOverdue(action.dueDate, today);
  const reached = escalationLevel(overdue, graceDays);
  if (reached === null) return null;
  const chain = escalationChain(teams, action.teamId, reached);
  // At the top of the tree it stays there: the level never points above the root.
  return { level: chain.length - 1, daysOverdue: overdue, chain, escalatedToTeamId: chain.at(-1)! };
}

/**
 * `escalationOf` with the owning team's `ancestorIds` chain already at hand (from
 * `ancestorIndex`), for callers that escalate thousands of actions over one tree.
 */
export function escalationAlong(ancestors: readonly string[], action: EscalationInput, graceDays: readonly number[], today: Date): Escalation | null {
  if (action.finished || !action.dueDate) return null;
  const overdue = daysOverdue(action.dueDate, today);
  const reached = escalationLevel(overdue, graceDays);
  if (reached === null) return null;
  const chain = ancestors.slice(0, Math.min(reached, ancestors.length - 1) + 1);
  return { level: chain.length - 1, daysOverdue: overdue, chain, escalatedToTeamId: chain.at(-1)! };
}
