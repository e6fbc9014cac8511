import "server-only";
import { orgTeamTree } from "@/lib/org/queries";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/permissions";
import { ancestorIds, subtreeIds } from "@/lib/org/tree";

export type ScopeTeam = { id: string; name: string; parentId: string | null };

/**
 * Whose incidents a metrics view counts: one team and every team below it. The caller must hold
 * team.view on the team (roles spread down the tree, so every team in the subtree is then
 * readable too, restricted COEs included).
 */
export type MetricsScope = {
  organizationId: string;
  team: ScopeTeam;
  /** The team and its whole subtree. */
  teamIds: string[];
  /** Every team of the organization, for roll-ups and names. */
  orgTeams: ScopeTeam[];
};

/** The organization's teams by name: the per-request list the session already loaded. */
export async function orgTeams(organizationId: string): Promise<ScopeTeam[]> {
  return (await orgTeamTree(organizationId)).map(({ id, name, parentId }) => ({ id, name, parentId }));
}

/** The teams whose metrics the user may open. */
export function viewableTeams(user: CurrentUser, teams: readonly ScopeTeam[]): ScopeTeam[] {
  return teams.filter((team) => can(user, "team.view", team.id));
}

/** The team a user sees first: their highest team in the tree (so a manager sees their whole org). */
function defaultTeamId(user: CurrentUser, teams: readonly ScopeTeam[]): string | null {
  const viewable = viewableTeams(user, teams);
  if (viewable.length === 0) return null;
  const depth = (teamId: string) => ancestorIds(teams, teamId).length;
  const own = user.directTeamIds.filter((teamId) => viewable.some((team) => team.id === teamId));
  const candidates = own.length > 0 ? own : viewable.map((team) => team.id);
  return candidates.toSorted((a, b) => depth(a) - depth(b) || nameOf(teams, a).localeCompare(nameOf(teams, b)))[0] ?? null;
}

function nameOf(teams: readonly ScopeTeam[], teamId: string): string {
  return teams.find((team) => team.id === teamId)?.name ?? "";
}

/**
 * The scope for a requested team, or the user's default. Null when the user may see no team's
 * metrics; a requested team the user may not see falls back to the default, never to the team.
 */
export async function resolveMetricsScope(user: CurrentUser, requestedTeamId: string | undefined): Promise<MetricsScope | null> {
  const teams = await orgTeams(user.organizationId);
  const requested = requestedTeamId && teams.some((team) => team.id === requestedTeamId) && can(user, "team.view", requestedTeamId) ? requestedTeamId : null;
  const teamId = requested ?? defaultTeamId(user, teams);
  if (!teamId) return null;
  return scopeFor(user.organizationId, teams, teamId);
}

export function scopeFor(organizationId: string, teams: ScopeTeam[], teamId: string): MetricsScope {
  const team = teams.find((candidate) => candidate.id === teamId)!;
  return { organizationId, team, teamIds: subtreeIds(teams, teamId), orgTeams: teams };
}
