import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, teamsWith } from "@/lib/permissions";

// Who reads what of the policy engine. Rules and service facts are the organization's policy and
// inventory: everyone in it reads them (the organization is in every `where`). Findings belong to
// the service's owning team: readers of that team (roles spread down the tree) and admins see them.
// Who may write rules is lib/policies/rule-access.ts.

/** Findings the caller may read, as the `where` every findings query starts from. */
export function visibleFindingsWhere(user: CurrentUser): Prisma.PolicyFindingWhereInput {
  const teams = teamsWith(user, "team.view");
  return { organizationId: user.organizationId, ...(teams === "all" ? {} : { teamId: { in: teams } }) };
}

/** visibleFindingsWhere for one finding already loaded through a row the caller may read (its action). */
export function canViewFinding(user: CurrentUser, finding: { teamId: string }): boolean {
  return can(user, "team.view", finding.teamId);
}

/**
 * visibleFindingsWhere as SQL over `policy_findings f`, for the hand-written compliance statements.
 * The two must say the same thing: lib/policies/access.test.ts compares them.
 */
export function visibleFindingsSql(user: CurrentUser): Prisma.Sql {
  const teams = teamsWith(user, "team.view");
  return teams === "all"
    ? Prisma.sql`f.organization_id = ${user.organizationId}`
    : Prisma.sql`(f.organization_id = ${user.organizationId} AND f.team_id = ANY(${teams}::text[]))`;
}
