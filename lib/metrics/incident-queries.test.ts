// Incident metrics computed in PostgreSQL against COEs with known timestamps: each expected
// figure is worked out by hand in the comments, so a wrong query cannot agree with itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { actionFiguresByTeam, byCategory, closeRate, recurrences } from "@/lib/metrics/incident-breakdowns";
import { bySeverity, byTeamRolledUp, headlineSummaries, slowestIncidents, ttrDistribution, weeklyTrend, windowsEndingAt } from "@/lib/metrics/incident-queries";
import { createCategory, createCoe, daysAgo } from "@/lib/metrics/test-data";
import { summarize } from "@/lib/metrics/stats";
import { chartTable } from "@/lib/metrics/chart-tables";
import { toCsv } from "@/lib/csv";
import { loadIncidentDashboard } from "@/lib/metrics/dashboard";
import { scopeFor } from "@/lib/metrics/scope";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createService, createTeam } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

// A Wednesday, so weeks are easy to reason about.
const NOW = new Date("2026-06-17T12:00:00Z");

type World = Awaited<ReturnType<typeof buildWorld>>;
let world: World;

/**
 * parent ─┬─ child        other (a sibling tree that must never count)
 *         └─ quiet
 */
async function buildWorld() {
  const org = await createOrganization(db);
  const parent = await createTeam(db, org.id, { name: "Parent" });
  const child = await createTeam(db, org.id, { name: "Child", parentId: parent.id });
  const quiet = await createTeam(db, org.id, { name: "Quiet", parentId: parent.id });
  const other = await createTeam(db, org.id, { name: "Other" });
  const api = await createService(db, org.id, child.id, { name: `api-${org.id}` });
  const web = await createService(db, org.id, parent.id, { name: `web-${org.id}` });
  const dns = await createCategory(db, org.id, "DNS");
  const config = await createCategory(db, org.id, "Configuration drift");

  const o = org.id;
  // Counted, inside the 30-day window (TTR minutes): parent 30 (SEV2), 120 (SEV1); child 45 (SEV2), 600 (SEV2).
  const a = await createCoe(db, o, {
    teamId: parent.id,
    startedAt: daysAgo(NOW, 2),
    detectMin: 10,
    mitigateMin: 20,
    resolveMin: 30,
    severity: "SEV2",
    serviceIds: [web.id],
    categoryIds: [config.id],
  });
  const b = await createCoe(db, o, {
    teamId: parent.id,
    startedAt: daysAgo(NOW, 9),
    detectMin: 4,
    mitigateMin: 60,
    resolveMin: 120,
    severity: "SEV1",
    serviceIds: [web.id],
    categoryIds: [dns.id],
  });
  const c = await createCoe(db, o, {
    teamId: child.id,
    startedAt: daysAgo(NOW, 10),
    detectMin: 15,
    mitigateMin: 30,
    resolveMin: 45,
    severity: "SEV2",
    serviceIds: [api.id],
    categoryIds: [dns.id, config.id],
    status: "CLOSED",
  });
  const d = await createCoe(db, o, {
    teamId: child.id,
    startedAt: daysAgo(NOW, 20),
    detectMin: 40,
    mitigateMin: 300,
    resolveMin: 600,
    severity: "SEV2",
    serviceIds: [api.id],
    categoryIds: [dns.id],
  });
  // Not counted: a draft and one in review inside the window, another tree's COE.
  await createCoe(db, o, { teamId: child.id, startedAt: daysAgo(NOW, 3), resolveMin: 1, status: "DRAFT" });
  await createCoe(db, o, { teamId: child.id, startedAt: daysAgo(NOW, 3), resolveMin: 2, status: "IN_REVIEW" });
  await createCoe(db, o, { teamId: other.id, startedAt: daysAgo(NOW, 3), resolveMin: 5 });
  // The previous 30-day window: child 240 and 360 minutes, one without a resolved time.
  const e = await createCoe(db, o, {
    teamId: child.id,
    startedAt: daysAgo(NOW, 40),
    detectMin: 30,
    resolveMin: 240,
    serviceIds: [api.id],
    categoryIds: [dns.id],
  });
  await createCoe(db, o, { teamId: child.id, startedAt: daysAgo(NOW, 50), detectMin: 20, resolveMin: 360 });
  await createCoe(db, o, { teamId: parent.id, startedAt: daysAgo(NOW, 55), detectMin: 20, resolveMin: null });
  // The year before: 1000 minutes, 200 days ago.
  await createCoe(db, o, { teamId: parent.id, startedAt: daysAgo(NOW, 200), detectMin: 60, resolveMin: 1000 });

  // Corrective actions: child has 3 in the window (1 done, 1 won't do, 1 open and overdue); parent one old open action not yet due.
  const action = (teamId: string, status: "OPEN" | "DONE" | "WONT_DO" | "VERIFIED", createdDaysAgo: number, dueInDays: number | null) =>
    db.correctiveAction.create({
      data: {
        organizationId: o,
        teamId,
        title: "act",
        type: "PREVENT",
        status,
        createdAt: daysAgo(NOW, createdDaysAgo),
        dueDate: dueInDays === null ? null : daysAgo(NOW, -dueInDays),
      },
    });
  await action(child.id, "DONE", 5, null);
  await action(child.id, "WONT_DO", 6, null);
  await action(child.id, "OPEN", 7, -2);
  await action(parent.id, "OPEN", 100, 10);
  await action(other.id, "OPEN", 1, -5);

  const scope = { organizationId: o, teamIds: [parent.id, child.id, quiet.id] };
  const teams = [parent, child, quiet, other].map((team) => ({ id: team.id, parentId: team.parentId }));
  return { org, parent, child, quiet, other, api, web, dns, config, scope, teams, coes: { a, b, c, d, e } };
}

