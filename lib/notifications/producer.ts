import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ancestorIndex, type AncestorIndex, type TeamNode } from "@/lib/org/tree";
import { planNotifications, type PlanAction, type PlannedNotification } from "@/lib/notifications/plan";
import { isForeignKeyViolation } from "@/lib/db-errors";
import { reminderContext, reminderScope, sameReminderContext, type ReminderScope } from "@/lib/notifications/reminder-scope";
import { sendPendingEmails } from "@/lib/notifications/email";
import { logError, logInfo } from "@/lib/log";
import { reminderEventsSql } from "@/lib/events/reminder-events";

/**
 * Open actions planned and inserted per step; the event loop gets a turn between steps. A step of
 * 1,000 costs about 40 ms of CPU on the benchmark organization (2,000 made the longest pause ~160 ms).
 */
const REMINDER_BATCH_SIZE = 1000;
/**
 * How far before the previous run's start an incremental pass looks: covers a change whose
 * transaction committed after that run read the actions, and clock drift between app instances
 * (`updatedAt` comes from the clock of the instance that wrote it).
 */
const CHANGE_MARGIN_MS = 5 * 60_000;

export type ReminderRunResult = { created: number; emailed: number; fullPasses: number; actionsPlanned: number };

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The reminder job's work: for every organization, plan the notifications its open actions call
 * for and insert them. ON CONFLICT DO NOTHING against the unique (user, action, kind, dedupeKey)
 * key makes it idempotent: running it twice, or again after a restart, creates nothing new. Which
 * actions a run looks at is the rule in reminder-scope.ts: all of them once per UTC day, otherwise
 * only what changed. Actions are read and inserted in batches, yielding between them, so the
 * instance running the job keeps serving pages.
 */
export async function produceNotifications(now = new Date(), options: { batchSize?: number } = {}): Promise<ReminderRunResult> {
  const startedAt = new Date();
  const organizations = await db.organization.findMany({
    select: { id: true, escalationGraceDays: true, reminderRun: { select: { startedAt: true, fullPassDay: true, context: true } } },
  });
  const result: ReminderRunResult = { created: 0, emailed: 0, fullPasses: 0, actionsPlanned: 0 };
  for (const organization of organizations) {
    const { created, actionsPlanned, full } = await produceForOrganization(organization, now, startedAt, options.batchSize ?? REMINDER_BATCH_SIZE);
    result.created += created;
    result.actionsPlanned += actionsPlanned;
    if (full) result.fullPasses += 1;
  }
  try {
    result.emailed = await sendPendingEmails(now);
  } catch (error) {
    // In-app notifications are already saved; email is retried on the next run.
    logError("sending notification emails failed", error);
  }
  logInfo("reminder run finished", { ...result, organizations: organizations.length, ms: Date.now() - startedAt.getTime() });
  return result;
}

type OrganizationToPlan = { id: string; escalationGraceDays: number[]; reminderRun: { startedAt: Date; fullPassDay: Date; context: Prisma.JsonValue } | null };

async function produceForOrganization(organization: OrganizationToPlan, now: Date, startedAt: Date, batchSize: number) {
  const organizationId = organization.id;
  const [teams, memberships, admins, restrictedCoes] = await Promise.all([
    db.team.findMany({ where: { organizationId }, select: { id: true, parentId: true } }),
    db.membership.findMany({ where: { team: { organizationId }, user: { deactivatedAt: null } }, select: { teamId: true, userId: true, role: true } }),
    db.user.findMany({ where: { organizationId, isAdmin: true }, select: { id: true } }),
    db.coe.findMany({ where: { organizationId, restricted: true }, select: { id: true, teamId: true } }),
  ]);
  const managersByTeam = new Map<string, string[]>();
  const teamsOf = new Map<string, Set<string>>();
  for (const { teamId, userId, role } of memberships) {
    if (role === "MANAGER") managersByTeam.set(teamId, [...(managersByTeam.get(teamId) ?? []), userId]);
    teamsOf.set(userId, (teamsOf.get(userId) ?? new Set()).add(teamId));
  }
  const adminIds = new Set(admins.map((admin) => admin.id));
  const ancestors = ancestorIndex(teams);
  const context = reminderContext({ teams, ancestors, graceDays: organization.escalationGraceDays, managersByTeam, teamsOf, adminIds });
  const today = utcDay(now);
  const previous = organization.reminderRun;
  const scope = reminderScope(previous && { fullPassDay: utcDay(previous.fullPassDay), context: previous.context }, context, today);
  const where = scope.full
    ? openActions(organizationId)
    : await changedOpenActions(organizationId, scope, new Date(previous!.startedAt.getTime() - CHANGE_MARGIN_MS));

  // The rule of lib/actions/access.ts: readers of the action's team see it; other owners do, unless its COE is restricted to a team they are not in.
  const restrictedTeamOf = new Map(restrictedCoes.map((coe) => [coe.id, coe.teamId]));
  const reads = (userId: string, teamId: string) => (ancestors.get(teamId) ?? []).some((id) => teamsOf.get(userId)?.has(id));
  const ownerMaySee = (action: { ownerId: string | null; teamId: string; coeId: string | null }) => {
    if (!action.ownerId || adminIds.has(action.ownerId) || reads(action.ownerId, action.teamId)) return true;
    const restrictedTeam = action.coeId ? restrictedTeamOf.get(action.coeId) : undefined;
    return restrictedTeam === undefined || reads(action.ownerId, restrictedTeam);
  };

  let created = 0;
  let actionsPlanned = 0;
  for await (const batch of openActionBatches(where, batchSize)) {
    const actions: PlanAction[] = batch.map((action) => ({ ...action, ownerMaySee: ownerMaySee(action) }));
    created += await insertPlanned(organizationId, actions, { teams, ancestors, graceDays: organization.escalationGraceDays, managersByTeam, now });
    actionsPlanned += actions.length;
    await yieldToEventLoop();
  }

  // Only a finished pass moves the marks: a run that failed half-way is redone from the old ones.
  const fullPassDay = scope.full ? new Date(`${today}T00:00:00Z`) : previous!.fullPassDay;
  // Writing the context walks every membership through Prisma's argument builder: skip it when unchanged.
  if (!previous)
    await db.reminderRun.upsert({
      where: { organizationId },
      create: { organizationId, startedAt, fullPassDay, context },
      update: { startedAt, fullPassDay, context },
    });
  else
    await db.reminderRun.updateMany({
      where: { organizationId },
      data: { startedAt, fullPassDay, ...(sameReminderContext(previous.context, context) ? {} : { context }) },
    });
  return { created, actionsPlanned, full: scope.full };
}

