import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/permissions";
import { subtreeIds } from "@/lib/org/tree";
import { lastEndsAt } from "@/lib/freeze-windows/recurrence";
import { freezeWindowJson, freezeWindowSelect } from "@/lib/freeze-windows/queries";
import type { FreezeWindowInput } from "@/lib/freeze-windows/schemas";

/** The one write path for freeze windows: a manager of the team schedules stops for its subtree. */
export async function createFreezeWindow(actor: CurrentUser, input: FreezeWindowInput) {
  if (!can(actor, "cord.override", input.teamId)) throw new ForbiddenError("Only a manager of the team can schedule freeze windows for it.");
  return db.$transaction(async (tx) => {
    const teams = await tx.team.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, parentId: true } });
    if (!teams.some((team) => team.id === input.teamId)) throw new NotFoundError("The team");
    const subtree = new Set(subtreeIds(teams, input.teamId));
    const serviceIds = [...new Set(input.serviceIds)];
    if (serviceIds.length > 0) {
      const services = await tx.service.findMany({ where: { organizationId: actor.organizationId, id: { in: serviceIds } }, select: { teamId: true } });
      if (services.length !== serviceIds.length || services.some((service) => !subtree.has(service.teamId))) {
        throw new ValidationError("A freeze window can only name services of its team's subtree.", {
          serviceIds: ["Choose services the team or its sub-teams own."],
        });
      }
    }
    const window = await tx.freezeWindow.create({
      data: {
        organizationId: actor.organizationId,
        teamId: input.teamId,
        reason: input.reason,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timeZone: input.timeZone,
        rrule: input.rrule,
        lastEndsAt: lastEndsAt(input),
        environments: input.environments,
        createdById: actor.userId,
        services: { create: serviceIds.map((serviceId) => ({ serviceId })) },
      },
      select: freezeWindowSelect,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: "freeze_window.created",
      entityType: "freeze_window",
      entityId: window.id,
      summary: `Scheduled the freeze window “${input.reason}”`,
    });
    return freezeWindowJson(window);
  });
}

export async function deleteFreezeWindow(actor: CurrentUser, windowId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const window = await tx.freezeWindow.findFirst({
      where: { id: windowId, organizationId: actor.organizationId },
      select: { id: true, teamId: true, reason: true },
    });
    if (!window) throw new NotFoundError("The freeze window");
    if (!can(actor, "cord.override", window.teamId)) throw new ForbiddenError("Only a manager of the team can remove its freeze windows.");
    // Removed by someone else since the read (two clicks, two managers): a 404, not a failed statement.
    const { count } = await tx.freezeWindow.deleteMany({ where: { id: window.id } });
    if (count === 0) throw new NotFoundError("The freeze window");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: "freeze_window.deleted",
      entityType: "freeze_window",
      entityId: window.id,
      summary: `Removed the freeze window “${window.reason}”`,
    });
  });
}