beforeAll(async () => {
  world = await buildWorld();
});

const min = (minutes: number) => minutes * 60;
/** Figures from floating-point SQL: equal to the hand-computed ones to the microsecond. */
const about = (summary: { count: number; median: number; p90: number; mean: number }) => ({
  count: summary.count,
  median: expect.closeTo(summary.median, 6),
  p90: expect.closeTo(summary.p90, 6),
  mean: expect.closeTo(summary.mean, 6),
});

describe("MTTR headline", () => {
  it("equals the hand-computed figures for a parent team, including its sub-team", async () => {
    const { current, previous, yearBefore } = await headlineSummaries(world.scope, windowsEndingAt(NOW, 30), null);
    // TTR 30, 45, 120, 600 min: median (45+120)/2 = 82.5; p90 rank 2.7 → 120 + 0.7·480 = 456; mean 795/4 = 198.75.
    expect(current.incidents).toBe(4);
    expect(current.ttr).toEqual(about({ count: 4, median: min(82.5), p90: min(456), mean: min(198.75) }));
    // TTD 10, 4, 15, 40 → sorted 4, 10, 15, 40: median 12.5.
    expect(current.ttd.median).toBe(min(12.5));
    // Previous window: 240 and 360 (the one without a resolution counts as an incident, not in TTR).
    expect(previous.incidents).toBe(3);
    expect(previous.ttr).toEqual(about({ count: 2, median: min(300), p90: min(348), mean: min(300) }));
    // The year before the window: 240, 360, 1000.
    expect(yearBefore.ttr.median).toBe(min(360));
    expect(yearBefore.incidents).toBe(4);
  });

  it("agrees with the pure summary over the same durations", async () => {
    const { current } = await headlineSummaries(world.scope, windowsEndingAt(NOW, 30), null);
    const pure = summarize([30, 45, 120, 600].map(min));
    expect(current.ttr).toEqual(about({ count: pure.count, median: pure.median!, p90: pure.p90!, mean: pure.mean! }));
  });

  it("filters by severity and widens with the window", async () => {
    const sev1 = await headlineSummaries(world.scope, windowsEndingAt(NOW, 30), "SEV1");
    expect(sev1.current.ttr).toEqual({ count: 1, median: min(120), p90: min(120), mean: min(120) });
    const wide = await headlineSummaries(world.scope, windowsEndingAt(NOW, 90), null);
    // 30, 45, 120, 240, 360, 600: median (120+240)/2.
    expect(wide.current.ttr.median).toBe(min(180));
    expect(wide.current.incidents).toBe(7);
  });

  it("is empty, not an error, for a team without incidents", async () => {
    const { current } = await headlineSummaries({ organizationId: world.org.id, teamIds: [world.quiet.id] }, windowsEndingAt(NOW, 30), null);
    expect(current).toMatchObject({ incidents: 0, ttr: { count: 0, median: null, p90: null, mean: null } });
  });
});

