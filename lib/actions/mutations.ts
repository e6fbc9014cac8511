import "server-only";
import { notifyUsers } from "@/lib/notifications/mutations";
import { usersWithRoleOver } from "@/lib/notifications/recipients";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/permissions";
import { visibleCoeWhere } from "@/lib/coes/access";
import { ACTION_STATUS_LABELS } from "@/lib/actions/labels";
import { actionOwnerWhere, statusActor, visibleActionsWhere, visibleActionWhere } from "@/lib/actions/access";
import { syncCoeClosure } from "@/lib/coes/closure-mutations";
import { checkStatusChange, checkWontDoDecision } from "@/lib/actions/status-rules";
import { emitActionEvents } from "@/lib/events/action-events";
import { requestReminderRunAfterChange } from "@/lib/jobs/reminder-request";
import type { BulkActionInput, ChangeStatusInput, CreateActionInput, UpdateActionInput } from "@/lib/actions/schemas";

/**
 * The one write path for corrective actions, whichever door a change comes through: the actions
 * page, the API, the COE editor's inline actions, weekly reviews, game days and best practices.
 * Every change runs in a transaction (the caller's, when it passes one, so the change is part of
 * theirs) that checks the caller may see and change the action, refuses a change based on a stale
 * version, appends to the action's history and to the audit log, emits its domain events, asks for
 * a reminder run after a new owner or due date, and closes or reopens the COE when its last action
 * finishes or reopens.
 */
type Tx = Prisma.TransactionClient;

/** In the caller's transaction when it passes one, else in a transaction of its own. */
function inTransaction<T>(client: Tx | undefined, run: (tx: Tx) => Promise<T>): Promise<T> {
  return client ? run(client) : db.$transaction(run);
}

const changeSelect = {
  id: true,
  organizationId: true,
  title: true,
  teamId: true,
  ownerId: true,
  coeId: true,
  status: true,
  dueDate: true,
  version: true,
  completedById: true,
  wontDoRequestedAt: true,
  wontDoReason: true,
} satisfies Prisma.CorrectiveActionSelect;
type ChangeRow = Prisma.CorrectiveActionGetPayload<{ select: typeof changeSelect }>;

export type SavedAction = { id: string; version: number; status: string };

type HistoryEvent = { kind: string; fromValue?: string | null; toValue?: string | null; reason?: string | null };

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
const toDate = (value: string) => new Date(`${value}T00:00:00Z`);

async function loadForChange(tx: Tx, user: CurrentUser, actionId: string): Promise<ChangeRow> {
  const row = await tx.correctiveAction.findFirst({ where: visibleActionWhere(user, actionId), select: changeSelect });
  if (!row) throw new NotFoundError("The corrective action");
  return row;
}

function staleVersion(current: ChangeRow & { version: number }): ConflictError {
  return new ConflictError(
    `Someone else changed this action (now version ${current.version}) after you loaded it. Reload to see their change, then try again.`,
    {
      id: current.id,
      version: current.version,
      status: current.status,
      ownerId: current.ownerId,
      dueDate: day(current.dueDate),
    },
  );
}

