import "server-only";
import type { z } from "zod";
import { db, type DbClient } from "@/lib/db";
import { lockForTransaction } from "@/lib/db-lock";
import { recordAudit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/db-errors";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, canPullCord } from "@/lib/permissions";
import { emitEvent } from "@/lib/events/mutations";
import type { EventType } from "@/lib/events/catalog";
import { notifyUsers } from "@/lib/notifications/mutations";
import { createCoe } from "@/lib/coes/mutations";
import { ancestorIds } from "@/lib/org/tree";
import { cordJson, cordSelect, type CordJson } from "@/lib/cords/api-json";
import { COE_SEVERITY_FOR_CORD, CORD_EVENT_LABELS, OVERRIDE_LIFETIME_MS } from "@/lib/cords/labels";
import { type CordEventKind } from "@/lib/generated/prisma/enums";
import type { cordActionSchema, cordNoteSchema, grantOverrideSchema, pullCordSchema, resolveCordSchema } from "@/lib/cords/schemas";
import { createCorrectiveAction } from "@/lib/actions/mutations";

/**
 * The one write path for cords, their timeline and their overrides. Every change writes its
 * timeline entry, audit entry and domain event in the same transaction; the server actions and
 * the API call these same functions.
 */
type Actor = Pick<CurrentUser, "userId" | "organizationId" | "isAdmin" | "teamRoles" | "name">;

function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

async function addEvent(tx: DbClient, cordId: string, kind: CordEventKind, actorId: string | null, body = "", deployRef: string | null = null) {
  await tx.cordEvent.create({ data: { cordId, kind, actorId, body, deployRef }, select: { id: true } });
}

async function announce(tx: DbClient, actor: Actor | null, type: EventType, cord: CordJson, summary: string, organizationId: string) {
  await recordAudit(tx, { organizationId, actorId: actor?.userId ?? null, action: type, entityType: "cord", entityId: cord.id, summary });
  await emitEvent(tx, { organizationId, type, teamId: cord.teamId, data: cord });
}

/**
 * Who hears that a service's line stopped: members, reviewers and managers of the owning team,
 * and the managers of every team above it (roles spread down the tree).
 */
async function cordRecipients(tx: DbClient, organizationId: string, teamId: string): Promise<string[]> {
  const teams = await tx.team.findMany({ where: { organizationId }, select: { id: true, parentId: true } });
  const chain = ancestorIds(teams, teamId);
  const memberships = await tx.membership.findMany({
    where: {
      user: { deactivatedAt: null },
      OR: [
        { teamId, role: { in: ["MEMBER", "REVIEWER", "MANAGER"] } },
        { teamId: { in: chain }, role: "MANAGER" },
      ],
    },
    select: { userId: true },
  });
  return memberships.map((membership) => membership.userId);
}

async function loadCord(tx: DbClient, organizationId: string, cordId: string) {
  const row = await tx.cord.findFirst({ where: { id: cordId, organizationId }, select: cordSelect });
  if (!row) throw new NotFoundError("The cord");
  return row;
}

export type PullResult = { cord: CordJson; plusOne: boolean };

/**
 * Stops the line on a service — anyone in the organization may. Pulling a service that is already
 * stopped adds the puller as a +1 with their note instead of a second cord. Two pulls at the same
 * moment on several app instances serialize on a row lock of the service; the unique
 * `open_service_id` is the backstop, and a pull that loses to it is retried as a +1.
 */
export async function pullCord(actor: Actor, input: z.output<typeof pullCordSchema>): Promise<PullResult> {
  if (!canPullCord(actor)) throw new ForbiddenError();
  try {
    return await pullOnce(actor, input);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return pullOnce(actor, input);
  }
}

async function pullOnce(actor: Actor, input: z.output<typeof pullCordSchema>): Promise<PullResult> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; name: string; team_id: string }[]>`
      SELECT id, name, team_id FROM services WHERE id = ${input.serviceId} AND organization_id = ${actor.organizationId} FOR UPDATE`;
    const service = locked[0];
    if (!service) throw new NotFoundError("The service");
    const open = await tx.cord.findUnique({ where: { openServiceId: service.id }, select: { id: true, severity: true } });
    if (open) {
      const note = [input.problem, input.customerImpact ? `Customer impact: ${input.customerImpact}` : "", input.link ?? ""].filter(Boolean).join("\n");
      await addEvent(tx, open.id, "PLUS_ONE", actor.userId, note);
      // A +1 that reports customers are affected raises a "stop deploys only" cord.
      if (input.severity === "CUSTOMER_DEFECT" && open.severity !== "CUSTOMER_DEFECT") {
        await tx.cord.update({ where: { id: open.id }, data: { severity: "CUSTOMER_DEFECT" }, select: { id: true } });
      }
      const cord = cordJson(await loadCord(tx, actor.organizationId, open.id));
      await announce(tx, actor, "cord.plus_one", cord, `${actor.name} added a +1 to the cord on ${service.name}`, actor.organizationId);
      return { cord, plusOne: true };
    }
    const created = await tx.cord.create({
      data: {
        organizationId: actor.organizationId,
        serviceId: service.id,
        openServiceId: service.id,
        teamId: service.team_id,
        severity: input.severity,
        problem: input.problem,
        customerImpact: input.customerImpact,
        link: input.link,
        pulledById: actor.userId,
      },
      select: { id: true },
    });
    await addEvent(tx, created.id, "PULLED", actor.userId, input.problem);
    const cord = cordJson(await loadCord(tx, actor.organizationId, created.id));
    await announce(tx, actor, "cord.pulled", cord, `${actor.name} pulled the cord on ${service.name}: ${shorten(input.problem)}`, actor.organizationId);
    const recipients = await cordRecipients(tx, actor.organizationId, service.team_id);
    await notifyUsers(
      tx,
      recipients,
      {
        organizationId: actor.organizationId,
        kind: "CORD_PULLED",
        title: `Line stopped on ${service.name}: ${shorten(input.problem)}`,
        href: `/cords/${created.id}`,
        dedupeKey: `cord:${created.id}:pulled`,
      },
      actor.userId,
    );
    return { cord, plusOne: false };
  });
}

