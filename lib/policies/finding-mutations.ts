import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type DbClient } from "@/lib/db";
import { lockForTransaction } from "@/lib/db-lock";
import type { CurrentUser } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/audit/record";
import { emitEvent, emitEvents } from "@/lib/events/mutations";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { notifyUsers } from "@/lib/notifications/mutations";
import { ancestorIds } from "@/lib/org/tree";
import { can } from "@/lib/permissions";
import { visibleFindingsWhere } from "@/lib/policies/access";
import { createCorrectiveAction } from "@/lib/actions/mutations";
import { acknowledgmentJson, acknowledgmentSelect, findingJson, findingSelect } from "@/lib/policies/api-json";
import type { DecideAcknowledgmentInput, RequestAcknowledgmentInput } from "@/lib/policies/schemas";
import { ACK_CATEGORY_LABELS } from "@/lib/policies/schemas";
import { refreshComplianceSnapshots } from "@/lib/policies/compliance-snapshots";

async function loadFinding(tx: DbClient, user: CurrentUser, findingId: string) {
  const finding = await tx.policyFinding.findFirst({ where: { AND: [{ id: findingId }, visibleFindingsWhere(user)] }, select: findingSelect });
  if (!finding) throw new NotFoundError("The finding");
  return finding;
}

/** Managers of the team or any team above it: the people who decide waivers. */
async function managersOf(tx: DbClient, organizationId: string, teamId: string): Promise<string[]> {
  const teams = await tx.team.findMany({ where: { organizationId }, select: { id: true, parentId: true } });
  const rows = await tx.membership.findMany({
    where: { teamId: { in: ancestorIds(teams, teamId) }, role: "MANAGER", user: { deactivatedAt: null } },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}

/** A member of the owning team (policy.facts) asks for a waiver of a failing finding. */
export async function requestAcknowledgment(user: CurrentUser, input: RequestAcknowledgmentInput) {
  return db.$transaction(async (tx) => {
    // Two members asking at once would both see no pending request: they queue here instead.
    await lockForTransaction(tx, `finding-acknowledgment:${input.findingId}`);
    const finding = await loadFinding(tx, user, input.findingId);
    if (!can(user, "policy.facts", finding.teamId)) throw new ForbiddenError("Only members of the owning team may ask for an acknowledgment.");
    if (finding.status !== "OPEN") {
      throw new UserError(
        finding.status === "RESOLVED" ? "This finding is resolved: there is nothing to acknowledge." : "This finding is already acknowledged.",
      );
    }
    const pending = await tx.findingAcknowledgment.findFirst({ where: { findingId: finding.id, status: "REQUESTED" }, select: { id: true } });
    if (pending) throw new UserError("An acknowledgment is already waiting for a manager's decision.");
    const ack = await tx.findingAcknowledgment.create({
      data: {
        organizationId: user.organizationId,
        findingId: finding.id,
        category: input.category,
        reason: input.reason,
        expiresAt: new Date(`${input.expiresOn}T23:59:59.000Z`),
        requestedById: user.userId,
      },
      select: acknowledgmentSelect,
    });
    await tx.policyFindingEvent.create({ data: { findingId: finding.id, kind: "ACK_REQUESTED", episode: finding.episode, actorId: user.userId } });
    await emitEvent(tx, { organizationId: user.organizationId, type: "acknowledgment.requested", teamId: finding.teamId, data: acknowledgmentJson(ack) });
    await notifyUsers(
      tx,
      await managersOf(tx, user.organizationId, finding.teamId),
      {
        organizationId: user.organizationId,
        kind: "ACKNOWLEDGMENT_REQUESTED",
        title: `${user.name} asks to acknowledge “${finding.rule.name}” on ${finding.service.name} (${ACK_CATEGORY_LABELS[input.category].toLowerCase()})`,
        href: `/policies/findings/${finding.id}`,
        dedupeKey: `ack:${ack.id}:requested`,
      },
      user.userId,
    );
    return ack;
  });
}

const ALREADY_DECIDED = "This request was already decided, possibly by another manager just now: reload to see the decision.";

/** A manager of the owning team or above (policy.manage) approves or denies; never their own request. */
export async function decideAcknowledgment(user: CurrentUser, input: DecideAcknowledgmentInput) {
  return db.$transaction(async (tx) => {
    const ack = await tx.findingAcknowledgment.findFirst({
      where: { id: input.acknowledgmentId, organizationId: user.organizationId, finding: visibleFindingsWhere(user) },
      select: acknowledgmentSelect,
    });
    if (!ack) throw new NotFoundError("The acknowledgment");
    const finding = await loadFinding(tx, user, ack.findingId);
    if (!can(user, "policy.manage", finding.teamId)) throw new ForbiddenError("Only a manager of the owning team (or above) decides acknowledgments.");
    if (ack.requestedById === user.userId && !user.isAdmin) throw new ForbiddenError("Another manager decides your own request.");
    if (ack.status !== "REQUESTED") throw new ConflictError(ALREADY_DECIDED, acknowledgmentJson(ack));
    const approved = input.decision === "APPROVED";
    if (approved && finding.status === "RESOLVED") throw new UserError("The finding resolved meanwhile: there is nothing to acknowledge.");
    // Two managers deciding at once both read "requested": only the update that still finds it so
    // wins; the other waits for its row lock, then matches nothing and is told (409).
    const claimed = await tx.findingAcknowledgment.updateMany({
      where: { id: ack.id, status: "REQUESTED" },
      data: { status: input.decision, decidedById: user.userId, decidedAt: new Date(), decisionNote: input.note },
    });
    if (claimed.count !== 1) throw new ConflictError(ALREADY_DECIDED);
    const decided = await tx.findingAcknowledgment.findUniqueOrThrow({ where: { id: ack.id }, select: acknowledgmentSelect });
    await tx.policyFindingEvent.create({
      data: { findingId: finding.id, kind: approved ? "ACKNOWLEDGED" : "ACK_DENIED", episode: finding.episode, actorId: user.userId },
    });
    const events: Parameters<typeof emitEvents>[1] = [
      { organizationId: user.organizationId, type: "acknowledgment.decided", teamId: finding.teamId, data: acknowledgmentJson(decided) },
    ];
    if (approved) {
      // The evaluator may have resolved the finding since it was read: never acknowledge a resolved one.
      const acknowledged = await tx.policyFinding.updateMany({
        where: { id: finding.id, status: "OPEN" },
        data: { status: "ACKNOWLEDGED", version: { increment: 1 } },
      });
      if (acknowledged.count !== 1) throw new ConflictError("The finding resolved meanwhile: there is nothing to acknowledge.");
      const saved = await tx.policyFinding.findUniqueOrThrow({ where: { id: finding.id }, select: findingSelect });
      events.push({
        organizationId: user.organizationId,
        type: "finding.acknowledged",
        teamId: finding.teamId,
        data: findingJson(saved) as Prisma.InputJsonValue,
      });
      // The compliance view counts acknowledged findings apart: recount now, not at the next evaluation.
      await refreshComplianceSnapshots(tx, user.organizationId, { teamIds: [finding.teamId] });
    }
    await emitEvents(tx, events);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: approved ? "acknowledgment.approved" : "acknowledgment.denied",
      entityType: "policy_finding",
      entityId: finding.id,
      summary: `${approved ? "Approved" : "Denied"} the acknowledgment of “${finding.rule.name}” on ${finding.service.name}`,
    });
    if (ack.requestedById) {
      await notifyUsers(
        tx,
        [ack.requestedById],
        {
          organizationId: user.organizationId,
          kind: "ACKNOWLEDGMENT_DECIDED",
          title: `${user.name} ${approved ? "approved" : "denied"} your acknowledgment of “${finding.rule.name}” on ${finding.service.name}`,
          href: `/policies/findings/${finding.id}`,
          dedupeKey: `ack:${ack.id}:decided`,
        },
        user.userId,
      );
    }
    return decided;
  });
}