/** Moves the version forward only if nobody else did first. */
async function bump(tx: Tx, row: ChangeRow, baseVersion: number, data: Prisma.CorrectiveActionUncheckedUpdateManyInput): Promise<number> {
  const { count } = await tx.correctiveAction.updateMany({ where: { id: row.id, version: baseVersion }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw staleVersion((await tx.correctiveAction.findUnique({ where: { id: row.id }, select: changeSelect }))!);
  return baseVersion + 1;
}

async function record(tx: Tx, user: CurrentUser, row: ChangeRow, events: HistoryEvent[], action: string, summary: string) {
  if (events.length > 0) {
    await tx.correctiveActionEvent.createMany({
      data: events.map((event) => ({
        actionId: row.id,
        actorId: user.userId,
        kind: event.kind,
        fromValue: event.fromValue ?? null,
        toValue: event.toValue ?? null,
        reason: event.reason ?? null,
      })),
    });
  }
  await recordAudit(tx, {
    organizationId: user.organizationId,
    actorId: user.userId,
    action,
    entityType: "corrective_action",
    entityId: row.id,
    summary: `${summary}: “${row.title}”`,
    changes: Object.fromEntries(
      events.map((event) => [event.kind, { from: event.fromValue ?? null, to: event.toValue ?? null, ...(event.reason ? { reason: event.reason } : {}) }]),
    ),
  });
}

function assertCanEdit(user: CurrentUser, row: ChangeRow) {
  const actor = statusActor(user, row);
  if (!actor.isOwner && !actor.canUpdate) throw new ForbiddenError("Only the owner or a member of the owning team can change this action; viewers cannot.");
}

async function assertAssignable(tx: Tx, user: CurrentUser, ownerId: string) {
  const owner = await tx.user.findFirst({ where: { id: ownerId, ...actionOwnerWhere(user.organizationId) }, select: { id: true, name: true } });
  if (!owner)
    throw new UserError("Choose an active member, reviewer or manager of a team as the owner: viewers cannot own actions.", {
      ownerId: ["Choose an active person who is not only a viewer."],
    });
  return owner;
}

async function ownerName(tx: Tx, ownerId: string | null) {
  if (!ownerId) return null;
  return (await tx.user.findUnique({ where: { id: ownerId }, select: { name: true } }))?.name ?? ownerId;
}

export type NewActionInput = Omit<CreateActionInput, "teamId" | "coeId" | "ownerId" | "dueDate"> & {
  /** Null only for a COE's action while the COE is written: submitting it for review needs both. */
  ownerId: string | null;
  dueDate: string | null;
  teamId?: string;
  coeId?: string;
  /** The COE editor names its rows itself: the id is the row's key in the document and its revisions. */
  id?: string;
  /** The weekly review the action is created in (lib/reviews has checked the caller runs it). */
  weeklyReviewId?: string;
  source?: "BEST_PRACTICE" | "ANDON_EVENT";
  /** The Andon cord the action follows up (lib/cords has checked the cord): sourced ANDON_EVENT and linked to it. */
  cordId?: string;
  /** A game-day finding (lib/game-days has checked the run): sourced GAME_DAY and linked to the run. */
  gameDayRunId?: string;
};

/**
 * Creates an action; `teamId` defaults to the COE's, else the owner's only team. Pass `client` when
 * the action is part of a larger change (a COE save, a review's new action, a best practice adopted).
 */
export async function createCorrectiveAction(user: CurrentUser, input: NewActionInput, client?: Tx): Promise<SavedAction> {
  const saved = await inTransaction(client, async (tx): Promise<SavedAction> => {
    if (!input.coeId && (!input.ownerId || !input.dueDate)) {
      throw new UserError("Choose who owns the action and when it is due.", {
        ...(input.ownerId ? {} : { ownerId: ["Choose who owns the action."] }),
        ...(input.dueDate ? {} : { dueDate: ["Choose a due date."] }),
      });
    }
    if (input.ownerId) await assertAssignable(tx, user, input.ownerId);
    let teamId = input.teamId;
    let coeId: string | null = null;
    if (input.coeId) {
      const coe = await tx.coe.findFirst({ where: visibleCoeWhere(user, input.coeId), select: { id: true, teamId: true } });
      if (!coe) throw new NotFoundError("The COE");
      coeId = coe.id;
      teamId ??= coe.teamId;
    }
    if (!teamId) {
      const memberships = input.ownerId ? await tx.membership.findMany({ where: { userId: input.ownerId }, select: { teamId: true } }) : [];
      if (memberships.length !== 1)
        throw new UserError("Choose the team that owns this action.", { teamId: ["The owner is on several teams (or none): choose one."] });
      teamId = memberships[0]!.teamId;
    }
    const team = await tx.team.findFirst({ where: { id: teamId, organizationId: user.organizationId }, select: { id: true } });
    if (!team) throw new NotFoundError("The team");
    if (!can(user, "action.update", team.id)) throw new ForbiddenError("You cannot create actions for that team.");
    const created = await tx.correctiveAction.create({
      data: {
        ...(input.id ? { id: input.id } : {}),
        organizationId: user.organizationId,
        coeId,
        teamId: team.id,
        weeklyReviewId: input.weeklyReviewId ?? null,
        source:
          input.source ??
          (input.cordId ? "ANDON_EVENT" : coeId ? "COE" : input.weeklyReviewId ? "WEEKLY_REVIEW" : input.gameDayRunId ? "GAME_DAY" : "STANDALONE"),
        gameDayRunId: input.gameDayRunId ?? null,
        cordId: input.cordId ?? null,
        title: input.title,
        description: input.description,
        ownerId: input.ownerId,
        type: input.type,
        priority: input.priority,
        dueDate: input.dueDate ? toDate(input.dueDate) : null,
        createdById: user.userId,
        assignedAt: input.ownerId ? new Date() : null,
      },
      select: changeSelect,
    });
    await record(tx, user, created, [{ kind: "created", toValue: input.title }], "corrective_action.created", "Created corrective action");
    await emitActionEvents(tx, user.organizationId, created.id, ["action.created"]);
    await syncCoeClosure(tx, user, coeId);
    return { id: created.id, version: created.version, status: created.status };
  });
  if (input.ownerId) requestReminderRunAfterChange();
  return saved;
}

/** Edits fields; moving a due date needs a reason, and the history keeps it. */
export async function updateCorrectiveAction(user: CurrentUser, input: UpdateActionInput, client?: Tx): Promise<SavedAction> {
  return inTransaction(client, async (tx) => {
    const row = await loadForChange(tx, user, input.actionId);
    if (row.version !== input.version) throw staleVersion(row);
    return applyEdits(tx, user, row, input);
  });
}

/**
 * Removes an action of a COE that nobody has started: open, with no won't-do request pending.
 * Work under way or finished is tracked and stays. Its history goes with the row; the audit log and
 * the action.deleted event keep the removal.
 */
export async function removeCorrectiveAction(user: CurrentUser, input: { actionId: string; coeId: string }, client?: Tx): Promise<void> {
  return inTransaction(client, async (tx) => {
    const row = await loadForChange(tx, user, input.actionId);
    if (row.coeId !== input.coeId) throw new NotFoundError("The corrective action");
    if (!can(user, "action.update", row.teamId)) throw new ForbiddenError("Only a member of the owning team can remove this action.");
    if (row.status !== "OPEN" || row.wontDoRequestedAt) {
      throw new UserError(`“${row.title}” is under way or finished and stays tracked; change it on its own page.`);
    }
    // The event carries the action as it was, so it is read before the row goes.
    await emitActionEvents(tx, user.organizationId, row.id, ["action.deleted"]);
    await tx.correctiveAction.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "corrective_action.deleted",
      entityType: "corrective_action",
      entityId: row.id,
      summary: `Removed corrective action: “${row.title}”`,
      changes: { title: { from: row.title, to: null } },
    });
    await syncCoeClosure(tx, user, row.coeId);
  });
}

