// The home page asks PostgreSQL for only the metrics that need attention; the metrics page computes
// the same flags in TypeScript. Both must pick the same metrics, edge cases included.
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { loadCurrentUser } from "@/lib/auth/principal";
import { refreshMetricSummaries } from "@/lib/metrics/mutations";
import { metricCards, metricOverviews } from "@/lib/metrics/service-queries";
import { flagWeight, needsAttention } from "@/lib/metrics/stats";
import { daysAgo } from "@/lib/metrics/test-data";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

const NOW = new Date("2026-06-17T12:00:00Z");

type Case = {
  name: string;
  direction: "UP" | "DOWN";
  target: number | null;
  threshold: number | null;
  /** Values last week (8–13 days before the latest) and this week (0–6 days), the last of which is the latest. */
  lastWeek: number[];
  thisWeek: number[];
  attention: boolean;
};

const CASES: Case[] = [
  { name: "down breached", direction: "DOWN", target: 300, threshold: null, lastWeek: [], thisWeek: [320], attention: true },
  { name: "down at target", direction: "DOWN", target: 300, threshold: null, lastWeek: [], thisWeek: [300], attention: false },
  { name: "up breached", direction: "UP", target: 99.9, threshold: null, lastWeek: [], thisWeek: [99.5], attention: true },
  { name: "up met", direction: "UP", target: 99.9, threshold: null, lastWeek: [], thisWeek: [99.95], attention: false },
  { name: "no target", direction: "DOWN", target: null, threshold: null, lastWeek: [], thisWeek: [1e9], attention: false },
  { name: "down worsening", direction: "DOWN", target: null, threshold: 20, lastWeek: [200, 200], thisWeek: [250, 270], attention: true },
  { name: "down improving", direction: "DOWN", target: null, threshold: 20, lastWeek: [200, 200], thisWeek: [100, 120], attention: false },
  { name: "up worsening", direction: "UP", target: null, threshold: 10, lastWeek: [100], thisWeek: [80], attention: true },
  { name: "up improving", direction: "UP", target: null, threshold: 10, lastWeek: [100], thisWeek: [150], attention: false },
  { name: "exactly at threshold", direction: "DOWN", target: null, threshold: 10, lastWeek: [100], thisWeek: [110], attention: false },
  { name: "worse within threshold", direction: "DOWN", target: null, threshold: 50, lastWeek: [100], thisWeek: [140], attention: false },
  { name: "zero last week", direction: "DOWN", target: null, threshold: 10, lastWeek: [0], thisWeek: [50], attention: false },
  { name: "negative last week", direction: "UP", target: null, threshold: 10, lastWeek: [-10], thisWeek: [-20], attention: true },
  { name: "no last week", direction: "DOWN", target: null, threshold: 10, lastWeek: [], thisWeek: [500], attention: false },
  { name: "no threshold", direction: "DOWN", target: null, threshold: null, lastWeek: [1], thisWeek: [500], attention: false },
  { name: "no values", direction: "DOWN", target: 1, threshold: 10, lastWeek: [], thisWeek: [], attention: false },
  // Figures where float8 arithmetic would overflow or underflow (PostgreSQL computes these in numeric).
  { name: "tiny last week", direction: "DOWN", target: null, threshold: 10, lastWeek: [1e-12], thisWeek: [1e-9], attention: true },
  { name: "move past the largest double", direction: "UP", target: null, threshold: 10, lastWeek: [-1.7e308], thisWeek: [1.7e308], attention: false },
  { name: "huge and falling", direction: "UP", target: null, threshold: 10, lastWeek: [1.7e308], thisWeek: [1e300], attention: true },
  { name: "just inside the float8 bounds", direction: "DOWN", target: null, threshold: 10, lastWeek: [1e-8], thisWeek: [2e-8], attention: true },
];

async function world() {
  const org = await createOrganization(db);
  const team = await createTeam(db, org.id, { name: "Checkout" });
  const service = await createService(db, org.id, team.id);
  const user = (await loadCurrentUser((await createUser(db, org.id, { memberships: [{ teamId: team.id, role: "MEMBER" }] })).id))!;
  const names = new Map<string, string>();
  for (const spec of CASES) {
    const metric = await db.serviceMetric.create({
      data: {
        organizationId: org.id,
        serviceId: service.id,
        name: spec.name,
        direction: spec.direction,
        target: spec.target,
        anomalyThresholdPct: spec.threshold,
      },
    });
    names.set(metric.id, spec.name);
    const values = [
      ...spec.lastWeek.map((value, index) => ({ value, recordedAt: daysAgo(NOW, 13 - index) })),
      ...spec.thisWeek.map((value, index) => ({ value, recordedAt: daysAgo(NOW, spec.thisWeek.length - 1 - index) })),
    ];
    await db.metricValue.createMany({
      data: values.map((value) => ({ organizationId: org.id, serviceId: service.id, metricId: metric.id, ...value })),
    });
    await refreshMetricSummaries(db, [metric.id]);
  }
  return { org, team, user, names };
}

describe("metrics that need attention", () => {
  it("are the same whether PostgreSQL or the flags pick them", async () => {
    const w = await world();
    const all = await metricOverviews(w.user, [w.team.id]);
    const bySql = await metricOverviews(w.user, [w.team.id], { needsAttentionOnly: true });
    const byFlags = all.filter((metric) => needsAttention(metric.flags));
    const named = (metrics: { id: string }[]) => metrics.map((metric) => w.names.get(metric.id)).sort();
    expect(all).toHaveLength(CASES.length);
    expect(named(byFlags)).toEqual(
      CASES.filter((spec) => spec.attention)
        .map((spec) => spec.name)
        .sort(),
    );
    expect(named(bySql)).toEqual(named(byFlags));
  });
});

describe("the metrics page's one read", () => {
  it("draws the same first cards, in the same order, as the flags rank the overviews", async () => {
    const w = await world();
    const emptyService = await createService(db, w.org.id, w.team.id, { name: "zz-no-metrics" });
    const all = await metricOverviews(w.user, [w.team.id]);
    const ranked = all.toSorted((a, b) => flagWeight(b.flags) - flagWeight(a.flags));
    for (const cards of [3, 100]) {
      const read = await metricCards(w.user, [w.team.id], cards);
      expect(read.cards).toEqual(ranked.slice(0, cards));
      expect(read.total).toBe(CASES.length);
      expect(read.flagged).toBe(all.filter((metric) => metric.flags.length > 0).length);
    }
    const { services } = await metricCards(w.user, [w.team.id], 3);
    expect(services.map((service) => service.name)).toEqual([...services.map((service) => service.name)].sort());
    expect(services.find((service) => service.id === emptyService.id)).toMatchObject({ hasMetrics: false });
    expect(services.filter((service) => service.hasMetrics)).toHaveLength(1);
    expect(await metricCards(w.user, [], 3)).toEqual({ cards: [], total: 0, flagged: 0, services: [] });
  });
});