/**
 * Ends approved acknowledgments past their expiry: the finding is open again (counted as failing)
 * and the owning team hears about it. Run by the policy job.
 */
export async function expireAcknowledgments(organizationId: string, now: Date = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const expired = await tx.findingAcknowledgment.findMany({
      where: { organizationId, status: "APPROVED", expiresAt: { lte: now } },
      select: {
        ...acknowledgmentSelect,
        finding: { select: { id: true, teamId: true, episode: true, status: true, rule: { select: { name: true } }, service: { select: { name: true } } } },
      },
    });
    if (expired.length === 0) return 0;
    await tx.findingAcknowledgment.updateMany({ where: { id: { in: expired.map((ack) => ack.id) } }, data: { status: "EXPIRED" } });
    const reopened = expired.filter((ack) => ack.finding.status === "ACKNOWLEDGED");
    await tx.policyFinding.updateMany({
      where: { id: { in: reopened.map((ack) => ack.finding.id) }, status: "ACKNOWLEDGED" },
      data: { status: "OPEN", version: { increment: 1 } },
    });
    await tx.policyFindingEvent.createMany({ data: reopened.map((ack) => ({ findingId: ack.finding.id, kind: "ACK_EXPIRED", episode: ack.finding.episode })) });
    await refreshComplianceSnapshots(tx, organizationId, { teamIds: [...new Set(reopened.map((ack) => ack.finding.teamId))] });
    await emitEvents(
      tx,
      expired.map((ack) => ({
        organizationId,
        type: "acknowledgment.expired" as const,
        teamId: ack.finding.teamId,
        data: acknowledgmentJson({ ...ack, status: "EXPIRED" }),
      })),
    );
    const members = await tx.membership.findMany({
      where: {
        teamId: { in: [...new Set(reopened.map((ack) => ack.finding.teamId))] },
        role: { in: ["MEMBER", "REVIEWER", "MANAGER"] },
        user: { deactivatedAt: null },
      },
      select: { teamId: true, userId: true },
    });
    for (const ack of reopened) {
      const recipients = members.filter((member) => member.teamId === ack.finding.teamId).map((member) => member.userId);
      await notifyUsers(tx, recipients, {
        organizationId,
        kind: "ACKNOWLEDGMENT_EXPIRED",
        title: `The acknowledgment of “${ack.finding.rule.name}” on ${ack.finding.service.name} expired: the finding is open again`,
        href: `/policies/findings/${ack.finding.id}`,
        dedupeKey: `ack:${ack.id}:expired`,
      });
    }
    return expired.length;
  });
}

