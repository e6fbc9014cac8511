import type { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/permissions";
import { can, teamsWith } from "@/lib/permissions";

/** Endpoints the caller manages: every one of the organization for admins, their subtree's for managers. */
export function manageableEndpointsWhere(user: Principal): Prisma.WebhookEndpointWhereInput {
  const teams = teamsWith(user, "webhook.manage");
  if (teams === "all") return { organizationId: user.organizationId };
  return { organizationId: user.organizationId, teamId: { in: teams } };
}

export function manageableEndpointWhere(user: Principal, endpointId: string): Prisma.WebhookEndpointWhereInput {
  return { AND: [{ id: endpointId }, manageableEndpointsWhere(user)] };
}

/** May the caller manage webhooks at all (the settings link, the page)? */
export function canManageWebhooks(user: Principal): boolean {
  const teams = teamsWith(user, "webhook.manage");
  return teams === "all" || teams.length > 0;
}

/** An endpoint for the whole organization needs an admin; one for a subtree, webhook.manage on it. */
export function canManageEndpointScope(user: Principal, teamId: string | null): boolean {
  return teamId === null ? user.isAdmin : can(user, "webhook.manage", teamId);
}
