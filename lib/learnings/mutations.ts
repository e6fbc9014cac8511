import "server-only";
import { db, type DbClient } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { emitEvent } from "@/lib/events/mutations";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { visibleCoeWhere } from "@/lib/coes/access";
import { createCorrectiveAction } from "@/lib/actions/mutations";
import { canDecideAdoption, canEditBestPractice, canEditLessons, canPromoteFrom, visibleLessonsWhere } from "@/lib/learnings/access";
import { bestPracticeJson, bestPracticeJsonSelect, lessonJson, lessonJsonSelect } from "@/lib/learnings/api-json";
import { splitLessons } from "@/lib/learnings/split-lessons";
import type { AdoptBestPracticeInput, CreateLessonInput, PromoteLessonInput, UpdateBestPracticeInput } from "@/lib/learnings/schemas";

/**
 * The one write path for lessons, best practices, their adoptions, related COEs and the digest
 * opt-out. Each change checks the caller against the COE or team it touches, writes the audit log
 * and the domain event in the same transaction.
 */
type Tx = Prisma.TransactionClient;

const coeForLessonsSelect = {
  id: true,
  teamId: true,
  title: true,
  createdById: true,
  lessonsLearned: true,
  authors: { select: { userId: true } },
  services: { select: { serviceId: true } },
  factors: { select: { categoryId: true } },
} as const;

async function loadCoeForLessons(tx: Tx, user: CurrentUser, coeId: string) {
  const coe = await tx.coe.findFirst({ where: visibleCoeWhere(user, coeId), select: coeForLessonsSelect });
  if (!coe) throw new NotFoundError("The COE");
  if (!canEditLessons(user, { teamId: coe.teamId, createdById: coe.createdById, authorIds: coe.authors.map((author) => author.userId) }))
    throw new ForbiddenError("Only the COE's authors and its team's writers can change its lessons.");
  return coe;
}

async function loadLessonForChange(tx: Tx, user: CurrentUser, lessonId: string) {
  const lesson = await tx.lesson.findFirst({
    where: { id: lessonId, ...visibleLessonsWhere(user) },
    select: { ...lessonJsonSelect, coe: { select: { teamId: true } } },
  });
  if (!lesson) throw new NotFoundError("The lesson");
  const coe = await loadCoeForLessons(tx, user, lesson.coeId);
  return { lesson, coe };
}

/** Categories and services are checked against the organization; left out, they default to the COE's. */
async function lessonLinks(
  tx: Tx,
  user: CurrentUser,
  coe: { factors: { categoryId: string }[]; services: { serviceId: string }[] },
  input: { categoryIds?: string[]; serviceIds?: string[] },
) {
  const categoryIds = input.categoryIds ?? [...new Set(coe.factors.map((factor) => factor.categoryId))];
  const serviceIds = input.serviceIds ?? coe.services.map((service) => service.serviceId);
  const [categories, services] = await Promise.all([
    categoryIds.length ? tx.factorCategory.count({ where: { id: { in: categoryIds }, organizationId: user.organizationId } }) : 0,
    serviceIds.length ? tx.service.count({ where: { id: { in: serviceIds }, organizationId: user.organizationId } }) : 0,
  ]);
  if (categories !== new Set(categoryIds).size) throw new UserError("Choose categories of your organization.", { categoryIds: ["Unknown category."] });
  if (services !== new Set(serviceIds).size) throw new UserError("Choose services of your organization.", { serviceIds: ["Unknown service."] });
  return { categoryIds: [...new Set(categoryIds)], serviceIds: [...new Set(serviceIds)] };
}

async function audit(tx: Tx, user: CurrentUser, action: string, entityType: string, entityId: string, summary: string) {
  await recordAudit(tx, { organizationId: user.organizationId, actorId: user.userId, action, entityType, entityId, summary });
}