const PRIORITY = { CRITICAL: "HIGH", HIGH: "HIGH", MEDIUM: "MEDIUM", LOW: "LOW" } as const;

/**
 * Creates a corrective action for a finding through the actions' one write path and links it. Closing
 * the action does not resolve the finding: only the rule passing does.
 */
export async function createCorrectiveActionFromFinding(user: CurrentUser, input: { findingId: string; ownerId: string; dueDate: string }) {
  // One transaction: when someone else linked an action meanwhile, this one is not left behind unlinked.
  return db.$transaction(async (tx) => {
    const finding = await loadFinding(tx, user, input.findingId);
    if (finding.correctiveActionId) throw new UserError("This finding already has a corrective action.");
    const action = await createCorrectiveAction(
      user,
      {
        title: `${finding.rule.name}: ${finding.service.name}`.slice(0, 200),
        description: `Created from the policy finding /policies/findings/${finding.id}. The finding resolves when the rule passes again.`,
        ownerId: input.ownerId,
        teamId: finding.teamId,
        type: "PREVENT",
        priority: PRIORITY[finding.rule.severity],
        dueDate: input.dueDate,
      },
      tx,
    );
    const linked = await tx.policyFinding.updateMany({ where: { id: finding.id, correctiveActionId: null }, data: { correctiveActionId: action.id } });
    if (linked.count !== 1) throw new ConflictError("Someone created a corrective action for this finding meanwhile: reload to see it.");
    return action;
  });
}
