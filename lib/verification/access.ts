import "server-only";
import { ForbiddenError } from "@/lib/errors";
import { can, teamsWith, type Principal } from "@/lib/permissions";
import type { OrgTeam } from "@/lib/org/team-tree-cache";

/**
 * Who may see and record verifications: readers of the owning team see them (roles spread down the
 * tree), members record them, managers set tiers. Dimensions are organization-wide settings: an admin
 * or a manager of a top-level team changes them.
 */
export function readableTeamIds(user: Principal): "all" | Set<string> {
  const readable = teamsWith(user, "team.view");
  return readable === "all" ? "all" : new Set(readable);
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