describe("breakdowns", () => {
  it("by severity lists every severity, with figures where there are incidents", async () => {
    const rows = await bySeverity(world.scope, windowsEndingAt(NOW, 30));
    expect(rows.map((row) => [row.severity, row.incidents, row.ttr.median])).toEqual([
      ["SEV1", 1, min(120)],
      ["SEV2", 3, min(45)],
      ["SEV3", 0, null],
      ["SEV4", 0, null],
    ]);
  });

  it("by team rolls each team's subtree up", async () => {
    const rows = await byTeamRolledUp(world.scope, world.teams, [world.parent.id, world.child.id, world.quiet.id], windowsEndingAt(NOW, 30), null);
    const byId = new Map(rows.map((row) => [row.teamId, row]));
    expect(byId.get(world.parent.id)!.ttr.median).toBe(min(82.5));
    expect(byId.get(world.parent.id)!.incidents).toBe(4);
    // Child alone: 45 and 600.
    expect(byId.get(world.child.id)!.ttr).toEqual(about({ count: 2, median: min(322.5), p90: min(544.5), mean: min(322.5) }));
    expect(byId.get(world.quiet.id)).toMatchObject({ incidents: 0, ttr: { median: null } });
  });

  it("lists each incident with its own durations, longest to resolve first", async () => {
    const rows = await slowestIncidents(world.scope, windowsEndingAt(NOW, 30), null, 3);
    expect(rows.map((row) => [row.coeId, row.ttd, row.ttm, row.ttr])).toEqual([
      [world.coes.d.id, min(40), min(300), min(600)],
      [world.coes.b.id, min(4), min(60), min(120)],
      [world.coes.c.id, min(15), min(30), min(45)],
    ]);
  });

  it("buckets the distribution like the pure function", async () => {
    // 30 min → "30 min–1 h" (2), 45 → 2, 120 → "2–4 h" (4), 600 → "8–24 h" (6).
    expect(await ttrDistribution(world.scope, windowsEndingAt(NOW, 30), null)).toEqual([0, 0, 2, 0, 1, 0, 1, 0, 0]);
  });

  it("trends by week, with empty weeks present", async () => {
    const weeks = await weeklyTrend(world.scope, NOW, 12, null);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)!.weekStart).toBe("2026-06-15");
    // This week (from Monday 15th): a (2 days ago, Monday 15th). Last week: b (8th) and c (7th is Sunday → week of 1st).
    expect(weeks.at(-1)).toMatchObject({ incidents: 1, ttrMedian: min(30) });
    expect(weeks.at(-2)).toMatchObject({ weekStart: "2026-06-08", incidents: 1, ttrMedian: min(120) });
    expect(weeks.at(-3)).toMatchObject({ weekStart: "2026-06-01", incidents: 1, ttrMedian: min(45) });
    expect(weeks.reduce((sum, week) => sum + week.incidents, 0)).toBe(4 + 3);
  });

  it("counts incidents by category, once per COE", async () => {
    const rows = await byCategory(world.scope, windowsEndingAt(NOW, 30), null);
    expect(rows.map((row) => [row.name, row.incidents, row.ttrMedian])).toEqual([
      ["DNS", 3, min(120)],
      ["Configuration drift", 2, min(37.5)],
    ]);
  });

  it("finds recurrences: same service and category as a COE approved in the 180 days before", async () => {
    const rows = await recurrences(world.scope, windowsEndingAt(NOW, 30));
    // api + DNS, each approved a day after it started: c (10 d ago) recurs d (approved 19 d ago),
    // d (20 d ago) recurs e (approved 39 d ago); each paired with the latest approved one. web has
    // DNS once and config once: no recurrence.
    expect(rows.map((row) => [row.coeId, row.earlierCoeId, Math.round(row.daysApart)])).toEqual([
      [world.coes.c.id, world.coes.d.id, 9],
      [world.coes.d.id, world.coes.e.id, 19],
    ]);
    expect(rows[0]).toMatchObject({ serviceName: world.api.name, categoryName: "DNS" });
  });

  it("rolls corrective actions up the tree, with a close rate that leaves out won't-do", async () => {
    const figures = await actionFiguresByTeam(world.scope, world.teams, windowsEndingAt(NOW, 30));
    expect(figures.get(world.child.id)).toEqual({ created: 3, closed: 1, wontDo: 1, open: 1, overdue: 1 });
    expect(figures.get(world.parent.id)).toEqual({ created: 3, closed: 1, wontDo: 1, open: 2, overdue: 1 });
    expect(closeRate(figures.get(world.parent.id)!)).toBe(0.5);
    expect(closeRate({ created: 0, closed: 0, wontDo: 0, open: 0, overdue: 0 })).toBeNull();
  });
});

