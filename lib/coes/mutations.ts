import "server-only";
import { db, type DbClient } from "@/lib/db";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/db-errors";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/permissions";
import { lifecycleActor, visibleCoeWhere } from "@/lib/coes/access";
import { missingForReview } from "@/lib/coes/completeness";
import { canEditCoe, checkTransition, TRANSITION_LABELS } from "@/lib/coes/lifecycle";
import { ANSWER_FIELDS, DEFAULT_FACTOR_CATEGORIES } from "@/lib/coes/questions";
import type { z } from "zod";
import { coeDocumentSchema, type CoeDocument, type createCoeSchema, type Transition } from "@/lib/coes/schemas";
import { snapshotToDocument, type CoeSnapshot } from "@/lib/coes/snapshot";
import { notifyCoeTransition } from "@/lib/coes/notify";
import { conflictPayload, loadSnapshotRow, toSnapshot, type SnapshotRow } from "@/lib/coes/snapshot-db";
import { coeTransitionEvent, emitCoeEvent } from "@/lib/events/coe-events";
import { createCorrectiveAction, removeCorrectiveAction, updateCorrectiveAction } from "@/lib/actions/mutations";
import type { UpdateActionInput } from "@/lib/actions/schemas";

/**
 * The one write path for COEs. Every change runs in a transaction that checks the caller may see
 * and change the COE, refuses a save based on a stale version (optimistic concurrency: the
 * version column only moves forward, guarded in the UPDATE itself), writes a revision holding
 * the whole document, and appends to the audit log.
 */
type Tx = Prisma.TransactionClient;

export type SavedCoe = { id: string; version: number; updatedAt: string; snapshot: CoeSnapshot };

export function audit(user: CurrentUser) {
  return { organizationId: user.organizationId, actorId: user.userId };
}

/** Creates the default taxonomy the first time an organization needs it. */
export async function ensureFactorCategories(tx: DbClient, organizationId: string): Promise<void> {
  if ((await tx.factorCategory.count({ where: { organizationId } })) > 0) return;
  await tx.factorCategory.createMany({
    data: DEFAULT_FACTOR_CATEGORIES.map((category) => ({ organizationId, name: category.name, description: category.description })),
    skipDuplicates: true,
  });
}

/**
 * Stores the COE as it is now as the revision of its current version. Every change to the document
 * calls it inside its transaction, after moving the version forward (lib/actions uses it too).
 */
export async function writeRevision(tx: Tx, user: CurrentUser, coeId: string, summary: string): Promise<SavedCoe> {
  const row = (await loadSnapshotRow(tx, { id: coeId, organizationId: user.organizationId }))!;
  const snapshot = toSnapshot(row);
  await tx.coeRevision.create({
    data: { coeId, version: row.version, snapshot: snapshot as unknown as Prisma.InputJsonValue, authorId: user.userId, summary },
  });
  return { id: coeId, version: row.version, updatedAt: row.updatedAt.toISOString(), snapshot };
}

/** Moves the version forward only if nobody else did first; otherwise answers with their document. */
async function bumpVersion(tx: Tx, user: CurrentUser, coeId: string, baseVersion: number, data: Prisma.CoeUncheckedUpdateManyInput): Promise<void> {
  const scope = { id: coeId, organizationId: user.organizationId };
  const { count } = await tx.coe.updateMany({ where: { ...scope, version: baseVersion }, data: { ...data, version: { increment: 1 } } });
  if (count === 1) return;
  const current = (await loadSnapshotRow(tx, scope))!;
  throw staleVersion(current);
}

function staleVersion(current: SnapshotRow): ConflictError {
  return new ConflictError(
    `Someone else saved this COE (now version ${current.version}) after you started editing. Your text is kept; compare the two and save again.`,
    conflictPayload(current),
  );
}

export async function loadForChange(tx: Tx, user: CurrentUser, coeId: string) {
  const row = await loadSnapshotRow(tx, visibleCoeWhere(user, coeId));
  if (!row) throw new NotFoundError("The COE");
  return row;
}

export function lifecycleState(row: SnapshotRow) {
  return {
    status: row.status,
    authorIds: row.authors.map(({ user }) => user.id),
    createdById: row.createdById,
    actionStatuses: row.correctiveActions.map((action) => action.status),
  };
}

/**
 * What a COE started from elsewhere begins with (an Andon cord's "Start the COE"): the authors edit
 * it like any draft. Service ids must already be checked against the caller's organization.
 */
