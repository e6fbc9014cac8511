import "server-only";
import type { CurrentUser } from "@/lib/auth/principal";
import { orgTeamTree } from "@/lib/org/queries";
import { flattenTree, treeOptionLabel } from "@/lib/org/tree";
import { teamsWith, type Capability } from "@/lib/permissions";

async function teamsWithCapability(user: CurrentUser, capability: Capability): Promise<{ id: string; name: string }[]> {
  const teams = await orgTeamTree(user.organizationId);
  const allowed = teamsWith(user, capability);
  const visible = allowed === "all" ? teams : teams.filter((team) => allowed.includes(team.id));
  return flattenTree(visible).map(({ team, depth }) => ({ id: team.id, name: treeOptionLabel(team.name, depth) }));
}

/** Teams the caller may enforce rules for (policy.manage), indented in tree order, for the editors' pickers. */
export function manageableTeams(user: CurrentUser): Promise<{ id: string; name: string }[]> {
  return teamsWithCapability(user, "policy.manage");
}

/** Teams the caller may propose draft rules for (policy.facts: member and above), indented in tree order. */
export function draftTeams(user: CurrentUser): Promise<{ id: string; name: string }[]> {
  return teamsWithCapability(user, "policy.facts");
}