export async function createLesson(user: CurrentUser, input: CreateLessonInput, client?: Tx) {
  const run = async (tx: Tx) => {
    const coe = await loadCoeForLessons(tx, user, input.coeId);
    const links = await lessonLinks(tx, user, coe, input);
    const position = await tx.lesson.count({ where: { coeId: coe.id } });
    const lesson = await tx.lesson.create({
      data: {
        organizationId: user.organizationId,
        coeId: coe.id,
        statement: input.statement,
        detail: input.detail,
        tags: input.tags,
        status: input.confirmed ? "CONFIRMED" : "DRAFT",
        confirmedAt: input.confirmed ? new Date() : null,
        position,
        createdById: user.userId,
        categories: { create: links.categoryIds.map((categoryId) => ({ categoryId })) },
        services: { create: links.serviceIds.map((serviceId) => ({ serviceId })) },
      },
      select: lessonJsonSelect,
    });
    await audit(tx, user, "lesson.created", "lesson", lesson.id, `Added a lesson to “${coe.title}”: “${lesson.statement}”`);
    await emitEvent(tx, {
      organizationId: user.organizationId,
      type: input.confirmed ? "lesson.confirmed" : "lesson.created",
      teamId: coe.teamId,
      data: lessonJson(lesson),
    });
    return lessonJson(lesson);
  };
  return client ? run(client) : db.$transaction(run);
}

/** A draft becomes part of the library. Confirming twice changes nothing. */
export async function confirmLesson(user: CurrentUser, lessonId: string) {
  return db.$transaction(async (tx) => {
    const { lesson, coe } = await loadLessonForChange(tx, user, lessonId);
    if (lesson.status === "CONFIRMED") return lessonJson(lesson);
    const saved = await tx.lesson.update({
      where: { id: lesson.id },
      data: { status: "CONFIRMED", confirmedAt: new Date(), version: { increment: 1 } },
      select: lessonJsonSelect,
    });
    await audit(tx, user, "lesson.confirmed", "lesson", lesson.id, `Confirmed a lesson of “${coe.title}”: “${saved.statement}”`);
    await emitEvent(tx, { organizationId: user.organizationId, type: "lesson.confirmed", teamId: coe.teamId, data: lessonJson(saved) });
    return lessonJson(saved);
  });
}

export async function deleteLesson(user: CurrentUser, lessonId: string) {
  return db.$transaction(async (tx) => {
    const { lesson, coe } = await loadLessonForChange(tx, user, lessonId);
    await tx.lesson.delete({ where: { id: lesson.id } });
    await audit(tx, user, "lesson.deleted", "lesson", lesson.id, `Removed a lesson from “${coe.title}”: “${lesson.statement}”`);
    await emitEvent(tx, { organizationId: user.organizationId, type: "lesson.deleted", teamId: coe.teamId, data: lessonJson(lesson) });
    return { id: lesson.id };
  });
}

/**
 * Drafts from the COE's "What lessons did you learn?" answer (paragraphs and list items), skipping
 * the ones it already has: the author then confirms, edits or removes them.
 */
export async function draftLessonsFromAnswer(user: CurrentUser, coeId: string) {
  return db.$transaction(async (tx) => {
    const coe = await loadCoeForLessons(tx, user, coeId);
    const existing = new Set((await tx.lesson.findMany({ where: { coeId: coe.id }, select: { statement: true } })).map((lesson) => lesson.statement));
    const drafts = splitLessons(coe.lessonsLearned).filter((draft) => !existing.has(draft.statement));
    const created = [];
    for (const draft of drafts) created.push(await createLesson(user, { coeId: coe.id, ...draft, tags: [], confirmed: false }, tx));
    return { created: created.length };
  });
}

/** Links two COEs as related (shown on both); linking twice changes nothing. */
export async function relateCoes(user: CurrentUser, coeId: string, relatedCoeId: string) {
  if (coeId === relatedCoeId) throw new UserError("A COE cannot be related to itself.");
  return db.$transaction(async (tx) => {
    const coe = await loadCoeForLessons(tx, user, coeId);
    const other = await tx.coe.findFirst({ where: visibleCoeWhere(user, relatedCoeId), select: { id: true, title: true } });
    if (!other) throw new NotFoundError("The related COE");
    const [first, second] = [coe.id, other.id].sort() as [string, string];
    const existing = await tx.coeRelation.findUnique({ where: { coeId_relatedCoeId: { coeId: first, relatedCoeId: second } }, select: { coeId: true } });
    if (existing) return { coeId, relatedCoeId };
    await tx.coeRelation.create({ data: { coeId: first, relatedCoeId: second, createdById: user.userId } });
    await audit(tx, user, "coe.related", "coe", coe.id, `Linked “${coe.title}” with “${other.title}” as related`);
    return { coeId, relatedCoeId };
  });
}