/**
 * The API's PATCH: field edits and a status change in one transaction, so a refused status
 * change leaves the fields untouched too. `status` is optional; the status input is validated
 * by the caller with changeStatusSchema.
 */
export async function patchCorrectiveAction(
  user: CurrentUser,
  edits: UpdateActionInput,
  status?: Omit<ChangeStatusInput, "actionId" | "version">,
  client?: Tx,
): Promise<SavedAction> {
  return inTransaction(client, async (tx) => {
    const row = await loadForChange(tx, user, edits.actionId);
    if (row.version !== edits.version) throw staleVersion(row);
    let saved = await applyEdits(tx, user, row, edits);
    if (status) {
      const current = { ...row, version: saved.version };
      saved = await applyStatus(tx, user, current, { ...status, version: saved.version });
      await syncCoeClosure(tx, user, row.coeId);
    }
    return saved;
  });
}

async function applyEdits(tx: Tx, user: CurrentUser, row: ChangeRow, input: UpdateActionInput): Promise<SavedAction> {
  assertCanEdit(user, row);
  const data: Prisma.CorrectiveActionUncheckedUpdateManyInput = {};
  const events: HistoryEvent[] = [];
  if (input.title !== undefined && input.title !== row.title) {
    data.title = input.title;
    events.push({ kind: "title", fromValue: row.title, toValue: input.title });
  }
  if (input.description !== undefined) data.description = input.description;
  if (input.type !== undefined) data.type = input.type;
  if (input.priority !== undefined) data.priority = input.priority;
  if (input.ownerId !== undefined && input.ownerId !== row.ownerId) {
    const owner = await assertAssignable(tx, user, input.ownerId);
    Object.assign(data, { ownerId: owner.id, assignedAt: new Date() });
    events.push({ kind: "owner", fromValue: await ownerName(tx, row.ownerId), toValue: owner.name });
  }
  if (input.teamId !== undefined && input.teamId !== row.teamId) {
    const team = await tx.team.findFirst({ where: { id: input.teamId, organizationId: user.organizationId }, select: { id: true, name: true } });
    if (!team) throw new NotFoundError("The team");
    if (!can(user, "action.update", row.teamId) || !can(user, "action.update", team.id))
      throw new ForbiddenError("Moving an action needs action rights on both teams.");
    data.teamId = team.id;
    events.push({ kind: "team", fromValue: row.teamId, toValue: team.name });
  }
  if (input.dueDate !== undefined && input.dueDate !== day(row.dueDate)) {
    // A first due date (a COE's draft action had none) is set, not moved: no reason to give.
    if (row.dueDate && !input.dueDateReason)
      throw new UserError("Say why the due date changes.", { dueDateReason: ["Say why the due date changes; it is kept in the action's history."] });
    data.dueDate = toDate(input.dueDate);
    events.push({ kind: "due_date", fromValue: day(row.dueDate), toValue: input.dueDate, reason: input.dueDateReason ?? null });
  }
  if (Object.keys(data).length === 0) return { id: row.id, version: row.version, status: row.status };
  if (events.length === 0) events.push({ kind: "edited" });
  const version = await bump(tx, row, input.version, data);
  await record(tx, user, row, events, "corrective_action.updated", "Updated corrective action");
  if (data.ownerId !== undefined) await emitActionEvents(tx, user.organizationId, row.id, ["action.assigned"]);
  if (data.ownerId !== undefined || data.dueDate !== undefined) requestReminderRunAfterChange();
  return { id: row.id, version, status: row.status };
}