type CoePrefill = {
  serviceIds?: string[];
  startedAt?: Date | null;
  detectedAt?: Date | null;
  mitigatedAt?: Date | null;
  whatHappened?: string;
  customerImpact?: string;
  timeline?: { occurredAt: Date; description: string }[];
};
export type CreateCoeOptions = {
  prefill?: CoePrefill;
  /** Runs inside the creating transaction, e.g. to link the cord the COE was started from. */
  afterCreate?: (tx: Tx, coeId: string) => Promise<void>;
};

function prefillData(prefill: CoePrefill | undefined) {
  if (!prefill) return {};
  return {
    startedAt: prefill.startedAt ?? null,
    detectedAt: prefill.detectedAt ?? null,
    mitigatedAt: prefill.mitigatedAt ?? null,
    whatHappened: prefill.whatHappened ?? "",
    customerImpact: prefill.customerImpact ?? "",
    services: { create: (prefill.serviceIds ?? []).map((serviceId) => ({ serviceId })) },
    timelineEntries: { create: prefill.timeline ?? [] },
  };
}

export async function createCoe(user: CurrentUser, input: z.output<typeof createCoeSchema>, options: CreateCoeOptions = {}): Promise<SavedCoe> {
  if (!can(user, "coe.write", input.teamId)) throw new ForbiddenError("You can write COEs only for teams where you are a member, reviewer or manager.");
  return db.$transaction(async (tx) => {
    const team = await tx.team.findFirst({ where: { id: input.teamId, organizationId: user.organizationId }, select: { id: true, name: true } });
    if (!team) throw new NotFoundError("The team");
    await ensureFactorCategories(tx, user.organizationId);
    const coe = await tx.coe.create({
      data: {
        organizationId: user.organizationId,
        teamId: team.id,
        title: input.title.trim(),
        severity: input.severity,
        createdById: user.userId,
        authors: { create: [{ userId: user.userId }] },
        ...prefillData(options.prefill),
      },
      select: { id: true, title: true },
    });
    await options.afterCreate?.(tx, coe.id);
    await recordAudit(tx, {
      ...audit(user),
      action: "coe.created",
      entityType: "coe",
      entityId: coe.id,
      summary: `Created COE “${coe.title}” for ${team.name}`,
    });
    const saved = await writeRevision(tx, user, coe.id, "Created");
    await emitCoeEvent(tx, user.organizationId, "coe.created", saved);
    return saved;
  });
}

/** Checks every id the document names belongs to the caller's organization. */
async function assertReferences(tx: Tx, user: CurrentUser, document: CoeDocument, existingCategoryIds: Set<string>): Promise<void> {
  const org = user.organizationId;
  const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];
  const serviceIds = unique(document.serviceIds);
  const userIds = unique([...document.authorIds, ...document.actions.map((action) => action.ownerId)]);
  const categoryIds = unique(document.factors.map((factor) => factor.categoryId));
  // One after another: a transaction is one connection, and pg does not queue parallel queries on it.
  const services = await tx.service.count({ where: { organizationId: org, id: { in: serviceIds } } });
  const users = await tx.user.count({ where: { organizationId: org, id: { in: userIds } } });
  const categories = await tx.factorCategory.findMany({ where: { organizationId: org, id: { in: categoryIds } }, select: { id: true, retiredAt: true } });
  if (services !== serviceIds.length)
    throw new UserError("One of the services is not in your organization.", { serviceIds: ["Choose services from the list."] });
  if (users !== userIds.length) throw new UserError("One of the people named is not in your organization.", { authorIds: ["Choose people from the list."] });
  if (categories.length !== categoryIds.length)
    throw new UserError("One of the factor categories does not exist.", { factors: ["Choose a category from the list."] });
  // A retired category stays on the factors that already use it, but is not offered for new ones.
  const retired = categories.find((category) => category.retiredAt && !existingCategoryIds.has(category.id));
  if (retired) throw new UserError("That factor category has been retired; choose another.", { factors: ["Choose a current category."] });
}

export type SaveOptions = { summary?: string; auditAction?: string };

