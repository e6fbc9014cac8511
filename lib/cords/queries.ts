import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { preparedSql } from "@/lib/prepared-statements";
import { Prisma } from "@/lib/generated/prisma/client";
import { jsonDate, type JsonRow } from "@/lib/sql-sections";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, teamsWith } from "@/lib/permissions";
import { visibleCoesWhere } from "@/lib/coes/access";
import { visibleActionsWhere } from "@/lib/actions/access";
import { cordJson, cordSelect } from "@/lib/cords/api-json";
import { subtreeIds } from "@/lib/org/tree";
import { visibleCordsSql, visibleCordsWhere } from "@/lib/cords/access";

// Who sees cords is lib/cords/access.ts (everyone in the organization); every query here starts
// from that rule, and writes check the owning team.

const timelineSelect = {
  id: true,
  kind: true,
  body: true,
  deployRef: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} satisfies Prisma.CordEventSelect;

/** A cord with its whole timeline, for its page. */
export async function getCordForView(user: CurrentUser, cordId: string) {
  const row = await db.cord.findFirst({
    where: { AND: [{ id: cordId }, visibleCordsWhere(user)] },
    select: {
      ...cordSelect,
      service: { select: { id: true, name: true, teamId: true, team: { select: { name: true } } } },
      events: { select: timelineSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      overrides: { select: { id: true, expiresAt: true, usedAt: true }, orderBy: { createdAt: "desc" }, take: 5 },
    },
  });
  if (!row) return null;
  const coe = row.coeId
    ? await db.coe.findFirst({ where: { AND: [{ id: row.coeId }, visibleCoesWhere(user)] }, select: { id: true, title: true, status: true } })
    : null;
  // The actions that follow the cord up, each as far as the caller may read actions (lib/actions/access.ts).
  const actions = await db.correctiveAction.findMany({
    where: { AND: [{ cordId: row.id }, visibleActionsWhere(user)] },
    select: { id: true, title: true, status: true, dueDate: true, owner: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const teamId = row.service.teamId;
  return {
    ...cordJson(row),
    actions,
    serviceTeam: { id: teamId, name: row.service.team.name },
    timeline: row.events,
    /** An override granted and not yet used or expired. */
    liveOverride: row.overrides.find((override) => !override.usedAt && override.expiresAt > new Date()) ?? null,
    coe,
    canResolve: can(user, "cord.resolve", teamId),
    canOverride: can(user, "cord.override", teamId),
    canStartCoe: can(user, "coe.write", teamId),
    canCreateAction: can(user, "action.update", teamId),
  };
}

/** The open cord on a service (with its latest timeline entries), or null. */
export async function openCordForService(user: CurrentUser, serviceId: string) {
  return db.cord.findFirst({
    where: { AND: [visibleCordsWhere(user), { openServiceId: serviceId }] },
    select: { ...cordSelect, events: { select: timelineSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 6 } },
  });
}

/** The service's latest cords, open or resolved. */
export async function recentCordsForService(user: CurrentUser, serviceId: string, take = 5) {
  const rows = await db.cord.findMany({ where: { AND: [visibleCordsWhere(user), { serviceId }] }, select: cordSelect, orderBy: { pulledAt: "desc" }, take });
  return rows.map(cordJson);
}

/** How many open cords a request reads at most: far more than an organization has stopped at once. */
const OPEN_CORDS_READ = 1000;

/**
 * The open cords the caller may read (the organization's), newest first, read once per request (React's cache): the frame's
 * banner and the "Line stopped" badges of the page under it filter the same few rows, so a page
 * showing both pays one statement. Open cords are few; past OPEN_CORDS_READ the oldest are left out.
 */
const openCordsReadableBy = cache(async (user: CurrentUser) => {
  // Every signed-in page runs this (the frame's banner): plain SQL, prepared once per connection.
  const rows = await db.$queryRaw<{ id: string; pulledAt: Date; problem: string; serviceId: string; serviceName: string; teamId: string }[]>(preparedSql`
    SELECT c.id, c.pulled_at AS "pulledAt", c.problem, c.service_id AS "serviceId", s.name AS "serviceName", s.team_id AS "teamId"
    FROM cords c JOIN services s ON s.id = c.service_id
    WHERE ${visibleCordsSql(user)} AND c.resolved_at IS NULL
    ORDER BY c.pulled_at DESC, c.id DESC
    LIMIT ${OPEN_CORDS_READ}`);
  return rows.map(({ serviceName, teamId, ...cord }) => ({ ...cord, service: { id: cord.serviceId, name: serviceName, teamId } }));
});

/**
 * The banner's open cords: those on services of teams where the caller is a member or above
 * (roles spread down the tree, so a manager sees the stops of their whole subtree).
 */
export async function openCordsForBanner(user: CurrentUser, take = 3) {
  const teams = teamsWith(user, "cord.resolve");
  if (teams !== "all" && teams.length === 0) return { rows: [], total: 0 };
  const mine = teams === "all" ? null : new Set(teams);
  const rows = (await openCordsReadableBy(user)).filter((cord) => mine === null || mine.has(cord.service.teamId));
  return {
    rows: rows.slice(0, take).map(({ id, pulledAt, problem, service }) => ({ id, pulledAt, problem, service: { id: service.id, name: service.name } })),
    total: Math.min(rows.length, take + 1),
  };
}

/**
 * Open cords on the services of the caller's teams and every team below them (any role: roles
 * spread down the tree), newest first, for home: a cord deep in the tree shows on the home of every
 * team above. A statement for home's one read (lib/sql-sections.ts); null for someone on no team.
 */
export function openCordsInMyScopeSql(user: CurrentUser, take: number): Prisma.Sql | null {
  const teamIds = user.isAdmin ? "all" : [...user.teamRoles.keys()];
  if (teamIds !== "all" && teamIds.length === 0) return null;
  return Prisma.sql`
    SELECT c.id, c.problem, c.pulled_at AS "pulledAt", s.name AS "serviceName", pu.name AS "pulledByName",
      (c.severity = 'CUSTOMER_DEFECT' AND (coe.id IS NULL OR coe.status = 'DRAFT')) AS "coeDue",
      (SELECT count(*) FROM cord_events e WHERE e.cord_id = c.id AND e.kind = 'PLUS_ONE') AS "plusOnes",
      count(*) OVER () AS total
    FROM cords c
    JOIN services s ON s.id = c.service_id
    LEFT JOIN users pu ON pu.id = c.pulled_by_id
    LEFT JOIN coes coe ON coe.id = c.coe_id
    WHERE ${visibleCordsSql(user)} AND c.resolved_at IS NULL
      ${teamIds === "all" ? Prisma.empty : Prisma.sql`AND s.team_id = ANY(${teamIds}::text[])`}
    ORDER BY c.pulled_at DESC, c.id DESC
    LIMIT ${take}`;
}

/** A row of openCordsInMyScopeSql, as home shows it (coeDue as in cordJson). */
export function homeCordFrom(row: JsonRow) {
  return {
    id: String(row.id),
    url: `/cords/${String(row.id)}`,
    problem: String(row.problem),
    serviceName: String(row.serviceName),
    pulledAt: jsonDate(row.pulledAt) ?? new Date(0),
    pulledByName: row.pulledByName === null ? null : String(row.pulledByName),
    coeDue: row.coeDue === true,
    plusOnes: Number(row.plusOnes ?? 0),
  };
}

/**
 * Which services have a stopped line, for the "Line stopped" badge on pages that list services
 * (metrics, policies): among some services, or among those of some teams. Filters the request's
 * one read of the organization's open cords.
 */
export async function stoppedServiceIds(
  user: CurrentUser,
  among: { serviceIds: readonly string[] } | { teamIds: readonly string[] | "all" },
): Promise<Set<string>> {
  if ("serviceIds" in among ? among.serviceIds.length === 0 : among.teamIds !== "all" && among.teamIds.length === 0) return new Set();
  const services = "serviceIds" in among ? new Set(among.serviceIds) : null;
  const teams = "teamIds" in among && among.teamIds !== "all" ? new Set(among.teamIds) : null;
  const open = await openCordsReadableBy(user);
  return new Set(
    open
      .filter((cord) => (services === null || services.has(cord.serviceId)) && (teams === null || teams.has(cord.service.teamId)))
      .map((cord) => cord.serviceId),
  );
}

export type CordListFilter = { serviceId?: string; teamIds?: string[]; status?: "open" | "resolved"; since?: Date };

function listWhere(user: CurrentUser, filter: CordListFilter): Prisma.CordWhereInput {
  return {
    ...visibleCordsWhere(user),
    ...(filter.serviceId ? { serviceId: filter.serviceId } : {}),
    ...(filter.teamIds ? { service: { teamId: { in: filter.teamIds } } } : {}),
    ...(filter.status === "open" ? { resolvedAt: null } : filter.status === "resolved" ? { resolvedAt: { not: null } } : {}),
    ...(filter.since ? { pulledAt: { gte: filter.since } } : {}),
  };
}

/** A page of cords, newest first, keyed by (pulledAt, id) for the API's cursor. */
export async function listCordsAfter(user: CurrentUser, filter: CordListFilter, after: [string, string] | null, take: number) {
  const rows = await db.cord.findMany({
    where: {
      AND: [listWhere(user, filter), after ? { OR: [{ pulledAt: { lt: new Date(after[0]) } }, { pulledAt: new Date(after[0]), id: { lt: after[1] } }] } : {}],
    },
    select: cordSelect,
    orderBy: [{ pulledAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map(cordJson);
}

/** A page of cords for the Cords page. */
export async function listCordsPage(user: CurrentUser, filter: CordListFilter, page: number, pageSize = 25) {
  const where = listWhere(user, filter);
  const [total, rows] = await Promise.all([
    db.cord.count({ where }),
    db.cord.findMany({ where, select: cordSelect, orderBy: [{ pulledAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / pageSize)), rows: rows.map(cordJson) };
}

/** A cord with its timeline in the API's shape. */
export async function cordDetailJson(user: CurrentUser, cordId: string) {
  const row = await db.cord.findFirst({
    where: { AND: [{ id: cordId }, visibleCordsWhere(user)] },
    select: { ...cordSelect, events: { select: timelineSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!row) return null;
  return {
    ...cordJson(row),
    timeline: row.events.map((event) => ({
      id: String(event.id),
      kind: event.kind,
      actor: event.actor,
      body: event.body,
      deployRef: event.deployRef,
      createdAt: event.createdAt.toISOString(),
    })),
  };
}

/** A team of the organization and every team below it; null for a team that is not there. */
export async function teamSubtree(user: CurrentUser, teamId: string): Promise<string[] | null> {
  const teams = await db.team.findMany({ where: { organizationId: user.organizationId }, select: { id: true, parentId: true } });
  return teams.some((team) => team.id === teamId) ? subtreeIds(teams, teamId) : null;
}
