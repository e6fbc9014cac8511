import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { subtreeIds } from "@/lib/org/tree";
import { currentTreeVersion, teamTreeAtVersion, type OrgTeam } from "@/lib/org/team-tree-cache";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Principal } from "@/lib/permissions";
import { visibleServicesWhere, visibleTeamsWhere } from "@/lib/org/access";

// The org tree (teams and services) is readable by everyone in the organization (lib/org/access.ts).
// What teams *contain* (COEs, actions) is scoped elsewhere.

/**
 * Every team of the organization with its place in the tree, by name. Cached per request: the
 * session's roles, the page's filters and its scope all start from this one list.
 */
export const orgTeamTree = cache(async (organizationId: string): Promise<readonly OrgTeam[]> =>
  teamTreeAtVersion(organizationId, await currentTreeVersion(organizationId)),
);

export async function listTeams(user: Principal) {
  const teams = await db.team.findMany({
    where: visibleTeamsWhere(user),
    select: {
      id: true,
      name: true,
      description: true,
      parentId: true,
      createdAt: true,
      _count: { select: { services: true, memberships: true } },
    },
    orderBy: { name: "asc" },
  });
  return teams.map(({ _count, ...team }) => ({ ...team, serviceCount: _count.services, memberCount: _count.memberships }));
}

export async function listServices(user: Principal, filter: { teamIds?: string[] } = {}) {
  return db.service.findMany({
    where: { ...visibleServicesWhere(user), ...(filter.teamIds ? { teamId: { in: filter.teamIds } } : {}) },
    select: { id: true, name: true, description: true, teamId: true, team: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
}

export async function findTeam(user: Principal, teamId: string) {
  return db.team.findFirst({
    where: { AND: [{ id: teamId }, visibleTeamsWhere(user)] },
    select: { id: true, name: true, description: true, parentId: true },
  });
}

/**
 * Home page: the teams the user belongs to, each with its role, its own services and, per sub-team
 * of its subtree that runs any, those services' names (a top-level team's subtree runs hundreds).
 */
export async function teamsForHome(user: CurrentUser) {
  const teams = await orgTeamTree(user.organizationId);
  const homeTeamIds = user.directTeamIds.length > 0 ? user.directTeamIds : user.isAdmin ? teams.filter((t) => !t.parentId).map((t) => t.id) : [];
  const byId = new Map(teams.map((team) => [team.id, team]));
  const relevant = homeTeamIds.filter((teamId) => byId.has(teamId)).map((teamId) => ({ teamId, subtree: subtreeIds(teams, teamId) }));
  const services = await db.service.findMany({
    where: { organizationId: user.organizationId, teamId: { in: [...new Set(relevant.flatMap((r) => r.subtree))] } },
    select: { id: true, name: true, description: true, teamId: true },
    orderBy: { name: "asc" },
  });
  const servicesByTeam = new Map<string, typeof services>();
  for (const service of services) {
    const list = servicesByTeam.get(service.teamId);
    if (list) list.push(service);
    else servicesByTeam.set(service.teamId, [service]);
  }
  return relevant
    .map(({ teamId, subtree }) => {
      const team = byId.get(teamId)!;
      const parent = team.parentId ? byId.get(team.parentId) : undefined;
      const subTeams = subtree
        .filter((id) => id !== teamId && servicesByTeam.has(id))
        .map((id) => ({ id, name: byId.get(id)!.name, serviceNames: servicesByTeam.get(id)!.map((service) => service.name) }))
        .sort((a, b) => a.name.localeCompare(b.name));
      return {
        id: team.id,
        name: team.name,
        description: team.description,
        parentName: parent?.name ?? null,
        role: user.teamRoles.get(teamId) ?? null,
        subTeamCount: subtree.length - 1,
        services: (servicesByTeam.get(teamId) ?? []).map(({ id, name, description }) => ({ id, name, description })),
        subTeams,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function findService(user: Principal, serviceId: string) {
  return db.service.findFirst({
    where: { AND: [{ id: serviceId }, visibleServicesWhere(user)] },
    select: { id: true, name: true, description: true, teamId: true },
  });
}

/** A page of the organization's services (optionally of some teams) in id order, for the API. */
export async function servicesPage(user: Principal, filter: { teamIds?: string[]; afterId?: string; take: number }) {
  return db.service.findMany({
    where: {
      ...visibleServicesWhere(user),
      ...(filter.teamIds ? { teamId: { in: filter.teamIds } } : {}),
      ...(filter.afterId ? { id: { gt: filter.afterId } } : {}),
    },
    select: { id: true, name: true, description: true, teamId: true },
    orderBy: { id: "asc" },
    take: filter.take,
  });
}

const TEAM_API_FIELDS = { id: true, name: true, description: true, parentId: true, createdAt: true } as const;

/** A page of the organization's teams (optionally the children of one parent, null = top level) in id order, for the API. */
export async function teamsPage(user: Principal, filter: { parentId?: string | null; afterId?: string; take: number }) {
  return db.team.findMany({
    where: {
      ...visibleTeamsWhere(user),
      ...(filter.parentId !== undefined ? { parentId: filter.parentId } : {}),
      ...(filter.afterId ? { id: { gt: filter.afterId } } : {}),
    },
    select: TEAM_API_FIELDS,
    orderBy: { id: "asc" },
    take: filter.take,
  });
}

/** One team in the API's shape, or null when it is not in the organization. */
export async function teamForApi(user: Principal, teamId: string) {
  return db.team.findFirst({ where: { AND: [{ id: teamId }, visibleTeamsWhere(user)] }, select: TEAM_API_FIELDS });
}
