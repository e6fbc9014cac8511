import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, teamsWith, type Principal } from "@/lib/permissions";
import type { LifecycleActor } from "@/lib/coes/lifecycle";

/**
 * Who may read which COE, as a `where` every COE query starts from (CONTRIBUTING.md rule 4):
 * - drafts and COEs in review: readers of the owning team (roles spread down the tree) and authors;
 * - approved and closed: the whole organization, unless restricted (then as above, plus admins).
 */
export function visibleCoesWhere(user: Principal): Prisma.CoeWhereInput {
  if (user.isAdmin) return { organizationId: user.organizationId };
  const readableTeams = teamsWith(user, "team.view");
  return {
    organizationId: user.organizationId,
    OR: [
      { teamId: { in: readableTeams === "all" ? [] : readableTeams } },
      { createdById: user.userId },
      { authors: { some: { userId: user.userId } } },
      { status: { in: ["APPROVED", "CLOSED"] }, restricted: false },
    ],
  };
}

/**
 * visibleCoesWhere as SQL over `coes c`, for statements Prisma cannot write (ranking, home's one
 * read). The two must say the same thing: lib/coes/access.test.ts compares them. PostgreSQL tries
 * an OR's arms in the order written, so the row's own columns come before the authors' subquery:
 * most rows a search meets are settled by them without a probe of coe_authors.
 */
export function visibleCoesSql(user: Principal): Prisma.Sql {
  if (user.isAdmin) return Prisma.sql`c.organization_id = ${user.organizationId}`;
  const readable = teamsWith(user, "team.view");
  const readableTeams = readable === "all" ? [] : readable;
  return Prisma.sql`c.organization_id = ${user.organizationId} AND (
    c.team_id = ANY(${readableTeams}::text[])
    OR c.created_by_id = ${user.userId}
    OR (c.status IN ('APPROVED', 'CLOSED') AND NOT c.restricted)
    OR EXISTS (SELECT 1 FROM coe_authors a WHERE a.coe_id = c.id AND a.user_id = ${user.userId}))`;
}

/** One visible COE by id: the id alone is never enough. */
export function visibleCoeWhere(user: Principal, coeId: string): Prisma.CoeWhereInput {
  return { AND: [{ id: coeId }, visibleCoesWhere(user)] };
}

export function lifecycleActor(user: Principal, teamId: string): LifecycleActor {
  return { userId: user.userId, canWrite: can(user, "coe.write", teamId), canReview: can(user, "coe.review", teamId) };
}
