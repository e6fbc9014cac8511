// The write path of key service metrics and pilots: permissions by the owning team, audit, and
// a pilot's baseline captured from the COEs when it starts.
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { loadCurrentUser } from "@/lib/auth/principal";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import {
  archiveMetric,
  createMetric,
  recordMetricValue,
  recordMetricValues,
  repairMetricSummaries,
  startPilot,
  stopPilot,
  updateMetric,
} from "@/lib/metrics/mutations";
import { dailySeries, flaggedMetrics, metricCards, metricOverviews } from "@/lib/metrics/service-queries";
import { createCoe, daysAgo } from "@/lib/metrics/test-data";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

async function world() {
  const org = await createOrganization(db);
  const parent = await createTeam(db, org.id, { name: "Retail" });
  const team = await createTeam(db, org.id, { name: "Checkout", parentId: parent.id });
  const service = await createService(db, org.id, team.id);
  const principal = async (role: "VIEWER" | "MEMBER" | "MANAGER", teamId = team.id) =>
    (await loadCurrentUser((await createUser(db, org.id, { memberships: [{ teamId, role }] })).id))!;
  return { org, parent, team, service, manager: await principal("MANAGER", parent.id), member: await principal("MEMBER"), viewer: await principal("VIEWER") };
}

const definition = (serviceId: string) => ({
  serviceId,
  name: "p99 latency",
  unit: "ms",
  description: "",
  direction: "DOWN" as const,
  target: 300,
  cadence: "DAILY" as const,
  anomalyThresholdPct: 20,
});