/** The open actions that can have notifications. */
function openActions(organizationId: string): Prisma.CorrectiveActionWhereInput {
  return {
    organizationId,
    status: { in: ["OPEN", "IN_PROGRESS"] },
    OR: [{ ownerId: { not: null } }, { dueDate: { not: null } }, { wontDoRequestedAt: { not: null } }],
  };
}

/** An incremental pass: the open actions (or their COEs) changed since `since`, and those the scope names. */
async function changedOpenActions(
  organizationId: string,
  scope: Extract<ReminderScope, { full: false }>,
  since: Date,
): Promise<Prisma.CorrectiveActionWhereInput> {
  const changedCoes = await db.coe.findMany({ where: { organizationId, updatedAt: { gte: since } }, select: { id: true } });
  const changed: Prisma.CorrectiveActionWhereInput[] = [{ updatedAt: { gte: since } }];
  if (changedCoes.length > 0) changed.push({ coeId: { in: changedCoes.map((coe) => coe.id) } });
  if (scope.ownerIds.length > 0) changed.push({ ownerId: { in: scope.ownerIds } });
  if (scope.teamIds.length > 0) changed.push({ teamId: { in: scope.teamIds } });
  return { AND: [openActions(organizationId), { OR: changed }] };
}

/** Keyset pages by id, so each batch is one short indexed read however far the pass has come. */
async function* openActionBatches(where: Prisma.CorrectiveActionWhereInput, batchSize: number) {
  let after: string | null = null;
  for (;;) {
    const batch: (Omit<PlanAction, "ownerMaySee"> & { coeId: string | null })[] = await db.correctiveAction.findMany({
      where: after === null ? where : { AND: [where, { id: { gt: after } }] },
      select: {
        id: true,
        title: true,
        teamId: true,
        ownerId: true,
        dueDate: true,
        createdAt: true,
        assignedAt: true,
        createdById: true,
        wontDoRequestedAt: true,
        coeId: true,
      },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch.at(-1)!.id;
  }
}

/**
 * Inserts what the plan calls for and is not there yet, in one INSERT … ON CONFLICT DO NOTHING per
 * batch. Most planned notifications already exist (a full pass plans every overdue one again each
 * day), and Prisma's createMany spent about half a millisecond of CPU per row building them, which
 * is what froze the server; the rows travel as one JSON parameter, since Prisma also inspects every
 * element of an array parameter. The ids are UUIDs made by PostgreSQL: opaque, like the cuids Prisma
 * would have made, and nothing reads their shape.
 */
async function insertPlanned(
  organizationId: string,
  actions: PlanAction[],
  tree: { teams: readonly TeamNode[]; ancestors: AncestorIndex; graceDays: number[]; managersByTeam: ReadonlyMap<string, readonly string[]>; now: Date },
): Promise<number> {
  const planned = planNotifications({ actions, ...tree });
  if (planned.length === 0) return 0;
  try {
    return await insertPlannedRows(organizationId, planned, tree.now);
  } catch (error) {
    // A user or action deleted while this very statement ran (after its snapshot, before its
    // foreign-key check): run it again once; the new snapshot no longer sees the row, so it is skipped.
    if (!isForeignKeyViolation(error)) throw error;
    return insertPlannedRows(organizationId, planned, tree.now);
  }
}

async function insertPlannedRows(organizationId: string, planned: PlannedNotification[], now: Date): Promise<number> {
  // The same statement writes action.due_soon / overdue / escalated to the event outbox, once per
  // (action, kind, dedupe key) newly inserted: set-based, so a full pass costs no extra round trip.
  // The plan was made in memory from reads a moment earlier: a recipient or an action deleted since
  // is skipped here rather than failing the whole batch on notifications' foreign keys.
  const rows = await db.$queryRaw<{ created: number }[]>`
    WITH inserted AS (
      INSERT INTO notifications (id, organization_id, user_id, action_id, kind, dedupe_key, title)
      SELECT gen_random_uuid()::text, ${organizationId}, p."userId", p."actionId", p.kind::"NotificationKind", p."dedupeKey", p.title
      FROM json_to_recordset(${JSON.stringify(planned)}::json) AS p("userId" text, "actionId" text, kind text, "dedupeKey" text, title text)
      WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = p."userId")
        AND EXISTS (SELECT 1 FROM corrective_actions a WHERE a.id = p."actionId")
      ON CONFLICT (user_id, action_id, kind, dedupe_key) DO NOTHING
      RETURNING action_id, kind, dedupe_key
    ), events AS (
      INSERT INTO domain_events (id, organization_id, type, team_id, data)
      ${reminderEventsSql(organizationId, utcDay(now))}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted)::int AS created`;
  return rows[0]?.created ?? 0;
}