/** The owning team's question for notes, resolving and "Start the COE": member or above on the service's team. */
function assertOwner(actor: Actor, teamId: string): void {
  if (!can(actor, "cord.resolve", teamId)) {
    throw new ForbiddenError("Only the owning team (member or above) can add notes to this cord or resolve it.");
  }
}

export async function addCordNote(actor: Actor, input: z.output<typeof cordNoteSchema>): Promise<CordJson> {
  return db.$transaction(async (tx) => {
    const row = await loadCord(tx, actor.organizationId, input.cordId);
    assertOwner(actor, row.service.teamId);
    await addEvent(tx, row.id, "NOTE", actor.userId, input.body);
    const cord = cordJson(row);
    await announce(tx, actor, "cord.note_added", cord, `${actor.name} added a note to the cord on ${row.service.name}`, actor.organizationId);
    return cord;
  });
}

/** Resolves an open cord: the line runs again. Resolving it twice is a conflict (409). */
export async function resolveCord(actor: Actor, input: z.output<typeof resolveCordSchema>): Promise<CordJson> {
  return db.$transaction(async (tx) => {
    const row = await loadCord(tx, actor.organizationId, input.cordId);
    assertOwner(actor, row.service.teamId);
    const now = new Date();
    // Guarded in the UPDATE itself, so two owners resolving at once cannot both succeed.
    const { count } = await tx.cord.updateMany({
      where: { id: row.id, organizationId: actor.organizationId, resolvedAt: null },
      data: { resolvedAt: now, resolvedById: actor.userId, resolutionNote: input.resolutionNote, openServiceId: null },
    });
    if (count === 0) throw new ConflictError("This cord is already resolved.", cordJson(row));
    await addEvent(tx, row.id, "RESOLVED", actor.userId, input.resolutionNote);
    const cord = cordJson(await loadCord(tx, actor.organizationId, row.id));
    await announce(tx, actor, "cord.resolved", cord, `${actor.name} resolved the cord on ${row.service.name}`, actor.organizationId);
    if (cord.coeDue) await notifyCoeDue(tx, { id: row.id, organizationId: actor.organizationId, serviceName: row.service.name }, 0, [row.service.teamId]);
    return cord;
  });
}

/**
 * "COE due" for a customer-facing cord at one escalation level: level 0 tells the owning team's
 * members and managers, each later level the managers of the next team up `teamChain` (the owning
 * team first; lib/cords/coe-due.ts decides when). The dedupe key holds the level, so each level is
 * told once however often the job runs.
 */
export async function notifyCoeDue(
  tx: DbClient,
  cord: { id: string; organizationId: string; serviceName: string },
  level: number,
  teamChain: readonly string[],
): Promise<number> {
  const teamId = teamChain[Math.min(level, teamChain.length - 1)];
  if (!teamId) return 0;
  const recipients =
    level === 0
      ? await cordRecipients(tx, cord.organizationId, teamId)
      : (await tx.membership.findMany({ where: { teamId, role: "MANAGER", user: { deactivatedAt: null } }, select: { userId: true } })).map((m) => m.userId);
  return notifyUsers(tx, recipients, {
    organizationId: cord.organizationId,
    kind: "CORD_COE_DUE",
    title: level === 0 ? `COE due for the cord on ${cord.serviceName}` : `Escalated: the cord on ${cord.serviceName} still has no COE`,
    href: `/cords/${cord.id}`,
    dedupeKey: `cord:${cord.id}:coe-due:${level}`,
  });
}

