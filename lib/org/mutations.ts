import "server-only";
import { db, type DbClient } from "@/lib/db";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/db-errors";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { forgetRequestTreeVersion } from "@/lib/org/team-tree-cache";
import { lockForTransaction } from "@/lib/db-lock";
import { NotFoundError, UserError } from "@/lib/errors";
import { wouldCreateCycle } from "@/lib/org/tree";
import type { teamCreateSchema, teamUpdateSchema, serviceCreateSchema, serviceUpdateSchema } from "@/lib/org/schemas";
import type { z } from "zod";

type Actor = { userId: string | null; organizationId: string };

/**
 * How a write runs: alone in its own transaction, or inside a caller's (the catalog import applies a
 * whole file at once); `via` names where the change came from in its audit summary.
 */
export type OrgWriteOptions = { tx?: DbClient; via?: string };

function inTransaction<T>(options: OrgWriteOptions, work: (tx: DbClient) => Promise<T>): Promise<T> {
  return options.tx ? work(options.tx) : db.$transaction(work);
}

function summaryVia(summary: string, options: OrgWriteOptions): string {
  return options.via ? `${summary} (${options.via})` : summary;
}

/** Tree changes in one organization take turns, so two concurrent moves cannot form a cycle. */
async function lockOrgTree(tx: DbClient, organizationId: string): Promise<void> {
  forgetRequestTreeVersion();
  await lockForTransaction(tx, "org-tree:" + organizationId);
}

async function assertTeamInOrg(tx: DbClient, organizationId: string, teamId: string, what = "The team") {
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId }, select: { id: true, name: true, parentId: true, description: true } });
  if (!team) throw new NotFoundError(what);
  return team;
}

function duplicateName(what: string, name: string): UserError {
  return new UserError(`A ${what} named “${name}” already exists.`, { name: [`A ${what} with this name already exists; choose another name.`] });
}

export async function createTeam(actor: Actor, input: z.output<typeof teamCreateSchema>, options: OrgWriteOptions = {}) {
  try {
    return await inTransaction(options, async (tx) => {
      await lockOrgTree(tx, actor.organizationId);
      if (input.parentId) await assertTeamInOrg(tx, actor.organizationId, input.parentId, "The parent team");
      const team = await tx.team.create({
        data: { organizationId: actor.organizationId, name: input.name, description: input.description, parentId: input.parentId },
        select: { id: true, name: true, parentId: true },
      });
      await recordAudit(tx, {
        ...actorFields(actor),
        action: "team.created",
        entityType: "team",
        entityId: team.id,
        summary: summaryVia(`Created team ${team.name}`, options),
        changes: { parentId: input.parentId },
      });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName("team", input.name);
    throw error;
  }
}

export async function updateTeam(actor: Actor, input: z.output<typeof teamUpdateSchema>, options: OrgWriteOptions = {}) {
  try {
    return await inTransaction(options, async (tx) => {
      await lockOrgTree(tx, actor.organizationId);
      const team = await assertTeamInOrg(tx, actor.organizationId, input.teamId);
      if (input.parentId) await assertTeamInOrg(tx, actor.organizationId, input.parentId, "The parent team");
      if (input.parentId !== team.parentId) {
        const tree = await tx.team.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, parentId: true } });
        if (wouldCreateCycle(tree, team.id, input.parentId)) {
          const message =
            input.parentId === team.id
              ? "A team cannot be its own parent."
              : "A team cannot move under one of its own sub-teams: that would make a loop in the org tree.";
          throw new UserError(message, { parentId: [message] });
        }
      }
      const changes = changedFields(team, { name: input.name, description: input.description, parentId: input.parentId });
      const updated = await tx.team.update({
        where: { id: team.id },
        data: { name: input.name, description: input.description, parentId: input.parentId },
        select: { id: true, name: true, parentId: true },
      });
      if (Object.keys(changes).length > 0) {
        await recordAudit(tx, {
          ...actorFields(actor),
          action: "parentId" in changes ? "team.moved" : "team.updated",
          entityType: "team",
          entityId: team.id,
          summary: summaryVia(describeTeamChange(team.name, changes), options),
          changes,
        });
      }
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName("team", input.name);
    throw error;
  }
}

function describeTeamChange(name: string, changes: Record<string, unknown>): string {
  const parts = Object.keys(changes).map((field) => (field === "parentId" ? "moved it" : field === "name" ? "renamed it" : `changed ${field}`));
  return `Team ${name}: ${parts.join(", ")}`;
}

export async function deleteTeam(actor: Actor, teamId: string) {
  try {
    return await db.$transaction(async (tx) => {
      await lockOrgTree(tx, actor.organizationId);
      const team = await assertTeamInOrg(tx, actor.organizationId, teamId);
      const [children, services] = await Promise.all([tx.team.count({ where: { parentId: team.id } }), tx.service.count({ where: { teamId: team.id } })]);
      if (children > 0 || services > 0) {
        throw new UserError(`Team ${team.name} still has ${children} sub-team(s) and ${services} service(s). Move them to another team first.`);
      }
      await tx.team.delete({ where: { id: team.id } });
      await recordAudit(tx, { ...actorFields(actor), action: "team.deleted", entityType: "team", entityId: team.id, summary: `Deleted team ${team.name}` });
    });
  } catch (error) {
    // COEs, actions, metrics and reviews keep their team: history is never deleted with it.
    if (isForeignKeyViolation(error)) {
      throw new UserError("This team still owns COEs, corrective actions or other records, which keep their history. Rename it or move its sub-teams instead.");
    }
    throw error;
  }
}

export async function createService(actor: Actor, input: z.output<typeof serviceCreateSchema>, options: OrgWriteOptions = {}) {
  try {
    return await inTransaction(options, async (tx) => {
      const team = await assertTeamInOrg(tx, actor.organizationId, input.teamId, "The owning team");
      const service = await tx.service.create({
        data: { organizationId: actor.organizationId, name: input.name, description: input.description, teamId: team.id },
        select: { id: true, name: true, teamId: true },
      });
      await recordAudit(tx, {
        ...actorFields(actor),
        action: "service.created",
        entityType: "service",
        entityId: service.id,
        summary: summaryVia(`Created service ${service.name} owned by ${team.name}`, options),
      });
      return service;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName("service", input.name);
    throw error;
  }
}

export async function updateService(actor: Actor, input: z.output<typeof serviceUpdateSchema>, options: OrgWriteOptions = {}) {
  try {
    return await inTransaction(options, async (tx) => {
      const service = await tx.service.findFirst({
        where: { id: input.serviceId, organizationId: actor.organizationId },
        select: { id: true, name: true, description: true, teamId: true },
      });
      if (!service) throw new NotFoundError("The service");
      const team = await assertTeamInOrg(tx, actor.organizationId, input.teamId, "The owning team");
      const changes = changedFields(service, { name: input.name, description: input.description, teamId: input.teamId });
      const updated = await tx.service.update({
        where: { id: service.id },
        data: { name: input.name, description: input.description, teamId: team.id },
        select: { id: true, name: true, teamId: true },
      });
      if (Object.keys(changes).length > 0) {
        await recordAudit(tx, {
          ...actorFields(actor),
          action: "teamId" in changes ? "service.moved" : "service.updated",
          entityType: "service",
          entityId: service.id,
          summary: summaryVia("teamId" in changes ? `Moved service ${updated.name} to ${team.name}` : `Updated service ${updated.name}`, options),
          changes,
        });
      }
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName("service", input.name);
    throw error;
  }
}

function actorFields(actor: Actor) {
  return { organizationId: actor.organizationId, actorId: actor.userId };
}
