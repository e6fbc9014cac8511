import type { PrismaClient } from "../../lib/generated/prisma/client";
import { subtreeIds } from "../../lib/org/tree";
import { summarize } from "../../lib/metrics/stats";
import { REFRESH_METRIC_SUMMARIES_SQL } from "../../lib/metrics/summary-mutations";
import { DEMO_ORG_ID, DEMO_TEAMS } from "./constants";

/**
 * Key service metrics for the demo services: ninety days of daily values ending today, so the
 * charts always look current, drawn from a fixed pseudo-random sequence (the same every run).
 * Two metrics breach their targets in the last days: checkout-api's p99 latency climbs past
 * 300 ms (also a week-over-week anomaly) and payment-gateway's availability dipped below 99.95% today.
 * Checkout is a pilot for MTTR, its baseline computed from the seeded COEs as of the pilot's start.
 */
type DemoMetric = {
  id: string;
  serviceId: string;
  name: string;
  unit: string;
  direction: "UP" | "DOWN";
  target: number | null;
  thresholdPct: number | null;
  description: string;
  /** The value on day `daysAgo` (0 = today), from a uniform random number in [0, 1). */
  value: (daysAgo: number, random: number) => number;
};

const round = (value: number, digits: number) => Number(value.toFixed(digits));

const DEMO_METRICS: DemoMetric[] = [
  metric(
    "met_storefront_availability",
    "svc_storefront",
    "Availability",
    "%",
    "UP",
    99.9,
    0.5,
    "Successful page loads ÷ all page loads, from synthetic probes.",
    (_, r) => round(99.93 + r * 0.06, 3),
  ),
  metric("met_storefront_p99", "svc_storefront", "p99 latency", "ms", "DOWN", 800, 25, "Server-side render time, 99th percentile.", (_, r) =>
    Math.round(520 + r * 140),
  ),
  metric("met_checkout_availability", "svc_checkout", "Availability", "%", "UP", 99.95, 0.5, "Non-5xx responses ÷ all responses.", (_, r) =>
    round(99.96 + r * 0.035, 3),
  ),
  metric("met_checkout_p99", "svc_checkout", "p99 latency", "ms", "DOWN", 300, 20, "Order placement latency, 99th percentile.", (daysAgo, r) =>
    // A regression shipped four days ago: the latest values breach the 300 ms target.
    daysAgo <= 3 ? Math.round(330 + (3 - daysAgo) * 25 + r * 15) : Math.round(232 + r * 40),
  ),
  metric("met_checkout_errors", "svc_checkout", "Error rate", "%", "DOWN", 0.5, 50, "5xx responses ÷ all responses.", (_, r) => round(0.12 + r * 0.15, 3)),
  metric("met_payments_availability", "svc_payments", "Availability", "%", "UP", 99.95, 0.5, "Authorisations answered ÷ attempted.", (daysAgo, r) =>
    daysAgo === 0 ? 99.41 : round(99.955 + r * 0.04, 3),
  ),
  metric("met_payments_p99", "svc_payments", "p99 latency", "ms", "DOWN", 450, 25, "Processor round trip, 99th percentile.", (_, r) =>
    Math.round(310 + r * 70),
  ),
  metric("met_cart_p99", "svc_cart", "p99 latency", "ms", "DOWN", 200, 25, "Add-to-cart latency, 99th percentile.", (_, r) => Math.round(120 + r * 35)),
  metric("met_search_p99", "svc_search", "p99 latency", "ms", "DOWN", 250, 25, "Search query latency, 99th percentile.", (_, r) => Math.round(150 + r * 50)),
  metric("met_search_zero", "svc_search", "Zero-result rate", "%", "DOWN", 8, 30, "Searches that return nothing.", (_, r) => round(4.2 + r * 1.6, 2)),
  metric("met_postgres_lag", "svc_postgres", "Replication lag p99", "s", "DOWN", 5, 50, "Replica lag behind the primary, 99th percentile.", (_, r) =>
    round(0.4 + r * 0.9, 2),
  ),
  metric("met_dns_availability", "svc_dns", "Availability", "%", "UP", 99.99, 0.2, "Answered queries ÷ all queries.", (_, r) => round(99.992 + r * 0.008, 4)),
];

function metric(
  id: string,
  serviceId: string,
  name: string,
  unit: string,
  direction: "UP" | "DOWN",
  target: number | null,
  thresholdPct: number | null,
  description: string,
  value: DemoMetric["value"],
): DemoMetric {
  return { id, serviceId, name, unit, direction, target, thresholdPct, description, value };
}

const DAYS = 90;
const DAY_MS = 86_400_000;

/** mulberry32: a tiny deterministic generator, so every seed draws the same charts. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemoMetrics(db: PrismaClient, now = new Date()): Promise<void> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const random = generator(20261126);
  for (const demo of DEMO_METRICS) {
    await db.serviceMetric.create({
      data: {
        id: demo.id,
        organizationId: DEMO_ORG_ID,
        serviceId: demo.serviceId,
        name: demo.name,
        unit: demo.unit,
        description: demo.description,
        direction: demo.direction,
        target: demo.target,
        cadence: "DAILY",
        anomalyThresholdPct: demo.thresholdPct,
      },
    });
    await db.metricValue.createMany({
      data: Array.from({ length: DAYS }, (_, index) => {
        const daysAgo = DAYS - 1 - index;
        return {
          organizationId: DEMO_ORG_ID,
          serviceId: demo.serviceId,
          metricId: demo.id,
          recordedAt: new Date(today - daysAgo * DAY_MS),
          value: demo.value(daysAgo, random()),
        };
      }),
    });
  }
  await db.$executeRawUnsafe(
    REFRESH_METRIC_SUMMARIES_SQL,
    DEMO_METRICS.map((demo) => demo.id),
  );
  await seedCheckoutPilot(db, now);
}

/** Checkout became an MTTR pilot 45 days ago; its baseline is the year of counted COEs before that. */
async function seedCheckoutPilot(db: PrismaClient, now: Date): Promise<void> {
  const startedAt = new Date(now.getTime() - 45 * DAY_MS);
  const baselineFrom = new Date(startedAt.getTime() - 365 * DAY_MS);
  const teams = await db.team.findMany({ where: { organizationId: DEMO_ORG_ID }, select: { id: true, parentId: true } });
  const coes = await db.coe.findMany({
    where: {
      organizationId: DEMO_ORG_ID,
      teamId: { in: subtreeIds(teams, DEMO_TEAMS.checkout.id) },
      status: { in: ["APPROVED", "CLOSED"] },
      startedAt: { gte: baselineFrom, lt: startedAt },
      resolvedAt: { not: null },
    },
    select: { startedAt: true, resolvedAt: true },
  });
  const baseline = summarize(coes.map((coe) => (coe.resolvedAt!.getTime() - coe.startedAt!.getTime()) / 1000).filter((seconds) => seconds >= 0));
  await db.improvementPilot.create({
    data: {
      id: "pilot_checkout",
      organizationId: DEMO_ORG_ID,
      teamId: DEMO_TEAMS.checkout.id,
      metric: "MTTR",
      baselineMedianSec: baseline.median,
      baselineP90Sec: baseline.p90,
      baselineMeanSec: baseline.mean,
      baselineCount: baseline.count,
      baselineFrom,
      startedAt,
      startedById: "user_manager",
    },
  });
}
