import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { db, type DbClient } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/principal";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { can } from "@/lib/permissions";
import { visibleActionWhere, visibleActionsWhere } from "@/lib/actions/access";
import { visibleCoeWhere } from "@/lib/coes/access";
import { encryptSecret } from "@/lib/security/secret-box";
import { canManageIntegrationsOf, manageableIntegrationWhere } from "@/lib/integrations/access";
import type { ticketIntegrationInputSchema, ticketIntegrationUpdateSchema } from "@/lib/integrations/schemas";
import { TICKET_PROVIDER_LABELS } from "@/lib/integrations/schemas";

/**
 * The one write path for ticket integrations and for asking for tickets. The sync itself (the HTTP
 * calls) runs in the job (lib/integrations/sync.ts); a change here only records what is due.
 */
type IntegrationValues = z.output<typeof ticketIntegrationInputSchema>;
type IntegrationUpdate = z.output<typeof ticketIntegrationUpdateSchema>;

function assertEncryptionAvailable(): void {
  const config = env();
  if (config.NODE_ENV === "production" && !config.ANDON_ENCRYPTION_KEY)
    throw new UserError("Set ANDON_ENCRYPTION_KEY on the server first: Andon stores ticket-system tokens encrypted with it (see the README).");
}

async function assertTeam(user: CurrentUser, teamId: string): Promise<{ id: string; name: string }> {
  const team = await db.team.findFirst({ where: { id: teamId, organizationId: user.organizationId }, select: { id: true, name: true } });
  if (!team) throw new NotFoundError("The team");
  if (!canManageIntegrationsOf(user, team.id)) throw new ForbiddenError("Only a manager of the team (or an admin) sets up its ticket sync.");
  return team;
}

/** The columns of an integration; secrets only when given (an empty one on edit keeps the stored value). */
function columns(input: IntegrationValues) {
  const provider = {
    provider: input.provider,
    baseUrl: input.baseUrl,
    repository: input.provider === "GITHUB" ? input.repository : null,
    jiraEmail: input.provider === "JIRA" ? input.jiraEmail : null,
    projectKey: input.provider === "JIRA" ? input.projectKey : null,
    issueType: input.provider === "JIRA" ? input.issueType : null,
    statusMapping: (input.provider === "JIRA" ? input.statusMapping : {}) as Prisma.InputJsonValue,
    enabled: input.enabled,
  };
  return {
    ...provider,
    ...(input.token ? { tokenEncrypted: encryptSecret(input.token) } : {}),
    ...(input.webhookSecret ? { webhookSecretEncrypted: encryptSecret(input.webhookSecret) } : {}),
  };
}

const generatedWebhookSecret = () => randomBytes(24).toString("base64url");

/** Adds a team's integration; answers the inbound webhook secret (generated when none was given), shown once. */
export async function createTicketIntegration(user: CurrentUser, input: IntegrationValues): Promise<{ id: string; webhookSecret: string }> {
  assertEncryptionAvailable();
  const team = await assertTeam(user, input.teamId);
  if (!input.token) throw new UserError("Enter the API token.", { token: ["Enter the API token Andon uses to create and update tickets."] });
  const webhookSecret = input.webhookSecret || generatedWebhookSecret();
  return db.$transaction(async (tx) => {
    const existing = await tx.ticketIntegration.findUnique({ where: { teamId: team.id }, select: { id: true } });
    if (existing) throw new UserError(`${team.name} already has a ticket integration; edit that one.`, { teamId: ["This team already has one."] });
    const created = await tx.ticketIntegration.create({
      data: {
        ...columns({ ...input, token: "", webhookSecret: "" }),
        organizationId: user.organizationId,
        teamId: team.id,
        createdById: user.userId,
        tokenEncrypted: encryptSecret(input.token),
        webhookSecretEncrypted: encryptSecret(webhookSecret),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "ticket_integration.created",
      entityType: "ticket_integration",
      entityId: created.id,
      summary: `Set up ${TICKET_PROVIDER_LABELS[input.provider]} ticket sync for ${team.name} (${input.provider === "GITHUB" ? input.repository : input.projectKey})`,
    });
    return { id: created.id, webhookSecret };
  });
}

export async function updateTicketIntegration(user: CurrentUser, update: IntegrationUpdate): Promise<{ id: string; version: number }> {
  assertEncryptionAvailable();
  const { integrationId, version, ...integration } = update;
  const input = { integrationId, version, integration: integration as IntegrationValues };
  const team = await assertTeam(user, input.integration.teamId);
  return db.$transaction(async (tx) => {
    const current = await tx.ticketIntegration.findFirst({
      where: manageableIntegrationWhere(user, input.integrationId),
      select: { id: true, teamId: true, provider: true },
    });
    if (!current) throw new NotFoundError("The ticket integration");
    if (current.provider !== input.integration.provider && !input.integration.token)
      throw new UserError("Enter the API token of the new ticket system.", { token: ["A new provider needs its own token."] });
    const { count } = await tx.ticketIntegration.updateMany({
      where: { id: current.id, version: input.version },
      data: { ...columns(input.integration), teamId: team.id, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError("Someone else changed this integration after you loaded it. Reload to see their change, then try again.");
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "ticket_integration.updated",
      entityType: "ticket_integration",
      entityId: current.id,
      summary: `Updated the ticket sync of ${team.name}${input.integration.token ? " (new token)" : ""}${input.integration.enabled ? "" : " (disabled)"}`,
    });
    return { id: current.id, version: input.version + 1 };
  });
}

/** Removes the integration; the tickets stay in the ticket system, their links in Andon go. */
export async function deleteTicketIntegration(user: CurrentUser, integrationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await tx.ticketIntegration.findFirst({
      where: manageableIntegrationWhere(user, integrationId),
      select: { id: true, team: { select: { name: true } } },
    });
    if (!current) throw new NotFoundError("The ticket integration");
    await tx.ticketIntegration.delete({ where: { id: current.id } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "ticket_integration.deleted",
      entityType: "ticket_integration",
      entityId: current.id,
      summary: `Removed the ticket sync of ${current.team.name}`,
    });
  });
}

