import "server-only";
import { db, type DbClient } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";
import { lifecycleActor, visibleCoeWhere } from "@/lib/coes/access";
import { isAuthor } from "@/lib/coes/lifecycle";
import { sectionLabel } from "@/lib/coes/questions";
import { audit } from "@/lib/coes/mutations";
import { notifyThreadComment } from "@/lib/coes/notify";

/**
 * Review conversations on a COE's sections. They are not part of the document, so they make no
 * revision, but every comment, resolution and reopening is audited.
 */
async function assertCanComment(tx: DbClient, user: CurrentUser, coeId: string) {
  const row = await tx.coe.findFirst({
    where: visibleCoeWhere(user, coeId),
    select: { id: true, organizationId: true, teamId: true, title: true, createdById: true, authors: { select: { userId: true } } },
  });
  if (!row) throw new NotFoundError("The COE");
  const actor = lifecycleActor(user, row.teamId);
  const author = isAuthor({ createdById: row.createdById, authorIds: row.authors.map((a) => a.userId) }, user.userId);
  if (!actor.canWrite && !actor.canReview && !author) throw new ForbiddenError("Only the owning team, its reviewers and the authors can comment on this COE.");
  return row;
}

export async function startReviewThread(user: CurrentUser, input: { coeId: string; section: string; body: string }) {
  return db.$transaction(async (tx) => {
    const coe = await assertCanComment(tx, user, input.coeId);
    const thread = await tx.reviewThread.create({
      data: { coeId: coe.id, section: input.section, createdById: user.userId, comments: { create: [{ authorId: user.userId, body: input.body }] } },
      select: { id: true, comments: { select: { id: true } } },
    });
    const facts = { ...coe, authorIds: coe.authors.map((author) => author.userId) };
    await notifyThreadComment(tx, user, facts, thread.id, thread.comments[0]!.id, sectionLabel(input.section));
    await recordAudit(tx, {
      ...audit(user),
      action: "coe.comment_added",
      entityType: "coe",
      entityId: coe.id,
      summary: `Commented on ${sectionLabel(input.section)} of “${coe.title}”`,
    });
    return { id: thread.id };
  });
}

export async function replyToThread(user: CurrentUser, input: { coeId: string; threadId: string; body: string }) {
  return db.$transaction(async (tx) => {
    const coe = await assertCanComment(tx, user, input.coeId);
    const thread = await tx.reviewThread.findFirst({ where: { id: input.threadId, coeId: coe.id }, select: { id: true, section: true } });
    if (!thread) throw new NotFoundError("The review thread");
    const comment = await tx.reviewComment.create({ data: { threadId: thread.id, authorId: user.userId, body: input.body }, select: { id: true } });
    const facts = { ...coe, authorIds: coe.authors.map((author) => author.userId) };
    await notifyThreadComment(tx, user, facts, thread.id, comment.id, sectionLabel(thread.section));
    await recordAudit(tx, {
      ...audit(user),
      action: "coe.comment_added",
      entityType: "coe",
      entityId: coe.id,
      summary: `Replied on ${sectionLabel(thread.section)} of “${coe.title}”`,
    });
    return { id: thread.id };
  });
}

export async function resolveThread(user: CurrentUser, input: { coeId: string; threadId: string; resolved: boolean }) {
  return db.$transaction(async (tx) => {
    const coe = await assertCanComment(tx, user, input.coeId);
    const { count } = await tx.reviewThread.updateMany({
      where: { id: input.threadId, coeId: coe.id },
      data: input.resolved ? { resolvedAt: new Date(), resolvedById: user.userId } : { resolvedAt: null, resolvedById: null },
    });
    if (count === 0) throw new NotFoundError("The review thread");
    await recordAudit(tx, {
      ...audit(user),
      action: input.resolved ? "coe.thread_resolved" : "coe.thread_reopened",
      entityType: "coe",
      entityId: coe.id,
      summary: `${input.resolved ? "Resolved" : "Reopened"} a review thread on “${coe.title}”`,
    });
    return { id: input.threadId };
  });
}
