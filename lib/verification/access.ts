import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { ForbiddenError } from "@/lib/errors";
import { can, teamsWith, type Principal } from "@/lib/permissions";
import type { OrgTeam } from "@/lib/org/team-tree-cache";

// Who may see and record verifications: readers of the service's owning team see them (roles spread
// down the tree) and admins; members record them, managers set tiers. The service itself and the
// dimensions are readable by the whole organization (the org tree is public; dimensions are the
// organization's settings): an admin or a manager of a top-level team changes dimensions.

/** The services whose verifications (current cells, records, evidence, tier) the caller may read. */
export function verificationServicesWhere(user: Principal): Prisma.ServiceWhereInput {
  const readable = teamsWith(user, "team.view");
  return { organizationId: user.organizationId, ...(readable === "all" ? {} : { teamId: { in: readable } }) };
}

/**
 * verificationServicesWhere as SQL over `services s`, for the grid, its roll-up and export, and
 * home's block. The two must say the same thing: lib/verification/access.test.ts compares them.
 */
export function verificationServicesSql(user: Principal): Prisma.Sql {
  const readable = teamsWith(user, "team.view");
  return readable === "all"
    ? Prisma.sql`s.organization_id = ${user.organizationId}`
    : Prisma.sql`(s.organization_id = ${user.organizationId} AND s.team_id = ANY(${readable}::text[]))`;
}

/** Whether the caller reads the verifications of a team's services (verificationServicesWhere for one team). */
export function canReadVerifications(user: Principal, teamId: string): boolean {
  return can(user, "team.view", teamId);
}

export function assertCanRecord(user: Principal, teamId: string): void {
  if (!can(user, "verification.record", teamId)) throw new ForbiddenError("Only members of the owning team (or above) can record verifications.");
}

export function assertCanSetTier(user: Principal, teamId: string): void {
  if (!can(user, "verification.configure", teamId)) throw new ForbiddenError("Only a manager of the owning team (or above) can set a service's tier.");
}

export function canConfigureDimensions(user: Principal, teams: readonly OrgTeam[]): boolean {
  if (user.isAdmin) return true;
  return teams.some((team) => team.parentId === null && can(user, "verification.configure", team.id));
}