/** Break glass: a manager of the owning subtree lets one deploy through during a stop, within an hour. */
export async function grantOverride(actor: Actor, input: z.output<typeof grantOverrideSchema>): Promise<{ id: string; expiresAt: string }> {
  return db.$transaction(async (tx) => {
    const row = await loadCord(tx, actor.organizationId, input.cordId);
    if (!can(actor, "cord.override", row.service.teamId)) {
      throw new ForbiddenError("Only a manager of the team that owns the service can let a deploy through during a stop.");
    }
    if (row.resolvedAt) throw new ConflictError("This cord is resolved: deploys pass without an override.", cordJson(row));
    // One waiting override at a time: a double submit, or two managers at once, would otherwise let
    // two deploys through where one was asked for. Grants of one cord serialize on this lock.
    await lockForTransaction(tx, `cord-override:${row.id}`);
    const waiting = await tx.cordOverride.findFirst({
      where: { cordId: row.id, usedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, expiresAt: true },
    });
    if (waiting) {
      throw new ConflictError("An override is already waiting: the next deploy passes once. Grant another after it is used.", {
        id: waiting.id,
        expiresAt: waiting.expiresAt.toISOString(),
      });
    }
    const override = await tx.cordOverride.create({
      data: {
        serviceId: row.service.id,
        cordId: row.id,
        grantedById: actor.userId,
        justification: input.justification,
        expiresAt: new Date(Date.now() + OVERRIDE_LIFETIME_MS),
      },
      select: { id: true, expiresAt: true },
    });
    await addEvent(tx, row.id, "OVERRIDE_GRANTED", actor.userId, input.justification);
    const cord = cordJson(row);
    await announce(
      tx,
      actor,
      "cord.override_granted",
      cord,
      `${actor.name} granted a one-deploy override on ${row.service.name}: ${shorten(input.justification)}`,
      actor.organizationId,
    );
    return { id: override.id, expiresAt: override.expiresAt.toISOString() };
  });
}

function timelineLine(event: { kind: CordEventKind; body: string; deployRef: string | null; actor: { name: string } | null }): string {
  const who = event.actor?.name ?? "Someone";
  const what = CORD_EVENT_LABELS[event.kind];
  const detail = [event.body, event.deployRef ? `(${event.deployRef})` : ""].filter(Boolean).join(" ");
  return shorten(
    `Andon cord — ${what} by ${event.kind === "DEPLOY_BLOCKED" || event.kind === "OVERRIDE_USED" ? "the deploy gate" : who}${detail ? `: ${detail}` : ""}`,
    2000,
  );
}

/**
 * "Start the COE": a draft COE for the service's team, prefilled from the cord (service, severity,
 * started/detected = pulled, mitigated = resolved, what happened, customer impact, and the cord's
 * timeline), linked both ways. Starting it again opens the one already started.
 */
export async function startCoeFromCord(actor: CurrentUser, cordId: string): Promise<{ coeId: string; created: boolean }> {
  const row = await db.cord.findFirst({
    where: { id: cordId, organizationId: actor.organizationId },
    select: {
      ...cordSelect,
      events: {
        select: { kind: true, body: true, deployRef: true, createdAt: true, actor: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
        take: 400,
      },
    },
  });
  if (!row) throw new NotFoundError("The cord");
  if (row.coeId) return { coeId: row.coeId, created: false };
  assertOwner(actor, row.service.teamId);
  let linked = true;
  const saved = await createCoe(
    actor,
    { title: shorten(`${row.service.name}: ${row.problem}`, 200), teamId: row.service.teamId, severity: COE_SEVERITY_FOR_CORD[row.severity] },
    {
      prefill: {
        serviceIds: [row.service.id],
        startedAt: row.pulledAt,
        detectedAt: row.pulledAt,
        mitigatedAt: row.resolvedAt,
        whatHappened: `The Andon cord was pulled on ${row.service.name} by ${row.pulledBy?.name ?? "someone"}: ${row.problem}${row.resolutionNote ? `\n\nResolution: ${row.resolutionNote}` : ""}`,
        customerImpact: row.customerImpact,
        timeline: row.events.map((event) => ({ occurredAt: event.createdAt, description: timelineLine(event) })),
      },
      afterCreate: async (tx, coeId) => {
        // Only if no other owner started one meanwhile; otherwise this transaction rolls back.
        const { count } = await tx.cord.updateMany({ where: { id: row.id, coeId: null }, data: { coeId } });
        if (count === 0) {
          linked = false;
          throw new ConflictError("Someone else started the COE for this cord a moment ago.");
        }
        await addEvent(tx, row.id, "COE_STARTED", actor.userId);
      },
    },
  ).catch(async (error: unknown) => {
    if (linked) throw error;
    return null;
  });
  if (!saved) {
    const current = await db.cord.findFirst({ where: { id: row.id }, select: { coeId: true } });
    return { coeId: current!.coeId!, created: false };
  }
  return { coeId: saved.id, created: true };
}

/**
 * A corrective action started from a cord: source ANDON_EVENT, owned by the service's team (the
 * action rules of lib/actions/mutations.ts apply: rights on the team, an active owner), linked to
 * the cord (its page shows where it came from), and a note on the cord's timeline, in one transaction.
 */
export async function createCorrectiveActionFromCord(actor: CurrentUser, input: z.output<typeof cordActionSchema>): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const row = await loadCord(tx, actor.organizationId, input.cordId);
    const saved = await createCorrectiveAction(actor, { ...input, cordId: row.id, teamId: row.service.teamId }, tx);
    await addEvent(tx, row.id, "NOTE", actor.userId, `Corrective action created: “${input.title}” (/actions/${saved.id})`);
    return { id: saved.id };
  });
}