export async function unrelateCoes(user: CurrentUser, coeId: string, relatedCoeId: string) {
  return db.$transaction(async (tx) => {
    const coe = await loadCoeForLessons(tx, user, coeId);
    const [first, second] = [coe.id, relatedCoeId].sort() as [string, string];
    const { count } = await tx.coeRelation.deleteMany({ where: { coeId: first, relatedCoeId: second } });
    if (count) await audit(tx, user, "coe.unrelated", "coe", coe.id, `Unlinked a related COE from “${coe.title}”`);
    return { coeId, relatedCoeId };
  });
}

/** Promotes a confirmed lesson to an organization-wide best practice (a reviewer or manager of the COE's team). */
export async function promoteLesson(user: CurrentUser, input: PromoteLessonInput) {
  return db.$transaction(async (tx) => {
    const lesson = await tx.lesson.findFirst({
      where: { id: input.lessonId, ...visibleLessonsWhere(user) },
      select: { id: true, statement: true, detail: true, status: true, coeId: true, coe: { select: { teamId: true, title: true } } },
    });
    if (!lesson) throw new NotFoundError("The lesson");
    if (!canPromoteFrom(user, lesson.coe.teamId)) throw new ForbiddenError("Only a reviewer or manager of the COE's team can promote its lessons.");
    if (lesson.status !== "CONFIRMED") throw new UserError("Only a confirmed lesson can become a best practice: ask the author to confirm it first.");
    const already = await tx.bestPractice.findFirst({ where: { lessonId: lesson.id }, select: { id: true } });
    if (already) throw new UserError("This lesson is already a best practice.");
    const practice = await tx.bestPractice.create({
      data: {
        organizationId: user.organizationId,
        title: input.title ?? lesson.statement,
        description: input.description ?? lesson.detail,
        lessonId: lesson.id,
        coeId: lesson.coeId,
        promotedById: user.userId,
      },
      select: bestPracticeJsonSelect,
    });
    await audit(
      tx,
      user,
      "best_practice.promoted",
      "best_practice",
      practice.id,
      `Promoted a lesson of “${lesson.coe.title}” to a best practice: “${practice.title}”`,
    );
    await emitEvent(tx, { organizationId: user.organizationId, type: "best_practice.promoted", teamId: null, data: bestPracticeJson(practice) });
    return bestPracticeJson(practice);
  });
}

/**
 * A weekly review decision under "identify new best practices" creates a best practice. Called by
 * lib/reviews in its own transaction, after it has checked the caller runs that review.
 */
export async function createBestPracticeFromDecision(tx: DbClient, user: CurrentUser, decision: { id: string; text: string; reviewLabel: string }) {
  const title = decision.text.length > 280 ? `${decision.text.slice(0, 279)}…` : decision.text;
  const practice = await tx.bestPractice.create({
    data: {
      organizationId: user.organizationId,
      title,
      description: decision.text.length > 280 ? decision.text : "",
      reviewDecisionId: decision.id,
      promotedById: user.userId,
    },
    select: bestPracticeJsonSelect,
  });
  await recordAudit(tx, {
    organizationId: user.organizationId,
    actorId: user.userId,
    action: "best_practice.promoted",
    entityType: "best_practice",
    entityId: practice.id,
    summary: `Best practice from ${decision.reviewLabel}: “${practice.title}”`,
  });
  await emitEvent(tx, { organizationId: user.organizationId, type: "best_practice.promoted", teamId: null, data: bestPracticeJson(practice) });
  return bestPracticeJson(practice);
}

/**
 * Edits a best practice's title and description. Saving the same texts changes nothing (no new
 * version, no audit entry, no `best_practice.updated` event); a stale `version` is a conflict.
 */
