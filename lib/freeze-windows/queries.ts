import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ancestorIds, subtreeIds, type TeamNode } from "@/lib/org/tree";
import type { Principal } from "@/lib/permissions";
import { visibleFreezeWindowsWhere } from "@/lib/freeze-windows/access";
import { occurrencesBetween, upcomingOccurrences } from "@/lib/freeze-windows/recurrence";

// Who reads freeze windows is lib/freeze-windows/access.ts; every query here starts from it.

export const freezeWindowSelect = {
  id: true,
  teamId: true,
  reason: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  rrule: true,
  environments: true,
  services: { select: { serviceId: true } },
} satisfies Prisma.FreezeWindowSelect;
type FreezeWindowRow = Prisma.FreezeWindowGetPayload<{ select: typeof freezeWindowSelect }>;

export function freezeWindowJson(row: FreezeWindowRow, now = new Date()) {
  return {
    id: row.id,
    teamId: row.teamId,
    serviceIds: row.services.map((service) => service.serviceId),
    reason: row.reason,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    rrule: row.rrule,
    environments: row.environments,
    nextOccurrences: upcomingOccurrences(row, now, 3).map((occurrence) => ({
      startsAt: occurrence.startsAt.toISOString(),
      endsAt: occurrence.endsAt.toISOString(),
    })),
  };
}

function stillRunning(now: Date): Prisma.FreezeWindowWhereInput {
  return { OR: [{ lastEndsAt: null }, { lastEndsAt: { gt: now } }] };
}

/** Windows running or still to come, by first start then id, from after the cursor's [startsAt, id]. */
export async function listFreezeWindowsAfter(user: Principal, after: [string, string] | null, take: number) {
  const now = new Date();
  const rows = await db.freezeWindow.findMany({
    where: {
      AND: [
        visibleFreezeWindowsWhere(user),
        stillRunning(now),
        after ? { OR: [{ startsAt: { gt: new Date(after[0]) } }, { startsAt: new Date(after[0]), id: { gt: after[1] } }] } : {},
      ],
    },
    select: freezeWindowSelect,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take,
  });
  return rows.map((row) => freezeWindowJson(row, now));
}

export async function getFreezeWindow(user: Principal, windowId: string) {
  const row = await db.freezeWindow.findFirst({ where: { AND: [{ id: windowId }, visibleFreezeWindowsWhere(user)] }, select: freezeWindowSelect });
  return row ? freezeWindowJson(row) : null;
}

/** The windows that cover a service (its team's ancestors', or naming it), with their next occurrences. */
export async function upcomingWindowsForService(user: Principal, service: { id: string; teamId: string }) {
  const now = new Date();
  const teams = await db.team.findMany({ where: { organizationId: user.organizationId }, select: { id: true, parentId: true } });
  const rows = await db.freezeWindow.findMany({
    where: {
      ...visibleFreezeWindowsWhere(user),
      ...stillRunning(now),
      OR: [{ services: { some: { serviceId: service.id } } }, { teamId: { in: ancestorIds(teams, service.teamId) }, services: { none: {} } }],
    },
    select: freezeWindowSelect,
    orderBy: { startsAt: "asc" },
    take: 20,
  });
  return rows.map((row) => freezeWindowJson(row, now)).filter((window) => window.nextOccurrences.length > 0);
}

/**
 * The teams whose freeze windows reach some teams: each of them with everything below it (windows
 * stopping part of their services) and everything above it (windows whose subtree covers them).
 */
export function teamsTouching(teams: readonly TeamNode[], teamIds: readonly string[]): string[] {
  const touching = new Set<string>();
  for (const teamId of teamIds) {
    for (const id of subtreeIds(teams, teamId)) touching.add(id);
    for (const id of ancestorIds(teams, teamId)) touching.add(id);
  }
  return [...touching];
}

const listedWindowSelect = {
  ...freezeWindowSelect,
  team: { select: { name: true } },
  services: { select: { serviceId: true, service: { select: { name: true } } } },
} satisfies Prisma.FreezeWindowSelect;

/** Freeze windows still to come (or running) set on some teams, with their team and service names, soonest first. */
export async function windowsOfTeams(user: Principal, teamIds: readonly string[] | "all", now = new Date()) {
  if (teamIds !== "all" && teamIds.length === 0) return [];
  const rows = await db.freezeWindow.findMany({
    where: { ...visibleFreezeWindowsWhere(user), ...(teamIds === "all" ? {} : { teamId: { in: [...teamIds] } }), ...stillRunning(now) },
    select: listedWindowSelect,
    orderBy: { startsAt: "asc" },
    take: 200,
  });
  return rows
    .map((row) => ({
      ...freezeWindowJson(row, now),
      teamName: row.team.name,
      serviceNames: row.services.map((service) => service.service.name),
    }))
    .filter((window) => window.nextOccurrences.length > 0)
    .sort((a, b) => a.nextOccurrences[0]!.startsAt.localeCompare(b.nextOccurrences[0]!.startsAt));
}

/** Each occurrence of some teams' windows that overlaps [from, to), for the calendar feed. */
export async function freezeOccurrencesOfTeams(user: Principal, teamIds: readonly string[] | "all", from: Date, to: Date) {
  if (teamIds !== "all" && teamIds.length === 0) return [];
  const rows = await db.freezeWindow.findMany({
    where: {
      ...visibleFreezeWindowsWhere(user),
      ...(teamIds === "all" ? {} : { teamId: { in: [...teamIds] } }),
      startsAt: { lt: to },
      OR: [{ lastEndsAt: null }, { lastEndsAt: { gt: from } }],
    },
    select: { ...listedWindowSelect, updatedAt: true },
    take: 200,
  });
  // At most a hundred occurrences per window: a daily rule over three months is ninety.
  return rows.flatMap((row) =>
    occurrencesBetween(row, from, to)
      .slice(0, 100)
      .map((occurrence) => ({
        windowId: row.id,
        reason: row.reason,
        teamName: row.team.name,
        serviceNames: row.services.map((service) => service.service.name),
        updatedAt: row.updatedAt,
        ...occurrence,
      })),
  );
}
