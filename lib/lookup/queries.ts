import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { actionOwnerWhere } from "@/lib/actions/access";
import { visibleCoesWhere } from "@/lib/coes/access";
import { STATUS_LABELS } from "@/lib/coes/questions";
import { orgTeamTree } from "@/lib/org/queries";
import { ancestorIndex, flattenTree } from "@/lib/org/tree";
import { can } from "@/lib/permissions";
import { COLLEAGUE_NAMES_MAX, type LookupItem } from "@/lib/lookup/schemas";

/** `?q=` matches anywhere in the name, ignoring case; an empty query lists the first ones by name. */
function nameContains(query: string) {
  const trimmed = query.trim();
  return trimmed ? { contains: trimmed, mode: "insensitive" as const } : undefined;
}

/** Active people of the caller's organization, by name; the hint is the email, which tells two namesakes apart. */
export async function lookupPeople(user: CurrentUser, query: string, limit: number): Promise<LookupItem[]> {
  const name = nameContains(query);
  const people = await db.user.findMany({
    where: { organizationId: user.organizationId, deactivatedAt: null, ...(name ? { name } : {}) },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
  });
  return people.map((person) => ({ value: person.id, label: person.name, hint: person.email }));
}

/**
 * Names of the caller's active colleagues whose first word is one of `firstWords` (exactly, case
 * included): what the blameless-writing hints need to spot a person named in an answer, without
 * the page holding every name in the organization.
 */
export async function colleagueNamesStartingWith(user: CurrentUser, firstWords: readonly string[]): Promise<string[]> {
  if (firstWords.length === 0) return [];
  const people = await db.user.findMany({
    where: {
      organizationId: user.organizationId,
      deactivatedAt: null,
      OR: [{ name: { in: [...firstWords] } }, ...firstWords.map((word) => ({ name: { startsWith: `${word} ` } }))],
    },
    select: { name: true },
    orderBy: { name: "asc" },
    take: COLLEAGUE_NAMES_MAX,
  });
  return [...new Set(people.map((person) => person.name))];
}

/** People who may own a corrective action (viewers may not: lib/permissions.ts canOwnActions), by name, for owner pickers. */
export async function lookupActionOwners(user: CurrentUser, query: string, limit: number): Promise<LookupItem[]> {
  const name = nameContains(query);
  const people = await db.user.findMany({
    where: { ...actionOwnerWhere(user.organizationId), ...(name ? { name } : {}) },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
  });
  return people.map((person) => ({ value: person.id, label: person.name, hint: person.email }));
}

/** Services of the caller's organization (the org tree is readable by everyone in it), with the owning team. */
export async function lookupServices(user: CurrentUser, query: string, limit: number): Promise<LookupItem[]> {
  const name = nameContains(query);
  const [services, teamNames] = await Promise.all([
    db.service.findMany({
      where: { organizationId: user.organizationId, ...(name ? { name } : {}) },
      select: { id: true, name: true, teamId: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: limit,
    }),
    teamNamesOf(user),
  ]);
  return services.map((service) => ({ value: service.id, label: service.name, hint: teamNames.get(service.teamId) }));
}

/** COEs the caller may read, by title, with their team and status. */
export async function lookupCoes(user: CurrentUser, query: string, limit: number): Promise<LookupItem[]> {
  const title = nameContains(query);
  // Columns of one index only (prisma/schema.prisma), read in title order: a keystroke is an
  // index-only scan that stops at `limit`. Team names come from the request's team list.
  const [coes, teamNames] = await Promise.all([
    db.coe.findMany({
      where: { AND: [visibleCoesWhere(user), ...(title ? [{ title }] : [])] },
      select: { id: true, title: true, status: true, teamId: true },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      take: limit,
    }),
    teamNamesOf(user),
  ]);
  return coes.map((coe) => ({ value: coe.id, label: coe.title, hint: `${teamNames.get(coe.teamId) ?? ""} · ${STATUS_LABELS[coe.status]}` }));
}

/**
 * Teams of the caller's organization (the org tree is readable by everyone in it) whose name contains
 * the query, in the tree's order (parents before their sub-teams), each with the path above it as the
 * hint ("Retail › Payments"), so two teams of one name are told apart. Read from the request's team
 * list: no statement of its own.
 */
export async function lookupTeams(user: CurrentUser, query: string, limit: number): Promise<LookupItem[]> {
  return teamItems(user, query, limit, () => true);
}

/** The teams whose work (actions, drafts, metrics) the caller may see (team.view), as lookupTeams lists them. */
export async function lookupViewableTeams(user: CurrentUser, query: string, limit: number): Promise<LookupItem[]> {
  return teamItems(user, query, limit, (teamId) => can(user, "team.view", teamId));
}

async function teamItems(user: CurrentUser, query: string, limit: number, offered: (teamId: string) => boolean): Promise<LookupItem[]> {
  const [teams, names] = await Promise.all([orgTeamTree(user.organizationId), teamNamesOf(user)]);
  const needle = query.trim().toLocaleLowerCase();
  const chosen = flattenTree(teams)
    .filter(({ team }) => offered(team.id) && (!needle || team.name.toLocaleLowerCase().includes(needle)))
    .slice(0, limit);
  const ancestors = ancestorIndex(teams);
  return chosen.map(({ team }) => {
    const above = (ancestors.get(team.id) ?? []).slice(1).toReversed();
    return { value: team.id, label: team.name, ...(above.length > 0 ? { hint: above.map((id) => names.get(id)).join(" › ") } : {}) };
  });
}

/** Team names by id, from the organization's team list that the session already loaded this request. */
async function teamNamesOf(user: CurrentUser): Promise<Map<string, string>> {
  return new Map((await orgTeamTree(user.organizationId)).map((team) => [team.id, team.name]));
}

/** The label of one chosen id, so a filter read back from the URL shows a name, not an id. */
export async function lookupLabel(user: CurrentUser, source: "people" | "services" | "teams", id: string | undefined): Promise<string | undefined> {
  if (!id) return undefined;
  if (source === "teams") return (await teamNamesOf(user)).get(id);
  if (source === "people") {
    const person = await db.user.findFirst({ where: { id, organizationId: user.organizationId }, select: { name: true } });
    return person?.name;
  }
  const service = await db.service.findFirst({ where: { id, organizationId: user.organizationId }, select: { name: true } });
  return service?.name;
}
