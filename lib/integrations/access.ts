import type { Prisma } from "@/lib/generated/prisma/client";
import { can, teamsWith, type Principal } from "@/lib/permissions";

/**
 * Ticket integrations are set up per team by whoever manages that team's integrations — the
 * capability outgoing webhooks use (managers of the team or above, admins) — and apply to the
 * team's subtree.
 */
export function manageableIntegrationsWhere(user: Principal): Prisma.TicketIntegrationWhereInput {
  const teams = teamsWith(user, "webhook.manage");
  if (teams === "all") return { organizationId: user.organizationId };
  return { organizationId: user.organizationId, teamId: { in: teams } };
}

export function manageableIntegrationWhere(user: Principal, integrationId: string): Prisma.TicketIntegrationWhereInput {
  return { AND: [{ id: integrationId }, manageableIntegrationsWhere(user)] };
}

export function canManageIntegrationsOf(user: Principal, teamId: string): boolean {
  return can(user, "webhook.manage", teamId);
}