export async function updateBestPractice(user: CurrentUser, input: UpdateBestPracticeInput) {
  return db.$transaction(async (tx) => {
    const practice = await tx.bestPractice.findFirst({
      where: { id: input.bestPracticeId, organizationId: user.organizationId },
      select: bestPracticeJsonSelect,
    });
    if (!practice) throw new NotFoundError("The best practice");
    if (!canEditBestPractice(user, practice)) throw new ForbiddenError("Only whoever promoted this best practice, or an admin, can edit it.");
    if (practice.version !== input.version)
      throw new ConflictError(
        `Someone else changed this best practice (now version ${practice.version}) after you loaded it. Reload to see their change.`,
        bestPracticeJson(practice),
      );
    if (practice.title === input.title && practice.description === input.description) return bestPracticeJson(practice);
    const { count } = await tx.bestPractice.updateMany({
      where: { id: practice.id, version: input.version },
      data: { title: input.title, description: input.description, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError("Someone else changed this best practice after you loaded it. Reload to see their change.");
    const saved = await tx.bestPractice.findUniqueOrThrow({ where: { id: practice.id }, select: bestPracticeJsonSelect });
    await audit(tx, user, "best_practice.updated", "best_practice", practice.id, `Edited the best practice “${saved.title}”`);
    await emitEvent(tx, { organizationId: user.organizationId, type: "best_practice.updated", teamId: null, data: bestPracticeJson(saved) });
    return bestPracticeJson(saved);
  });
}

const DAY_MS = 86_400_000;

/**
 * A team's answer to a best practice: adopted (a corrective action for the team, source
 * BEST_PRACTICE, or a linked policy rule that checks it) or not applicable with a reason. A team
 * that adopted keeps its action; marking it not applicable later is refused.
 */
export async function decideAdoption(user: CurrentUser, input: AdoptBestPracticeInput) {
  return db.$transaction(async (tx) => {
    const practice = await tx.bestPractice.findFirst({
      where: { id: input.bestPracticeId, organizationId: user.organizationId },
      select: { id: true, title: true, description: true },
    });
    if (!practice) throw new NotFoundError("The best practice");
    const team = await tx.team.findFirst({ where: { id: input.teamId, organizationId: user.organizationId }, select: { id: true, name: true } });
    if (!team) throw new NotFoundError("The team");
    if (!canDecideAdoption(user, team.id))
      throw new ForbiddenError("Only members of the team (and its managers) can decide whether it adopts a best practice.");
    const existing = await tx.bestPracticeAdoption.findUnique({
      where: { bestPracticeId_teamId: { bestPracticeId: practice.id, teamId: team.id } },
      select: { id: true, status: true },
    });
    if (existing?.status === "ADOPTED") throw new UserError(`${team.name} has already adopted this best practice.`);

    let correctiveActionId: string | null = null;
    let policyRuleId: string | null = null;
    if (input.status === "ADOPTED" && input.policyRuleId) {
      const rule = await tx.policyRule.findFirst({ where: { id: input.policyRuleId, organizationId: user.organizationId }, select: { id: true } });
      if (!rule) throw new UserError("Choose a policy rule of your organization.", { policyRuleId: ["Unknown policy rule."] });
      policyRuleId = rule.id;
    } else if (input.status === "ADOPTED") {
      const action = await createCorrectiveAction(
        user,
        {
          title: `Adopt best practice: ${practice.title}`.slice(0, 300),
          description: practice.description,
          ownerId: input.ownerId!,
          teamId: team.id,
          type: "PREVENT",
          priority: "MEDIUM",
          dueDate: input.dueDate ?? new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10),
          source: "BEST_PRACTICE",
        },
        tx,
      );
      correctiveActionId = action.id;
    }
    const data = {
      status: input.status,
      reason: input.status === "NOT_APPLICABLE" ? input.reason : "",
      correctiveActionId,
      policyRuleId,
      decidedById: user.userId,
      decidedAt: new Date(),
    };
    await tx.bestPracticeAdoption.upsert({
      where: { bestPracticeId_teamId: { bestPracticeId: practice.id, teamId: team.id } },
      create: { bestPracticeId: practice.id, teamId: team.id, ...data },
      update: data,
    });
    const saved = await tx.bestPractice.findUniqueOrThrow({ where: { id: practice.id }, select: bestPracticeJsonSelect });
    const adopted = input.status === "ADOPTED";
    await audit(
      tx,
      user,
      adopted ? "best_practice.adopted" : "best_practice.not_applicable",
      "best_practice",
      practice.id,
      adopted ? `${team.name} adopted “${practice.title}”` : `${team.name} marked “${practice.title}” not applicable: ${input.reason}`,
    );
    await emitEvent(tx, {
      organizationId: user.organizationId,
      type: adopted ? "best_practice.adopted" : "best_practice.not_applicable",
      teamId: team.id,
      data: bestPracticeJson(saved),
    });
    return { practice: bestPracticeJson(saved), correctiveActionId };
  });
}
