import "server-only";
import { ForbiddenError } from "@/lib/errors";
import { can, type Principal } from "@/lib/permissions";
import type { OrgTeam } from "@/lib/org/team-tree-cache";

// Who may see and record verifications: readers of the service's owning team see them (roles spread
// down the tree; lib/services/access.ts) and admins; members record them, managers set tiers. The service itself and the
// dimensions are readable by the whole organization (the org tree is public; dimensions are the
// organization's settings): an admin or a manager of a top-level team changes dimensions.

/** Whether the caller reads the verifications of a team's services (teamRecordServicesWhere for one team). */
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
