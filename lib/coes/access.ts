import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
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

/** One visible COE by id: the id alone is never enough. */
export function visibleCoeWhere(user: Principal, coeId: string): Prisma.CoeWhereInput {
  return { AND: [{ id: coeId }, visibleCoesWhere(user)] };
}

export function lifecycleActor(user: Principal, teamId: string): LifecycleActor {
  return { userId: user.userId, canWrite: can(user, "coe.write", teamId), canReview: can(user, "coe.review", teamId) };
}
