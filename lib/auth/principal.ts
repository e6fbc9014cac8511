import "server-only";
import { db } from "@/lib/db";
import { orgTeamTree } from "@/lib/org/queries";
import { effectiveTeamRoles, type Principal } from "@/lib/permissions";

export type CurrentUser = Principal & {
  email: string;
  name: string;
  organizationName: string;
  /** Teams the user holds a role on directly, for the home page and team switcher. */
  directTeamIds: string[];
};

/**
 * Loads a user with their effective roles: two queries whatever the size of the org tree
 * (the user with memberships, and the org's teams as id/parent pairs).
 */
export async function loadCurrentUser(userId: string, sessionVersion?: number): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      isAdmin: true,
      organizationId: true,
      sessionVersion: true,
      deactivatedAt: true,
      organization: { select: { name: true } },
      memberships: { select: { teamId: true, role: true } },
    },
  });
  if (!user || user.deactivatedAt) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  // The per-request team list: pages that filter or scope by team reuse it instead of loading it again.
  const teams = await orgTeamTree(user.organizationId);
  return {
    userId: user.id,
    organizationId: user.organizationId,
    isAdmin: user.isAdmin,
    teamRoles: effectiveTeamRoles(teams, user.memberships),
    email: user.email,
    name: user.name,
    organizationName: user.organization.name,
    directTeamIds: user.memberships.map((membership) => membership.teamId),
  };
}
