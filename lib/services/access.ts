import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { teamsWith, type Principal } from "@/lib/permissions";

// A service itself is readable by the whole organization (the org tree is public), but what its
// team records about it — key metrics, verifications and their evidence — is read by readers of
// the owning team (roles spread down the tree) and admins, like the team's COEs and actions.

/** The services whose team records (metrics, verifications) the caller may read. */
export function teamRecordServicesWhere(user: Principal): Prisma.ServiceWhereInput {
  const readable = teamsWith(user, "team.view");
  return { organizationId: user.organizationId, ...(readable === "all" ? {} : { teamId: { in: readable } }) };
}

/**
 * teamRecordServicesWhere as SQL over `services s` (the verification grid, its roll-up and export,
 * home's block). The two must say the same thing: lib/verification/access.test.ts compares them.
 */
export function teamRecordServicesSql(user: Principal): Prisma.Sql {
  const readable = teamsWith(user, "team.view");
  return readable === "all"
    ? Prisma.sql`s.organization_id = ${user.organizationId}`
    : Prisma.sql`(s.organization_id = ${user.organizationId} AND s.team_id = ANY(${readable}::text[]))`;
}