/** The nearest integration up the tree from a team (a team without one inherits its parent's). */
export async function integrationForTeam(tx: DbClient, organizationId: string, teamId: string): Promise<{ id: string; provider: "GITHUB" | "JIRA" } | null> {
  const rows = await tx.$queryRaw<{ id: string; provider: "GITHUB" | "JIRA" }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, parent_id, 0 AS depth FROM teams WHERE id = ${teamId} AND organization_id = ${organizationId}
      UNION ALL
      SELECT t.id, t.parent_id, chain.depth + 1 FROM teams t JOIN chain ON t.id = chain.parent_id WHERE chain.depth < 100
    )
    SELECT i.id, i.provider::text AS provider FROM chain JOIN ticket_integrations i ON i.team_id = chain.id AND i.enabled
    ORDER BY chain.depth LIMIT 1`;
  return rows[0] ?? null;
}

type ActionRow = { id: string; title: string; teamId: string; ownerId: string | null; team: { name: string } };

function assertMayTicket(user: CurrentUser, action: ActionRow): void {
  if (action.ownerId !== user.userId && !can(user, "action.update", action.teamId))
    throw new ForbiddenError("Only the owner or a member of the owning team can create its ticket.");
}

async function addTicket(tx: Prisma.TransactionClient, user: CurrentUser, action: ActionRow): Promise<{ ticketId: string } | null> {
  const integration = await integrationForTeam(tx, user.organizationId, action.teamId);
  if (!integration) return null;
  const ticket = await tx.externalTicket.create({
    data: { organizationId: user.organizationId, actionId: action.id, integrationId: integration.id, provider: integration.provider, createdById: user.userId },
    select: { id: true },
  });
  await recordAudit(tx, {
    organizationId: user.organizationId,
    actorId: user.userId,
    action: "corrective_action.ticket_requested",
    entityType: "corrective_action",
    entityId: action.id,
    summary: `Asked for a ${TICKET_PROVIDER_LABELS[integration.provider]} ticket for “${action.title}”`,
  });
  return { ticketId: ticket.id };
}

const actionRowSelect = { id: true, title: true, teamId: true, ownerId: true, team: { select: { name: true } } } satisfies Prisma.CorrectiveActionSelect;

/** "Create ticket" on an action: records the ticket as due; the sync job (or the caller, at once) creates it. */
export async function requestTicket(user: CurrentUser, actionId: string): Promise<{ ticketId: string }> {
  return db.$transaction(async (tx) => {
    const action = await tx.correctiveAction.findFirst({ where: visibleActionWhere(user, actionId), select: actionRowSelect });
    if (!action) throw new NotFoundError("The corrective action");
    assertMayTicket(user, action);
    const existing = await tx.externalTicket.findUnique({ where: { actionId: action.id }, select: { id: true } });
    if (existing) return { ticketId: existing.id };
    const added = await addTicket(tx, user, action);
    if (!added) throw new UserError(`No ticket system is set up for ${action.team.name} or the teams above it. A manager adds one in Settings → Ticket sync.`);
    return added;
  });
}

/** "Create tickets for all actions" on a COE: every open action without a ticket whose team has an integration. */
export async function requestTicketsForCoe(user: CurrentUser, coeId: string): Promise<{ ticketIds: string[]; withoutIntegration: number }> {
  return db.$transaction(async (tx) => {
    const coe = await tx.coe.findFirst({ where: visibleCoeWhere(user, coeId), select: { id: true } });
    if (!coe) throw new NotFoundError("The COE");
    const actions = await tx.correctiveAction.findMany({
      where: { AND: [{ coeId: coe.id, status: { in: ["OPEN", "IN_PROGRESS"] }, externalTicket: { is: null } }, visibleActionsWhere(user)] },
      select: actionRowSelect,
      orderBy: { createdAt: "asc" },
      take: 200,
    });
    const mayTicket = actions.filter((action) => action.ownerId === user.userId || can(user, "action.update", action.teamId));
    if (actions.length > 0 && mayTicket.length === 0) throw new ForbiddenError("Only the owners or members of the owning teams can create these tickets.");
    const ticketIds: string[] = [];
    let withoutIntegration = 0;
    for (const action of mayTicket) {
      const added = await addTicket(tx, user, action);
      if (added) ticketIds.push(added.ticketId);
      else withoutIntegration += 1;
    }
    return { ticketIds, withoutIntegration };
  });
}

/** "Retry" on a failing ticket: due now (the caller runs it at once). */
export async function retryTicketSync(user: CurrentUser, actionId: string): Promise<{ ticketId: string }> {
  return db.$transaction(async (tx) => {
    const action = await tx.correctiveAction.findFirst({ where: visibleActionWhere(user, actionId), select: actionRowSelect });
    if (!action) throw new NotFoundError("The corrective action");
    assertMayTicket(user, action);
    const ticket = await tx.externalTicket.findUnique({ where: { actionId: action.id }, select: { id: true } });
    if (!ticket) throw new NotFoundError("The ticket");
    await tx.externalTicket.update({ where: { id: ticket.id }, data: { nextSyncAt: new Date() }, select: { id: true } });
    return { ticketId: ticket.id };
  });
}