/**
 * `verificationRunId` (with VERIFIED by GAME_DAY): the game-day run whose hypothesis held, which
 * lib/game-days has checked; the action page links to it.
 */
export async function changeCorrectiveActionStatus(
  user: CurrentUser,
  input: ChangeStatusInput & { verificationRunId?: string },
  client?: Tx,
): Promise<SavedAction> {
  return inTransaction(client, async (tx) => {
    const row = await loadForChange(tx, user, input.actionId);
    if (row.version !== input.version) throw staleVersion(row);
    const result = await applyStatus(tx, user, row, input);
    await syncCoeClosure(tx, user, row.coeId);
    return result;
  });
}

async function applyStatus(
  tx: Tx,
  user: CurrentUser,
  row: ChangeRow,
  input: Omit<ChangeStatusInput, "actionId"> & { verificationRunId?: string },
): Promise<SavedAction> {
  const facts = { status: row.status, completedById: row.completedById, wontDoPending: row.wontDoRequestedAt !== null };
  const check = checkStatusChange(input.status, facts, statusActor(user, row));
  if (!check.ok) throw new ForbiddenError(check.reason);
  const now = new Date();
  if (input.status === "WONT_DO" && check.mode === "request") {
    const version = await bump(tx, row, input.version, { wontDoRequestedAt: now, wontDoRequestedById: user.userId, wontDoReason: input.wontDoReason });
    await record(tx, user, row, [{ kind: "wont_do_requested", reason: input.wontDoReason }], "corrective_action.wont_do_requested", "Asked for won't do on");
    return { id: row.id, version, status: row.status };
  }
  const data: Prisma.CorrectiveActionUncheckedUpdateManyInput = { status: input.status, wontDoRequestedAt: null, wontDoRequestedById: null };
  let reason: string | null = null;
  switch (input.status) {
    case "DONE":
      Object.assign(data, { evidence: input.evidence, completedAt: now, completedById: user.userId });
      reason = input.evidence ?? null;
      break;
    case "VERIFIED":
      Object.assign(data, {
        verificationMethod: input.verificationMethod,
        verificationNote: input.verificationNote,
        verificationRunId: input.verificationRunId ?? null,
        verifiedAt: now,
        verifiedById: user.userId,
      });
      reason = `${input.verificationMethod}: ${input.verificationNote}`;
      break;
    case "WONT_DO":
      Object.assign(data, { wontDoReason: input.wontDoReason, wontDoApprovedById: user.userId, completedAt: now, completedById: user.userId });
      reason = input.wontDoReason ?? null;
      break;
    case "OPEN":
    case "IN_PROGRESS":
      // Reopening clears the finish; the old evidence stays in the history.
      Object.assign(data, {
        completedAt: null,
        completedById: null,
        verifiedAt: null,
        verifiedById: null,
        verificationMethod: null,
        verificationNote: null,
        verificationRunId: null,
        wontDoApprovedById: null,
      });
      break;
  }
  const version = await bump(tx, row, input.version, data);
  if (input.status === "DONE") await notifyAwaitingVerification(tx, user, row, version);
  await record(
    tx,
    user,
    row,
    [{ kind: "status", fromValue: row.status, toValue: input.status, reason }],
    "corrective_action.status_changed",
    `${ACTION_STATUS_LABELS[row.status]} → ${ACTION_STATUS_LABELS[input.status]}`,
  );
  await emitActionEvents(
    tx,
    user.organizationId,
    row.id,
    input.status === "VERIFIED" ? ["action.status_changed", "action.verified"] : ["action.status_changed"],
  );
  return { id: row.id, version, status: input.status };
}

