import "server-only";
import type { CurrentUser } from "@/lib/auth/principal";
import type { DbClient } from "@/lib/db";
import type { TicketProvider } from "@/lib/generated/prisma/client";
import { TICKET_PROVIDER_LABELS } from "@/lib/integrations/schemas";

const ACTOR_NAMES: Record<TicketProvider, string> = { GITHUB: "GitHub", JIRA: "Jira" };

/**
 * Changes that come from a ticket system are attributed to it: one user row per organization and
 * provider ("GitHub", "Jira"), deactivated so it can neither sign in nor be assigned, which the
 * action's history, its "done by" and the audit log then name. It acts as a member of the action's
 * team: enough to mark it done or reopen it, never to verify it.
 */
export async function integrationActor(
  tx: DbClient,
  organization: { id: string; name: string },
  provider: TicketProvider,
  teamId: string,
): Promise<CurrentUser> {
  const email = `${provider.toLowerCase()}@${organization.id}.integrations.andon.invalid`;
  const name = ACTOR_NAMES[provider];
  const user = await tx.user.upsert({
    where: { email },
    create: { organizationId: organization.id, email, name, deactivatedAt: new Date() },
    update: {},
    select: { id: true, organizationId: true },
  });
  if (user.organizationId !== organization.id) throw new Error("integration actor belongs to another organization");
  return {
    userId: user.id,
    organizationId: organization.id,
    isAdmin: false,
    teamRoles: new Map([[teamId, "MEMBER"]]),
    email,
    name: `${name} (${TICKET_PROVIDER_LABELS[provider]} sync)`,
    organizationName: organization.name,
    directTeamIds: [],
  };
}
