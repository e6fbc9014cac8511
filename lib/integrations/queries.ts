import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleActionWhere, visibleActionsSql } from "@/lib/actions/access";
import { manageableIntegrationWhere, manageableIntegrationsWhere } from "@/lib/integrations/access";
import { integrationForTeam } from "@/lib/integrations/mutations";

/** What the settings pages and the API show of an integration: never its token or webhook secret. */
const integrationSelect = {
  id: true,
  teamId: true,
  team: { select: { name: true } },
  provider: true,
  baseUrl: true,
  repository: true,
  jiraEmail: true,
  projectKey: true,
  issueType: true,
  statusMapping: true,
  enabled: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { tickets: true } },
} satisfies Prisma.TicketIntegrationSelect;
export type IntegrationRow = Prisma.TicketIntegrationGetPayload<{ select: typeof integrationSelect }>;

export async function listTicketIntegrations(user: CurrentUser): Promise<IntegrationRow[]> {
  return db.ticketIntegration.findMany({
    where: manageableIntegrationsWhere(user),
    select: integrationSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
}

export async function getTicketIntegration(user: CurrentUser, integrationId: string): Promise<IntegrationRow | null> {
  return db.ticketIntegration.findFirst({ where: manageableIntegrationWhere(user, integrationId), select: integrationSelect });
}

/** Tickets of an integration that are failing, for its settings page. */
export async function failingTickets(user: CurrentUser, integrationId: string) {
  return db.externalTicket.findMany({
    where: { integrationId, integration: manageableIntegrationsWhere(user), syncError: { not: null } },
    select: { id: true, key: true, syncError: true, failingSince: true, nextSyncAt: true, action: { select: { id: true, title: true } } },
    orderBy: { failingSince: "asc" },
    take: 50,
  });
}

/**
 * An action's ticket as the action page shows it, or — without one — which integration would
 * create it (null: none applies to the team).
 */
export async function ticketForAction(user: CurrentUser, actionId: string) {
  const action = await db.correctiveAction.findFirst({
    where: visibleActionWhere(user, actionId),
    select: {
      id: true,
      teamId: true,
      externalTicket: {
        select: {
          id: true,
          provider: true,
          key: true,
          url: true,
          remoteClosed: true,
          remoteStatus: true,
          syncError: true,
          failingSince: true,
          nextSyncAt: true,
          syncedAt: true,
        },
      },
    },
  });
  if (!action) return null;
  if (action.externalTicket) return { ticket: action.externalTicket, integration: null };
  return { ticket: null, integration: await integrationForTeam(db, user.organizationId, action.teamId) };
}

/**
 * For a COE's "Create tickets for all actions": how many of its open actions have no ticket yet,
 * or null when the organization has no ticket system at all. One statement either way (the COE
 * page's statement budget): the organization's enabled integrations and both counts together.
 */
export async function coeActionsWithoutTicket(user: CurrentUser, coeId: string): Promise<{ withoutTicket: number; withTicket: number } | null> {
  const [row] = await db.$queryRaw<{ integrations: number; withoutTicket: number; withTicket: number }[]>(Prisma.sql`
    SELECT (SELECT count(*)::int FROM ticket_integrations i WHERE i.organization_id = ${user.organizationId} AND i.enabled) AS integrations,
      count(*) FILTER (WHERE t.id IS NULL)::int AS "withoutTicket",
      count(*) FILTER (WHERE t.id IS NOT NULL)::int AS "withTicket"
    FROM corrective_actions ca LEFT JOIN external_tickets t ON t.action_id = ca.id
    WHERE ca.coe_id = ${coeId} AND ca.status IN ('OPEN', 'IN_PROGRESS') AND ${visibleActionsSql(user)}`);
  if (!row || row.integrations === 0) return null;
  return { withoutTicket: row.withoutTicket, withTicket: row.withTicket };
}