/** Done: the team's reviewers and managers verify that it worked (the one who finished it is not told). */
async function notifyAwaitingVerification(tx: Tx, user: CurrentUser, row: ChangeRow, version: number): Promise<void> {
  const verifiers = await usersWithRoleOver(tx, row.teamId, ["REVIEWER", "MANAGER"]);
  await notifyUsers(
    tx,
    verifiers,
    {
      organizationId: user.organizationId,
      kind: "ACTION_AWAITING_VERIFICATION",
      title: `“${row.title}” is done: verify that it worked`,
      href: `/actions/${row.id}`,
      dedupeKey: `action:${row.id}:done:${version}`,
    },
    user.userId,
  );
}

/** A manager approves (the action becomes won't do) or rejects a pending won't-do request. */
export async function decideWontDo(user: CurrentUser, input: { actionId: string; version: number; approve: boolean }, client?: Tx): Promise<SavedAction> {
  return inTransaction(client, async (tx) => {
    const row = await loadForChange(tx, user, input.actionId);
    if (row.version !== input.version) throw staleVersion(row);
    const check = checkWontDoDecision(
      { status: row.status, completedById: row.completedById, wontDoPending: row.wontDoRequestedAt !== null },
      statusActor(user, row),
    );
    if (!check.ok) throw new ForbiddenError(check.reason);
    if (!input.approve) {
      const version = await bump(tx, row, input.version, { wontDoRequestedAt: null, wontDoRequestedById: null });
      await record(tx, user, row, [{ kind: "wont_do_rejected", reason: row.wontDoReason }], "corrective_action.wont_do_rejected", "Rejected won't do on");
      return { id: row.id, version, status: row.status };
    }
    const now = new Date();
    const version = await bump(tx, row, input.version, {
      status: "WONT_DO",
      wontDoRequestedAt: null,
      wontDoApprovedById: user.userId,
      completedAt: now,
      completedById: user.userId,
    });
    await record(
      tx,
      user,
      row,
      [{ kind: "status", fromValue: row.status, toValue: "WONT_DO", reason: row.wontDoReason }],
      "corrective_action.wont_do_approved",
      "Approved won't do on",
    );
    await emitActionEvents(tx, user.organizationId, row.id, ["action.status_changed"]);
    await syncCoeClosure(tx, user, row.coeId);
    return { id: row.id, version, status: "WONT_DO" };
  });
}

