import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleCoesWhere } from "@/lib/coes/access";
import { can, canAdminister, type Principal } from "@/lib/permissions";

/** A lesson is readable exactly when its COE is (restricted COEs keep their lessons to their readers). */
export function visibleLessonsWhere(user: Principal): Prisma.LessonWhereInput {
  return { organizationId: user.organizationId, coe: visibleCoesWhere(user) };
}

type CoeForLessons = { teamId: string; createdById: string | null; authorIds: readonly string[] };

/** Authors and writers of the COE's team mark, confirm and edit its lessons (at any status: lessons are curated after approval too). */
export function canEditLessons(user: Principal, coe: CoeForLessons): boolean {
  return can(user, "coe.write", coe.teamId) || coe.createdById === user.userId || coe.authorIds.includes(user.userId);
}

/** Reviewers and managers of the COE's team promote its lessons to best practices. */
export function canPromoteFrom(user: Principal, coeTeamId: string): boolean {
  return can(user, "coe.review", coeTeamId);
}

/** Whoever may create the team's corrective actions decides whether it adopts a best practice. */
export function canDecideAdoption(user: Principal, teamId: string): boolean {
  return can(user, "action.update", teamId);
}

/** Whoever promoted a best practice, and admins, edit its title and description. */
export function canEditBestPractice(user: Principal, practice: { promotedById: string | null }): boolean {
  return canAdminister(user) || practice.promotedById === user.userId;
}
