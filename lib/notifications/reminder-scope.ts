import { z } from "zod";
import { childrenByParent, type AncestorIndex, type TeamNode } from "@/lib/org/tree";
import { nearestManagers } from "@/lib/notifications/plan";

/**
 * Which open actions a reminder run must re-plan. Pure, so the rule is testable without a database.
 *
 * What planNotifications returns for an action depends on:
 *  - the action itself (owner, assignedAt, due date, team, won't-do request): any change goes
 *    through lib/actions/mutations.ts and moves its `updatedAt`;
 *  - its COE's restriction and team (may the owner see it?): a COE change moves the COE's `updatedAt`;
 *  - the UTC day: due soon, overdue and the escalation level change only when the day does. The
 *    assignment window only closes with time, so it never creates anything new later in a day;
 *  - the org tree and grace days (escalation), the managers (escalation, won't-do), and the owner's
 *    memberships and admin flag (may the owner see it?). These live in other tables and can also
 *    change by deletion, which leaves no timestamp, so each run keeps a snapshot of them (the
 *    context) and the next run compares.
 *
 * So: a full pass when there is no earlier run, on the first run of a UTC day, and when the tree or
 * the grace days changed; otherwise only actions updated (or whose COE was updated) since the last
 * run started, plus those owned by someone whose memberships or admin flag changed, plus those in
 * the subtree of a team whose nearest managers changed (its own won't-do requests, and actions below
 * that escalate to it). Notifications are never withdrawn, so a change that would plan fewer is
 * harmless; the unique key keeps re-planning idempotent.
 */
const reminderContextSchema = z.object({
  version: z.literal(1),
  /** team id → parent id */
  teams: z.record(z.string(), z.string().nullable()),
  graceDays: z.array(z.number()),
  /** team id → the managers its won't-do requests and escalations reach (nearest team with any) */
  managers: z.record(z.string(), z.array(z.string())),
  /** user id → the teams they belong to (active users only) */
  memberOf: z.record(z.string(), z.array(z.string())),
  admins: z.array(z.string()),
});
export type ReminderContext = z.infer<typeof reminderContextSchema>;

export type ReminderScope = { full: true } | { full: false; ownerIds: string[]; teamIds: string[] };

const sorted = (values: Iterable<string>) => [...values].sort();

export function reminderContext(input: {
  teams: readonly TeamNode[];
  ancestors: AncestorIndex;
  graceDays: readonly number[];
  managersByTeam: ReadonlyMap<string, readonly string[]>;
  teamsOf: ReadonlyMap<string, ReadonlySet<string>>;
  adminIds: ReadonlySet<string>;
}): ReminderContext {
  const managers = nearestManagers(input.ancestors, input.managersByTeam);
  return {
    version: 1,
    teams: Object.fromEntries(input.teams.map((team) => [team.id, team.parentId])),
    graceDays: [...input.graceDays],
    managers: Object.fromEntries([...managers].map(([teamId, userIds]) => [teamId, sorted(userIds)])),
    memberOf: Object.fromEntries([...input.teamsOf].map(([userId, teamIds]) => [userId, sorted(teamIds)])),
    admins: sorted(input.adminIds),
  };
}

/** Keys whose values differ between two records (a key on one side only counts). */
function changedKeys<T>(before: Record<string, T>, after: Record<string, T>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

/** The context a run stored, if it has this version's shape (the job wrote it; a new shape bumps the version). */
function storedContext(value: unknown): ReminderContext | null {
  // Checks the top level only: a full zod parse of thousands of memberships cost more than the rest of an incremental run.
  const parsed = reminderContextSchema.pick({ version: true, graceDays: true, admins: true }).safeParse(value);
  if (!parsed.success) return null;
  const { teams, managers, memberOf } = value as Record<string, unknown>;
  const isRecord = (field: unknown) => typeof field === "object" && field !== null && !Array.isArray(field);
  return isRecord(teams) && isRecord(managers) && isRecord(memberOf) ? (value as ReminderContext) : null;
}

export function reminderScope(previous: { fullPassDay: string; context: unknown } | null, current: ReminderContext, today: string): ReminderScope {
  if (!previous || previous.fullPassDay !== today) return { full: true };
  const before = storedContext(previous.context);
  if (!before) return { full: true };
  if (changedKeys(before.teams, current.teams).length > 0 || JSON.stringify(before.graceDays) !== JSON.stringify(current.graceDays)) return { full: true };

  const admins = (context: ReminderContext) => Object.fromEntries(context.admins.map((id) => [id, true]));
  const ownerIds = new Set([...changedKeys(before.memberOf, current.memberOf), ...changedKeys(admins(before), admins(current))]);

  const children = childrenByParent(Object.entries(current.teams).map(([id, parentId]) => ({ id, parentId })));
  const teamIds = new Set<string>();
  const queue = changedKeys(before.managers, current.managers);
  while (queue.length > 0) {
    const teamId = queue.pop()!;
    if (teamIds.has(teamId)) continue;
    teamIds.add(teamId);
    for (const child of children.get(teamId) ?? []) queue.push(child.id);
  }
  return { full: false, ownerIds: sorted(ownerIds), teamIds: sorted(teamIds) };
}

/** Whether a stored context equals the current one (then a run need not store it again). jsonb reorders keys, so compare key by key. */
export function sameReminderContext(stored: unknown, current: ReminderContext): boolean {
  const before = storedContext(stored);
  if (!before) return false;
  const sameArray = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  return (
    sameArray(before.graceDays, current.graceDays) &&
    sameArray(before.admins, current.admins) &&
    changedKeys(before.teams, current.teams).length === 0 &&
    changedKeys(before.managers, current.managers).length === 0 &&
    changedKeys(before.memberOf, current.memberOf).length === 0
  );
}