describe("the page's data and its CSV downloads", () => {
  it("computes every part in its one statement exactly as each part's own query does", async () => {
    const teams = [world.parent, world.child, world.quiet, world.other].map((team) => ({ id: team.id, name: team.name, parentId: team.parentId }));
    const scope = scopeFor(world.org.id, teams, world.parent.id);
    for (const severity of [null, "SEV2"] as const) {
      const dashboard = await loadIncidentDashboard(scope, { severity, windowDays: 30, weeks: 12 }, NOW);
      const windows = windowsEndingAt(NOW, 30);
      expect(dashboard.headline).toEqual(await headlineSummaries(world.scope, windows, severity));
      expect(dashboard.severities).toEqual(await bySeverity(world.scope, windows));
      expect(dashboard.distribution).toEqual(await ttrDistribution(world.scope, windows, severity));
      expect(dashboard.trend).toEqual(await weeklyTrend(world.scope, NOW, 12, severity));
      expect(dashboard.categories).toEqual(await byCategory(world.scope, windows, severity));
      expect(dashboard.recurrences).toEqual(await recurrences(world.scope, windows));
      expect(dashboard.slowest.map(({ teamName: _teamName, ...row }) => row)).toEqual(await slowestIncidents(world.scope, windows, severity));
      const rolledUp = await byTeamRolledUp(world.scope, world.teams, [world.parent.id, world.child.id, world.quiet.id], windows, severity);
      expect(dashboard.teams.map(({ teamId, incidents, ttr, ttd }) => ({ teamId, incidents, ttr, ttd }))).toEqual(rolledUp);
      const actions = await actionFiguresByTeam(world.scope, world.teams, windows);
      expect(dashboard.teams.map((team) => team.actions)).toEqual([world.parent.id, world.child.id, world.quiet.id].map((teamId) => actions.get(teamId)));
    }
  });

  it("draws the team and its direct sub-teams, or the whole subtree, and the newest recurrences", async () => {
    const grandchild = await db.team.create({ data: { organizationId: world.org.id, parentId: world.child.id, name: "Grandchild" } });
    const teams = [world.parent, world.child, world.quiet, world.other, grandchild].map((team) => ({ id: team.id, name: team.name, parentId: team.parentId }));
    const scope = scopeFor(world.org.id, teams, world.parent.id);
    const filter = { severity: null, windowDays: 30, weeks: 12 };
    const short = await loadIncidentDashboard(scope, filter, NOW, { teams: "children", recurrences: 1 });
    expect(short.teams.map((team) => team.name)).toEqual(["Parent", "Child", "Quiet"]);
    expect(short.teamCount).toBe(4);
    expect(short.recurrences.map((row) => row.coeId)).toEqual([world.coes.c.id]);
    const full = await loadIncidentDashboard(scope, filter, NOW);
    expect(full.teams.map((team) => team.name)).toEqual(["Parent", "Child", "Grandchild", "Quiet"]);
    await db.team.delete({ where: { id: grandchild.id } });
  });

  it("rolls the team table up the tree, in tree order, and downloads the same rows", async () => {
    const teams = [world.parent, world.child, world.quiet, world.other].map((team) => ({ id: team.id, name: team.name, parentId: team.parentId }));
    const dashboard = await loadIncidentDashboard(scopeFor(world.org.id, teams, world.parent.id), { severity: null, windowDays: 30, weeks: 12 }, NOW);
    const table = chartTable("teams", dashboard);
    expect(table.rows.map((row) => row.slice(0, 4))).toEqual([
      ["Parent", 4, 82.5, 456],
      ["Child", 2, 322.5, 544.5],
      ["Quiet", 0, null, null],
    ]);
    const csv = toCsv(table.columns, table.rows).split("\r\n");
    expect(csv[0]).toBe(
      "Team,Incidents,Median TTR (min),p90 TTR (min),Median TTD (min),Actions created,Actions done,Close rate (%),Open actions,Overdue actions",
    );
    expect(csv[1]).toBe("Parent,4,82.5,456,12.5,3,1,50,2,1");
    expect(csv[3]).toBe("Quiet,0,,,,0,0,,0,0");
  });
});
