import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ForbiddenError } from "@/lib/errors";
import { can, teamsWith, type Principal } from "@/lib/permissions";

/** Readers of the owning team (roles spread down the tree) see a game day; members run it. */
export function visibleGameDaysWhere(user: Principal): Prisma.GameDayWhereInput {
  const readable = teamsWith(user, "team.view");
  return readable === "all" ? { organizationId: user.organizationId } : { organizationId: user.organizationId, teamId: { in: readable } };
}

export function assertCanRun(user: Principal, teamId: string): void {
  if (!can(user, "verification.record", teamId)) throw new ForbiddenError("Only members of the game day's team (or above) can plan and run it.");
}
