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
import { conflictPayload, loadSnapshotRow, toSnapshot, type SnapshotRow } from "@/lib/coes/snapshot-db";

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

export async function createCoe(user: CurrentUser, input: z.output<typeof createCoeSchema>): Promise<SavedCoe> {
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
      },
      select: { id: true, title: true },
    });
    await recordAudit(tx, { ...audit(user), action: "coe.created", entityType: "coe", entityId: coe.id, summary: `Created COE “${coe.title}” for ${team.name}` });
    return writeRevision(tx, user, coe.id, "Created");
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
  if (services !== serviceIds.length) throw new UserError("One of the services is not in your organization.", { serviceIds: ["Choose services from the list."] });
  if (users !== userIds.length) throw new UserError("One of the people named is not in your organization.", { authorIds: ["Choose people from the list."] });
  if (categories.length !== categoryIds.length) throw new UserError("One of the factor categories does not exist.", { factors: ["Choose a category from the list."] });
  // A retired category stays on the factors that already use it, but is not offered for new ones.
  const retired = categories.find((category) => category.retiredAt && !existingCategoryIds.has(category.id));
  if (retired) throw new UserError("That factor category has been retired; choose another.", { factors: ["Choose a current category."] });
}

export type SaveOptions = { summary?: string; auditAction?: string };

/** A save from the editor or the API: replaces the document, based on `baseVersion`. */
export async function saveCoe(user: CurrentUser, input: { coeId: string; baseVersion: number; document: CoeDocument }, options: SaveOptions = {}): Promise<SavedCoe> {
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

      await tx.coeService.deleteMany({ where: { coeId: row.id } });
      await tx.coeService.createMany({ data: [...new Set(document.serviceIds)].map((serviceId) => ({ coeId: row.id, serviceId })) });
      await tx.coeAuthor.deleteMany({ where: { coeId: row.id } });
      await tx.coeAuthor.createMany({ data: document.authorIds.map((userId) => ({ coeId: row.id, userId })) });
      await tx.timelineEntry.deleteMany({ where: { coeId: row.id } });
      await tx.timelineEntry.createMany({ data: document.timeline.map((entry) => ({ id: entry.id, coeId: row.id, occurredAt: entry.occurredAt, description: entry.description })) });
      await tx.contributingFactor.deleteMany({ where: { coeId: row.id } });
      await tx.contributingFactor.createMany({
        data: document.factors.map((factor, position) => ({ id: factor.id, coeId: row.id, categoryId: factor.categoryId, description: factor.description, fiveWhys: factor.fiveWhys, position })),
      });
      await tx.coeLink.deleteMany({ where: { coeId: row.id } });
      await tx.coeLink.createMany({ data: document.links.map((link, position) => ({ id: link.id, coeId: row.id, url: link.url, label: link.label, position })) });
      const actionChanges = await syncActions(tx, user, row, document);

      // Answers can be long: the audit notes which changed and by how much; the revision holds the text.
      const changes = {
        ...changedFields(row, header),
        ...Object.fromEntries(
          ANSWER_FIELDS.filter((field) => row[field] !== document[field]).map((field) => [field, { from: `${row[field].length} characters`, to: `${document[field].length} characters` }]),
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

/** Corrective actions edited inline: new ones are created, open ones updated or removed. */
async function syncActions(tx: Tx, user: CurrentUser, row: SnapshotRow, document: CoeDocument) {
  const existing = new Map(row.correctiveActions.map((action) => [action.id, action]));
  const incoming = new Set(document.actions.map((action) => action.id));
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  for (const action of document.actions) {
    const data = {
      title: action.title,
      ownerId: action.ownerId,
      type: action.type,
      priority: action.priority,
      dueDate: action.dueDate ? new Date(`${action.dueDate}T00:00:00Z`) : null,
    };
    const before = existing.get(action.id);
    if (before) {
      const unchanged =
        before.title === data.title &&
        before.ownerId === data.ownerId &&
        before.type === data.type &&
        before.priority === data.priority &&
        (before.dueDate?.getTime() ?? null) === (data.dueDate?.getTime() ?? null);
      // Only real edits move the action's own version, which guards its tracking page's saves.
      if (!unchanged) await tx.correctiveAction.update({ where: { id: action.id }, data: { ...data, version: { increment: 1 } } });
    } else {
      await tx.correctiveAction.create({
        data: { id: action.id, organizationId: user.organizationId, coeId: row.id, teamId: document.teamId, createdById: user.userId, ...data },
      });
      changes[`action:${action.id}`] = { from: null, to: action.title };
    }
  }
  // Actions someone has started on are tracked work: the editor cannot silently drop them.
  const removable = row.correctiveActions.filter((action) => !incoming.has(action.id) && action.status === "OPEN").map((action) => action.id);
  if (removable.length > 0) {
    await tx.correctiveAction.deleteMany({ where: { id: { in: removable }, coeId: row.id } });
    for (const id of removable) changes[`action:${id}`] = { from: existing.get(id)!.title, to: null };
  }
  if (document.teamId !== row.teamId) await tx.correctiveAction.updateMany({ where: { coeId: row.id }, data: { teamId: document.teamId } });
  return changes;
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
        data: { coeId: row.id, reviewerId: user.userId, decision: input.transition === "approve" ? "APPROVED" : "CHANGES_REQUESTED", note: input.note, version: row.version + 1 },
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
    return writeRevision(tx, user, row.id, TRANSITION_LABELS[input.transition] + (input.note ? `: ${input.note.slice(0, 200)}` : ""));
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
  if (!parsed.success) throw new UserError(`Version ${input.version} cannot be restored as it is: ${parsed.error.issues[0]?.message ?? "it no longer validates"}`);
  return saveCoe(user, { coeId: coe.id, baseVersion: input.baseVersion, document: parsed.data }, { summary: `Restored version ${input.version}`, auditAction: "coe.restored" });
}