/** A save from the editor or the API: replaces the document, based on `baseVersion`. */
export async function saveCoe(
  user: CurrentUser,
  input: { coeId: string; baseVersion: number; document: CoeDocument },
  options: SaveOptions = {},
): Promise<SavedCoe> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await loadForChange(tx, user, input.coeId);
      const actor = lifecycleActor(user, row.teamId);
      if (!canEditCoe(lifecycleState(row), actor)) {
        if (row.status === "APPROVED" || row.status === "CLOSED") throw new UserError("Approved and closed COEs are the record and cannot be edited.");
        throw new ForbiddenError("Only the authors and writers on the owning team can edit this COE.");
      }
      if (row.version !== input.baseVersion) throw staleVersion(row);
      const document = input.document;
      if (document.teamId !== row.teamId) {
        if (!can(user, "coe.write", document.teamId)) throw new ForbiddenError("You can move a COE only to a team where you write COEs.");
        const team = await tx.team.count({ where: { id: document.teamId, organizationId: user.organizationId } });
        if (!team) throw new NotFoundError("The team");
      }
      await assertReferences(tx, user, document, new Set(row.factors.map((factor) => factor.categoryId)));

      const header = {
        title: document.title,
        teamId: document.teamId,
        severity: document.severity,
        restricted: document.restricted,
        startedAt: document.startedAt,
        detectedAt: document.detectedAt,
        mitigatedAt: document.mitigatedAt,
        resolvedAt: document.resolvedAt,
      };
      const answers = Object.fromEntries(ANSWER_FIELDS.map((field) => [field, document[field]])) as Pick<CoeDocument, (typeof ANSWER_FIELDS)[number]>;
      await bumpVersion(tx, user, row.id, row.version, { ...header, ...answers });

      await rewriteChangedChildren(tx, row, document);
      const actionChanges = await syncActions(tx, user, row, document);

      // Answers can be long: the audit notes which changed and by how much; the revision holds the text.
      const changes = {
        ...changedFields(row, header),
        ...Object.fromEntries(
          ANSWER_FIELDS.filter((field) => row[field] !== document[field]).map((field) => [
            field,
            { from: `${row[field].length} characters`, to: `${document[field].length} characters` },
          ]),
        ),
        ...actionChanges,
      };
      await recordAudit(tx, {
        ...audit(user),
        action: options.auditAction ?? "coe.updated",
        entityType: "coe",
        entityId: row.id,
        summary: `${options.summary ?? "Edited"} COE “${document.title}” (version ${row.version + 1})`,
        changes,
      });
      return writeRevision(tx, user, row.id, options.summary ?? "Edited");
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError("Two rows in this COE share an id; reload the editor and try again.");
    throw error;
  }
}

/**
 * The child tables (services, authors, timeline, factors, links) are rewritten only when their
 * rows changed: an autosave usually touches one section, and each skipped table saves two round
 * trips, which is what keeps a save quick against a distant database.
 */
async function rewriteChangedChildren(tx: Tx, row: SnapshotRow, document: CoeDocument): Promise<void> {
  const same = (before: unknown[], after: unknown[]) => JSON.stringify(before) === JSON.stringify(after);
  const sorted = (values: string[]) => [...new Set(values)].sort();
  const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  const serviceIds = [...new Set(document.serviceIds)];
  if (!same(sorted(row.services.map(({ service }) => service.id)), sorted(serviceIds))) {
    await tx.coeService.deleteMany({ where: { coeId: row.id } });
    if (serviceIds.length > 0) await tx.coeService.createMany({ data: serviceIds.map((serviceId) => ({ coeId: row.id, serviceId })) });
  }
  if (!same(sorted(row.authors.map(({ user }) => user.id)), sorted(document.authorIds)) || new Set(document.authorIds).size !== document.authorIds.length) {
    await tx.coeAuthor.deleteMany({ where: { coeId: row.id } });
    if (document.authorIds.length > 0) await tx.coeAuthor.createMany({ data: document.authorIds.map((userId) => ({ coeId: row.id, userId })) });
  }
  const timelineKey = (entries: { id: string; occurredAt: Date; description: string }[]) =>
    byId(entries).map((entry) => [entry.id, entry.occurredAt.getTime(), entry.description]);
  if (!same(timelineKey(row.timelineEntries), timelineKey(document.timeline))) {
    await tx.timelineEntry.deleteMany({ where: { coeId: row.id } });
    if (document.timeline.length > 0) {
      await tx.timelineEntry.createMany({
        data: document.timeline.map((entry) => ({ id: entry.id, coeId: row.id, occurredAt: entry.occurredAt, description: entry.description })),
      });
    }
  }
  const factorKey = (factors: { id: string; categoryId: string; description: string; fiveWhys: string[] }[]) =>
    factors.map((factor) => [factor.id, factor.categoryId, factor.description, factor.fiveWhys]);
  if (!same(factorKey(row.factors), factorKey(document.factors))) {
    await tx.contributingFactor.deleteMany({ where: { coeId: row.id } });
    if (document.factors.length > 0) {
      await tx.contributingFactor.createMany({
        data: document.factors.map((factor, position) => ({
          id: factor.id,
          coeId: row.id,
          categoryId: factor.categoryId,
          description: factor.description,
          fiveWhys: factor.fiveWhys,
          position,
        })),
      });
    }
  }
  const linkKey = (links: { id: string; url: string; label: string }[]) => links.map((link) => [link.id, link.url, link.label]);
  if (!same(linkKey(row.links), linkKey(document.links))) {
    await tx.coeLink.deleteMany({ where: { coeId: row.id } });
    if (document.links.length > 0) {
      await tx.coeLink.createMany({
        data: document.links.map((link, position) => ({ id: link.id, coeId: row.id, url: link.url, label: link.label, position })),
      });
    }
  }
}