describe("metric definitions", () => {
  it("lets a manager of the team (here through the parent team) define a metric, and audits it", async () => {
    const w = await world();
    const metric = await createMetric(w.manager, definition(w.service.id));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: w.org.id, entityId: metric.id } });
    expect(audit).toMatchObject({ action: "metric.created", actorId: w.manager.userId });
    await expect(createMetric(w.manager, definition(w.service.id))).rejects.toThrow("already has a metric named “p99 latency”");
  });

  it("refuses members and viewers, and hides services of teams they cannot see", async () => {
    const w = await world();
    await expect(createMetric(w.member, definition(w.service.id))).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await createTeam(db, w.org.id, { name: "Elsewhere" });
    const stranger = (await loadCurrentUser((await createUser(db, w.org.id, { memberships: [{ teamId: outsider.id, role: "MANAGER" }] })).id))!;
    await expect(createMetric(stranger, definition(w.service.id))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("updates with a field-level audit, and archiving frees the name and stops values", async () => {
    const w = await world();
    const metric = await createMetric(w.manager, definition(w.service.id));
    await updateMetric(w.manager, { ...definition(w.service.id), metricId: metric.id, target: 250 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: metric.id, action: "metric.updated" } });
    expect(audit.changes).toEqual({ target: { from: 300, to: 250 } });
    await archiveMetric(w.manager, metric.id);
    await expect(recordMetricValue(w.member, { metricId: metric.id, timestamp: "2026-01-01", value: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createMetric(w.manager, definition(w.service.id))).resolves.toMatchObject({ name: "p99 latency" });
  });
});

describe("recording values and flags", () => {
  it("flags a value that breaches the target, and a week-over-week regression beyond the threshold", async () => {
    const w = await world();
    const metric = await createMetric(w.manager, definition(w.service.id));
    // Last week around 200 ms, this week 260 (+30%, beyond 20%) and the latest 320 (over 300).
    for (const [day, value] of [
      [13, 200],
      [10, 200],
      [6, 240],
      [3, 260],
      [0, 320],
    ] as const) {
      await recordMetricValue(w.member, { metricId: metric.id, timestamp: daysAgo(new Date("2026-05-20T00:00:00Z"), day).toISOString(), value });
    }
    const [overview] = await metricOverviews(w.member, [w.team.id]);
    expect(overview).toMatchObject({ latestValue: 320, thisWeek: (240 + 260 + 320) / 3, lastWeek: 200 });
    expect(overview!.flags).toEqual([
      { kind: "breach", value: 320, target: 300 },
      { kind: "anomaly", changePct: expect.closeTo(36.67, 2), thresholdPct: 20, worse: true },
    ]);
    expect((await flaggedMetrics(w.manager, [w.parent.id, w.team.id])).map((flagged) => flagged.id)).toEqual([metric.id]);
    await expect(recordMetricValue(w.viewer, { metricId: metric.id, timestamp: "2026-05-21", value: 1 })).rejects.toBeInstanceOf(UserError);
  });
});

describe("the overview figures kept on the metric", () => {
  const kept = (metricId: string) =>
    db.serviceMetric.findUniqueOrThrow({ where: { id: metricId }, select: { latestAt: true, latestValue: true, thisWeekMean: true, lastWeekMean: true } });
  const at = (day: number) => daysAgo(new Date("2026-05-20T00:00:00Z"), day);

  it("follow every write: a new latest value, a replaced one, an earlier one", async () => {
    const w = await world();
    const metric = await createMetric(w.manager, definition(w.service.id));
    expect(await kept(metric.id)).toEqual({ latestAt: null, latestValue: null, thisWeekMean: null, lastWeekMean: null });
    await recordMetricValues(w.member, [
      { service: w.service.id, metric: metric.id, timestamp: at(10).toISOString(), value: 100 },
      { service: w.service.id, metric: metric.id, timestamp: at(2).toISOString(), value: 200 },
    ]);
    expect(await kept(metric.id)).toEqual({ latestAt: at(2), latestValue: 200, thisWeekMean: 200, lastWeekMean: 100 });
    // The same instant again replaces the value; an earlier value moves only the means.
    await recordMetricValue(w.member, { metricId: metric.id, timestamp: at(2).toISOString(), value: 260 });
    await recordMetricValue(w.member, { metricId: metric.id, timestamp: at(5).toISOString(), value: 240 });
    expect(await kept(metric.id)).toEqual({ latestAt: at(2), latestValue: 260, thisWeekMean: 250, lastWeekMean: 100 });
    // A later value starts a new window: the 10-day-old value falls out of the fourteen days.
    await recordMetricValue(w.member, { metricId: metric.id, timestamp: at(-5).toISOString(), value: 300 });
    expect(await kept(metric.id)).toEqual({ latestAt: at(-5), latestValue: 300, thisWeekMean: 300, lastWeekMean: 250 });
  });

  it("stay computable for extreme values: no overflow stops a write or a page", async () => {
    const w = await world();
    const metric = await createMetric(w.manager, { ...definition(w.service.id), target: null });
    await recordMetricValues(
      w.member,
      [
        [10, 1e-300],
        [2, 1.7e308],
        [1, 1.7e308],
      ].map(([day, value]) => ({ service: w.service.id, metric: metric.id, timestamp: at(day!).toISOString(), value: value! })),
    );
    expect(await kept(metric.id)).toMatchObject({ thisWeekMean: 1.7e308, lastWeekMean: 1e-300 });
    // A move of ~1e610 % against the 20 % threshold: flagged, in SQL as in the flags.
    const { cards, flagged } = await metricCards(w.member, [w.team.id], 12);
    expect(flagged).toBe(1);
    expect(cards[0]!.flags).toEqual([{ kind: "anomaly", changePct: Infinity, thresholdPct: 20, worse: true }]);
    expect((await flaggedMetrics(w.manager, [w.parent.id, w.team.id])).map((overview) => overview.id)).toEqual([metric.id]);
    expect((await metricOverviews(w.member, [w.team.id], { needsAttentionOnly: true })).map((overview) => overview.id)).toEqual([metric.id]);
    // Two values of one day: the small chart's daily mean.
    await recordMetricValue(w.member, { metricId: metric.id, timestamp: new Date(at(1).getTime() + 3_600_000).toISOString(), value: 1.7e308 });
    const series = await dailySeries(w.member, [metric.id], at(-1));
    expect(series.get(metric.id)!.at(-1)!.value).toBe(1.7e308);
  });

  it("count both of two batches written at the same time", async () => {
    const w = await world();
    const metric = await createMetric(w.manager, definition(w.service.id));
    const batch = (days: number[], value: number) =>
      recordMetricValues(
        w.member,
        days.map((day) => ({ service: w.service.id, metric: metric.id, timestamp: at(day).toISOString(), value })),
      );
    await Promise.all([batch([6, 4, 2], 100), batch([5, 3, 1], 200)]);
    expect(await kept(metric.id)).toEqual({ latestAt: at(1), latestValue: 200, thisWeekMean: 150, lastWeekMean: null });
  });

  it("are repaired after values written without them (an earlier version during a rolling upgrade)", async () => {
    const w = await world();
    const metric = await createMetric(w.manager, definition(w.service.id));
    await recordMetricValue(w.member, { metricId: metric.id, timestamp: at(9).toISOString(), value: 100 });
    await db.metricValue.createMany({
      data: [
        { organizationId: w.org.id, serviceId: w.service.id, metricId: metric.id, recordedAt: at(3), value: 300 },
        { organizationId: w.org.id, serviceId: w.service.id, metricId: metric.id, recordedAt: at(1), value: 500 },
      ],
    });
    expect(await kept(metric.id)).toMatchObject({ latestAt: at(9), latestValue: 100 });
    const first = await repairMetricSummaries();
    expect(first.repaired).toBeGreaterThanOrEqual(1);
    expect(await kept(metric.id)).toEqual({ latestAt: at(1), latestValue: 500, thisWeekMean: 400, lastWeekMean: 100 });
    // Nothing left to repair for this metric: a second pass writes no row of it.
    const before = await db.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM service_metrics WHERE id = ${metric.id}`;
    await repairMetricSummaries();
    expect(await db.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM service_metrics WHERE id = ${metric.id}`).toEqual(before);
  });

  it("are never left behind by a repair running while values are recorded", async () => {
    const w = await world();
    const metric = await createMetric(w.manager, definition(w.service.id));
    const batch = (day: number, value: number) =>
      recordMetricValues(w.member, [{ service: w.service.id, metric: metric.id, timestamp: at(day).toISOString(), value }]);
    await Promise.all([batch(6, 100), repairMetricSummaries(), batch(4, 200), repairMetricSummaries(), batch(2, 300), repairMetricSummaries()]);
    expect(await kept(metric.id)).toEqual({ latestAt: at(2), latestValue: 300, thisWeekMean: 200, lastWeekMean: null });
  });
});

describe("pilots", () => {
  it("captures the MTTR baseline from the subtree's counted COEs of the year before", async () => {
    const w = await world();
    const now = new Date("2026-09-01T00:00:00Z");
    for (const minutes of [30, 90, 600]) await createCoe(db, w.org.id, { teamId: w.team.id, startedAt: daysAgo(now, 100), resolveMin: minutes });
    await createCoe(db, w.org.id, { teamId: w.team.id, startedAt: daysAgo(now, 400), resolveMin: 5 }); // older than a year
    await createCoe(db, w.org.id, { teamId: w.team.id, startedAt: daysAgo(now, 10), resolveMin: 5, status: "DRAFT" });
    const pilot = await startPilot(w.manager, { teamId: w.parent.id, metric: "MTTR" }, now);
    expect(pilot).toMatchObject({ metric: "MTTR", baselineMedianSec: 90 * 60, baselineCount: 3 });
    await expect(startPilot(w.member, { teamId: w.team.id, metric: "MTTR" })).rejects.toBeInstanceOf(ForbiddenError);

    await stopPilot(w.manager, w.parent.id);
    expect(await db.improvementPilot.count({ where: { teamId: w.parent.id } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { organizationId: w.org.id, entityId: w.parent.id }, orderBy: { id: "asc" } })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(["pilot.started", "pilot.ended"]);
  });
});