export async function commentOnCorrectiveAction(user: CurrentUser, input: { actionId: string; body: string }, client?: Tx) {
  return inTransaction(client, async (tx) => {
    const row = await loadForChange(tx, user, input.actionId);
    const comment = await tx.correctiveActionComment.create({ data: { actionId: row.id, authorId: user.userId, body: input.body }, select: { id: true } });
    await record(tx, user, row, [], "corrective_action.commented", "Commented on");
    return comment;
  });
}

export async function linkToCorrectiveAction(user: CurrentUser, input: { actionId: string; url: string; label: string }, client?: Tx) {
  return inTransaction(client, async (tx) => {
    const row = await loadForChange(tx, user, input.actionId);
    assertCanEdit(user, row);
    const link = await tx.correctiveActionLink.create({
      data: { actionId: row.id, url: input.url, label: input.label, createdById: user.userId },
      select: { id: true },
    });
    await record(tx, user, row, [{ kind: "link", toValue: input.url }], "corrective_action.link_added", "Linked to");
    return link;
  });
}

/**
 * Reassign, move the due date (one reason for all) or set a status on many actions at once: all or
 * nothing, so a selection never ends half-changed. Each action still gets its own history and audit.
 */
export async function bulkUpdateCorrectiveActions(user: CurrentUser, input: BulkActionInput, client?: Tx): Promise<{ updated: number }> {
  const result = await inTransaction(client, async (tx) => {
    const ids = [...new Set(input.actionIds)];
    const rows = await tx.correctiveAction.findMany({ where: { AND: [{ id: { in: ids } }, visibleActionsWhere(user)] }, select: changeSelect });
    if (rows.length !== ids.length) throw new NotFoundError(`${ids.length - rows.length} of the selected actions`);
    const owner = input.ownerId ? await assertAssignable(tx, user, input.ownerId) : null;
    for (const row of rows) {
      assertCanEdit(user, row);
      if (input.status && input.status !== row.status) {
        await applyStatus(tx, user, row, { status: input.status, version: row.version });
        row.version += 1;
      }
      const data: Prisma.CorrectiveActionUncheckedUpdateManyInput = {};
      const events: HistoryEvent[] = [];
      if (owner && owner.id !== row.ownerId) {
        Object.assign(data, { ownerId: owner.id, assignedAt: new Date() });
        events.push({ kind: "owner", fromValue: await ownerName(tx, row.ownerId), toValue: owner.name });
      }
      if (input.dueDate && input.dueDate !== day(row.dueDate)) {
        data.dueDate = toDate(input.dueDate);
        events.push({ kind: "due_date", fromValue: day(row.dueDate), toValue: input.dueDate, reason: input.dueDateReason });
      }
      if (events.length > 0) {
        await bump(tx, row, row.version, data);
        await record(tx, user, row, events, "corrective_action.bulk_updated", "Updated (bulk) corrective action");
        if (data.ownerId !== undefined) await emitActionEvents(tx, user.organizationId, row.id, ["action.assigned"]);
      }
      if (input.status) await syncCoeClosure(tx, user, row.coeId);
    }
    return { updated: rows.length };
  });
  if (input.ownerId || input.dueDate) requestReminderRunAfterChange();
  return result;
}