/**
 * The COE's inline corrective actions, changed only through lib/actions/mutations.ts inside this
 * transaction, so they follow the actions' own rules (action rights on the team, an active owner, a
 * reason to move a due date) and leave the same history, audit, events and reminders as a change
 * on the actions page or through the API. New rows are created, open ones edited or removed; when
 * the COE moves to another team, its open actions that were on the old team move with it. Actions
 * under way or finished are read-only here: their rows in the document are ignored, and they stay
 * when left out (their own page changes them).
 */
async function syncActions(tx: Tx, user: CurrentUser, row: SnapshotRow, document: CoeDocument) {
  const existing = new Map(row.correctiveActions.map((action) => [action.id, action]));
  const incoming = new Set(document.actions.map((action) => action.id));
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  for (const [index, action] of document.actions.entries()) {
    const before = existing.get(action.id);
    if (!before) {
      await forActionRow(tx, user, row, index, () =>
        createCorrectiveAction(
          user,
          {
            id: action.id,
            coeId: row.id,
            teamId: document.teamId,
            title: action.title,
            description: "",
            ownerId: action.ownerId,
            type: action.type,
            priority: action.priority,
            dueDate: action.dueDate,
          },
          tx,
        ),
      );
      changes[`action:${action.id}`] = { from: null, to: action.title };
      continue;
    }
    if (before.status !== "OPEN") continue;
    const edits = inlineEdits(before, action, document.teamId !== row.teamId && before.teamId === row.teamId ? document.teamId : undefined);
    if (edits) await forActionRow(tx, user, row, index, () => updateCorrectiveAction(user, { actionId: before.id, version: before.version, ...edits }, tx));
  }
  for (const before of row.correctiveActions) {
    if (incoming.has(before.id) || before.status !== "OPEN") continue;
    await removeCorrectiveAction(user, { actionId: before.id, coeId: row.id }, tx);
    changes[`action:${before.id}`] = { from: before.title, to: null };
  }
  return changes;
}

type InlineAction = CoeDocument["actions"][number];
type StoredAction = SnapshotRow["correctiveActions"][number];

/** What the editor changed on an open action, as an edit for updateCorrectiveAction; null when nothing. */
function inlineEdits(before: StoredAction, action: InlineAction, teamId: string | undefined): Omit<UpdateActionInput, "actionId" | "version"> | null {
  const edits: Omit<UpdateActionInput, "actionId" | "version"> = {};
  if (action.title !== before.title) edits.title = action.title;
  if (action.type !== before.type) edits.type = action.type;
  if (action.priority !== before.priority) edits.priority = action.priority;
  if (action.ownerId !== before.ownerId) {
    if (!action.ownerId) throw new UserError(`“${before.title}” has an owner: choose another person instead of none.`);
    edits.ownerId = action.ownerId;
  }
  const dueDate = before.dueDate ? before.dueDate.toISOString().slice(0, 10) : null;
  if (action.dueDate !== dueDate) {
    if (!action.dueDate) throw new UserError(`“${before.title}” has a due date: choose another date instead of none.`);
    edits.dueDate = action.dueDate;
    edits.dueDateReason = action.dueDateReason;
  }
  if (teamId) edits.teamId = teamId;
  return Object.keys(edits).length > 0 ? edits : null;
}

/**
 * Runs one action's change and words its refusal for the editor: the message goes under that row,
 * and an action changed elsewhere meanwhile is answered like a stale COE (the editor compares).
 */
async function forActionRow<T>(tx: Tx, user: CurrentUser, row: SnapshotRow, index: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConflictError) throw staleVersion((await loadSnapshotRow(tx, { id: row.id, organizationId: user.organizationId }))!);
    // Plain refusals (400) name the row; refusals of rights keep their own status and message.
    if (error instanceof UserError && error.status === 400) throw new UserError(error.message, { ...error.fieldErrors, [`actions.${index}`]: [error.message] });
    throw error;
  }
}

/** Submit, withdraw, approve, request changes, close: each checked against the lifecycle table. */
export async function transitionCoe(user: CurrentUser, input: { coeId: string; baseVersion: number; transition: Transition; note: string }): Promise<SavedCoe> {
  return db.$transaction(async (tx) => {
    const row = await loadForChange(tx, user, input.coeId);
    if (row.version !== input.baseVersion) throw staleVersion(row);
    const state = { ...lifecycleState(row), missing: missingForReview(toSnapshot(row)).map((item) => item.message) };
    const check = checkTransition(input.transition, state, lifecycleActor(user, row.teamId));
    if (!check.ok) throw new UserError(check.reason);
    if (input.transition === "requestChanges" && input.note.trim() === "") {
      throw new UserError("Say what needs to change.", { note: ["Say what needs to change, so the authors know what to fix."] });
    }
    const now = new Date();
    const data: Prisma.CoeUncheckedUpdateManyInput = { status: check.to };
    if (input.transition === "submit") data.submittedAt = now;
    if (input.transition === "approve") data.approvedAt = now;
    if (input.transition === "close") data.closedAt = now;
    await bumpVersion(tx, user, row.id, row.version, data);
    if (input.transition === "approve" || input.transition === "requestChanges") {
      await tx.coeReview.create({
        data: {
          coeId: row.id,
          reviewerId: user.userId,
          decision: input.transition === "approve" ? "APPROVED" : "CHANGES_REQUESTED",
          note: input.note,
          version: row.version + 1,
        },
      });
    }
    await recordAudit(tx, {
      ...audit(user),
      action: `coe.${input.transition === "requestChanges" ? "changes_requested" : input.transition === "submit" ? "submitted" : input.transition === "approve" ? "approved" : input.transition === "withdraw" ? "withdrawn" : "closed"}`,
      entityType: "coe",
      entityId: row.id,
      summary: `${TRANSITION_LABELS[input.transition]}: COE “${row.title}”`,
      changes: { status: { from: row.status, to: check.to }, ...(input.note ? { note: { from: null, to: input.note } } : {}) },
    });
    const saved = await writeRevision(tx, user, row.id, TRANSITION_LABELS[input.transition] + (input.note ? `: ${input.note.slice(0, 200)}` : ""));
    await notifyCoeTransition(
      tx,
      user,
      { ...row, organizationId: user.organizationId, authorIds: lifecycleState(row).authorIds },
      input.transition,
      saved.version,
    );
    const event = coeTransitionEvent(input.transition);
    if (event) await emitCoeEvent(tx, user.organizationId, event, saved);
    return saved;
  });
}

/** Restoring an old revision is a new save of that document; corrective actions stay as they are. */
export async function restoreRevision(user: CurrentUser, input: { coeId: string; baseVersion: number; version: number }): Promise<SavedCoe> {
  const coe = await db.coe.findFirst({ where: visibleCoeWhere(user, input.coeId), select: { id: true } });
  if (!coe) throw new NotFoundError("The COE");
  const revision = await db.coeRevision.findUnique({ where: { coeId_version: { coeId: coe.id, version: input.version } }, select: { snapshot: true } });
  if (!revision) throw new NotFoundError(`Version ${input.version}`);
  const current = await loadSnapshotRow(db, { id: coe.id, organizationId: user.organizationId });
  const restored = { ...snapshotToDocument(revision.snapshot as unknown as CoeSnapshot), actions: snapshotToDocument(toSnapshot(current!)).actions };
  const parsed = coeDocumentSchema.safeParse(restored);
  if (!parsed.success)
    throw new UserError(`Version ${input.version} cannot be restored as it is: ${parsed.error.issues[0]?.message ?? "it no longer validates"}`);
  return saveCoe(
    user,
    { coeId: coe.id, baseVersion: input.baseVersion, document: parsed.data },
    { summary: `Restored version ${input.version}`, auditAction: "coe.restored" },
  );
}
