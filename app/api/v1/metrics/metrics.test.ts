// /api/v1/metrics against the test database: bulk ingest, idempotency, all-or-nothing batches,
// permissions and scoping.
import { afterAll, describe, expect, it } from "vitest";
import { GET as listMetrics, POST as postMetrics } from "@/app/api/v1/metrics/route";
import { GET as getIncidents } from "@/app/api/v1/metrics/incidents/route";
import { GET as listValues } from "@/app/api/v1/metrics/values/route";
import { env } from "@/lib/env";
import { createCoe, daysAgo } from "@/lib/metrics/test-data";
import { createScriptClient } from "@/prisma/seed/client";
import { createApiToken, createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

async function world() {
  const org = await createOrganization(db);
  const team = await createTeam(db, org.id, { name: "Checkout" });
  const otherTeam = await createTeam(db, org.id, { name: "Platform" });
  const service = await createService(db, org.id, team.id, { name: `checkout-api-${org.id}` });
  const foreignService = await createService(db, org.id, otherTeam.id, { name: `edge-dns-${org.id}` });
  const latency = await db.serviceMetric.create({
    data: { organizationId: org.id, serviceId: service.id, name: "p99 latency", unit: "ms", direction: "DOWN", target: 300 },
  });
  const availability = await db.serviceMetric.create({
    data: { organizationId: org.id, serviceId: service.id, name: "Availability", unit: "%", direction: "UP", target: 99.9 },
  });
  const foreignMetric = await db.serviceMetric.create({
    data: { organizationId: org.id, serviceId: foreignService.id, name: "Availability", direction: "UP" },
  });
  const member = await createUser(db, org.id, { memberships: [{ teamId: team.id, role: "MEMBER" }] });
  const viewer = await createUser(db, org.id, { memberships: [{ teamId: team.id, role: "VIEWER" }] });
  return {
    org,
    team,
    service,
    foreignService,
    latency,
    availability,
    foreignMetric,
    memberToken: (await createApiToken(db, member.id)).secret,
    viewerToken: (await createApiToken(db, viewer.id)).secret,
  };
}

function post(token: string, body: unknown) {
  return postMetrics(
    new Request("http://andon.test/api/v1/metrics", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

function get(handler: (request: Request) => Promise<Response>, path: string, token: string) {
  return handler(new Request(`http://andon.test${path}`, { headers: { authorization: `Bearer ${token}` } }));
}

describe("POST /api/v1/metrics", () => {
  it("ingests 10,000 points in one request, and a retry changes nothing", async () => {
    const w = await world();
    const start = Date.UTC(2026, 0, 1);
    const points = Array.from({ length: 10_000 }, (_, index) => ({
      service: w.service.name,
      metric: index % 2 === 0 ? "p99 latency" : w.availability.id,
      timestamp: new Date(start + Math.floor(index / 2) * 60_000).toISOString(),
      value: index % 2 === 0 ? 200 + (index % 97) : 99.9 + (index % 7) / 100,
    }));

    const began = performance.now();
    const response = await post(w.memberToken, { points });
    const elapsed = performance.now() - began;
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ received: 10_000, inserted: 10_000, updated: 0, unchanged: 0 });
    expect(await db.metricValue.count({ where: { serviceId: w.service.id } })).toBe(10_000);
    expect(await db.metricValue.count({ where: { metricId: w.latency.id } })).toBe(5_000);
    // A handful of multi-row statements, not 10,000 round trips: far under a second here.
    expect(elapsed).toBeLessThan(10_000);

    const retry = await post(w.memberToken, { points });
    expect(await retry.json()).toEqual({ received: 10_000, inserted: 0, updated: 0, unchanged: 10_000 });
    expect(await db.metricValue.count({ where: { serviceId: w.service.id } })).toBe(10_000);
  });

  it("replaces a value at the same timestamp, and keeps the last of duplicates within a batch", async () => {
    const w = await world();
    const at = "2026-02-01T00:00:00Z";
    await post(w.memberToken, { points: [{ service: w.service.id, metric: "p99 latency", timestamp: at, value: 250 }] });
    const response = await post(w.memberToken, {
      points: [
        { service: w.service.id, metric: "p99 latency", timestamp: at, value: 310 },
        { service: w.service.id, metric: "P99 Latency", timestamp: "2026-02-01T01:00:00+01:00", value: 320 },
      ],
    });
    expect(await response.json()).toEqual({ received: 2, inserted: 0, updated: 1, unchanged: 1 });
    const values = await db.metricValue.findMany({ where: { metricId: w.latency.id } });
    expect(values.map((value) => [value.recordedAt.toISOString(), value.value])).toEqual([["2026-02-01T00:00:00.000Z", 320]]);
  });

  it("rejects the whole batch when any point is wrong, naming each one, and records nothing", async () => {
    const w = await world();
    const response = await post(w.memberToken, {
      points: [
        { service: w.service.name, metric: "p99 latency", timestamp: "2026-03-01", value: 280 },
        { service: w.service.name, metric: "Throughput", timestamp: "2026-03-01", value: 5 },
        { service: "no-such-service", metric: "p99 latency", timestamp: "2026-03-01", value: 5 },
        { service: w.foreignService.name, metric: "Availability", timestamp: "2026-03-01", value: 99 },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as { detail: string; errors: { pointer: string; detail: string }[] };
    expect(problem.detail).toBe("3 points have problems; nothing was recorded.");
    expect(problem.errors.map((error) => error.pointer)).toEqual(["#/points/1/metric", "#/points/2/service", "#/points/3/service"]);
    expect(problem.errors[0]!.detail).toContain("has no metric “Throughput”");
    expect(problem.errors[2]!.detail).toContain("needs the member role");
    expect(await db.metricValue.count({ where: { organizationId: w.org.id } })).toBe(0);
  });

  it("validates the shape: timestamps, numbers, and the 10,000-point limit", async () => {
    const w = await world();
    const bad = await post(w.memberToken, { points: [{ service: w.service.name, metric: "p99 latency", timestamp: "yesterday", value: "fast" }] });
    expect(bad.status).toBe(400);
    const pointers = ((await bad.json()) as { errors: { pointer: string }[] }).errors.map((error) => error.pointer);
    expect(pointers).toEqual(["#/points/0/timestamp", "#/points/0/value"]);
    const tooMany = await post(w.memberToken, {
      points: Array.from({ length: 10_001 }, () => ({ service: "x", metric: "y", timestamp: "2026-01-01", value: 1 })),
    });
    expect(tooMany.status).toBe(400);
  });

  it("refuses a viewer before reading the body", async () => {
    const w = await world();
    const response = await post(w.viewerToken, { points: [{ service: w.service.name, metric: "p99 latency", timestamp: "2026-03-01", value: 1 }] });
    expect(response.status).toBe(403);
    expect(await db.metricValue.count({ where: { organizationId: w.org.id } })).toBe(0);
  });
});

describe("GET /api/v1/metrics", () => {
  it("lists the metrics of visible services with the latest value and flags", async () => {
    const w = await world();
    await post(w.memberToken, { points: [{ service: w.service.name, metric: "p99 latency", timestamp: "2026-03-01T00:00:00Z", value: 450 }] });
    const response = await get(listMetrics, "/api/v1/metrics", w.viewerToken);
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      data: { id: string; name: string; latestValue: number | null; flags: { kind: string }[] }[];
      nextCursor: string | null;
    };
    expect(page.data.map((metric) => metric.id).toSorted()).toEqual([w.latency.id, w.availability.id].toSorted());
    expect(page.data.find((metric) => metric.id === w.latency.id)).toMatchObject({ latestValue: 450, flags: [{ kind: "breach", value: 450, target: 300 }] });
    expect(page.nextCursor).toBeNull();
  });

  it("pages by id with a cursor, each page with its figures", async () => {
    const w = await world();
    await post(w.memberToken, { points: [{ service: w.service.name, metric: "p99 latency", timestamp: "2026-03-01T00:00:00Z", value: 450 }] });
    type Page = { data: { id: string; latestValue: number | null }[]; nextCursor: string | null };
    const first = (await (await get(listMetrics, "/api/v1/metrics?limit=1", w.viewerToken)).json()) as Page;
    expect(first.data).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = (await (await get(listMetrics, `/api/v1/metrics?limit=1&cursor=${first.nextCursor}`, w.viewerToken)).json()) as Page;
    expect(second.nextCursor).toBeNull();
    const ids = [...first.data, ...second.data].map((metric) => metric.id);
    expect(ids).toEqual([w.latency.id, w.availability.id].toSorted());
    expect([...first.data, ...second.data].find((metric) => metric.id === w.latency.id)?.latestValue).toBe(450);
  });
});

describe("GET /api/v1/metrics/incidents", () => {
  it("answers the team's MTTR from its approved COEs, and 404 for a team the caller cannot see", async () => {
    const w = await world();
    const now = new Date();
    for (const minutes of [20, 50, 140]) await createCoe(db, w.org.id, { teamId: w.team.id, startedAt: daysAgo(now, 3), resolveMin: minutes });
    await createCoe(db, w.org.id, { teamId: w.team.id, startedAt: daysAgo(now, 3), resolveMin: 1, status: "DRAFT" });
    const response = await get(getIncidents, `/api/v1/metrics/incidents?teamId=${w.team.id}&window=30`, w.viewerToken);
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as { current: { incidents: number; timeToResolve: { median: number; mean: number } } };
    expect(body.current.incidents).toBe(3);
    expect(body.current.timeToResolve.median).toBeCloseTo(50 * 60, 6);
    expect(body.current.timeToResolve.mean).toBeCloseTo(((20 + 50 + 140) / 3) * 60, 6);

    const otherTeam = await db.team.findFirstOrThrow({ where: { organizationId: w.org.id, name: "Platform" } });
    const hidden = await get(getIncidents, `/api/v1/metrics/incidents?teamId=${otherTeam.id}`, w.viewerToken);
    expect(hidden.status).toBe(404);
  });
});

describe("GET /api/v1/metrics/values", () => {
  it("pages through one metric's values in time order, within from/to", async () => {
    const w = await world();
    const points = Array.from({ length: 5 }, (_, day) => ({
      service: w.service.id,
      metric: w.latency.id,
      timestamp: `2026-04-0${day + 1}T00:00:00Z`,
      value: 100 + day,
    }));
    await post(w.memberToken, { points });
    const first = (await (
      await get(listValues, `/api/v1/metrics/values?metricId=${w.latency.id}&limit=2&from=2026-04-02T00:00:00Z`, w.viewerToken)
    ).json()) as { data: { timestamp: string; value: number }[]; nextCursor: string };
    expect(first.data).toEqual([
      { timestamp: "2026-04-02T00:00:00.000Z", value: 101 },
      { timestamp: "2026-04-03T00:00:00.000Z", value: 102 },
    ]);
    const second = (await (
      await get(listValues, `/api/v1/metrics/values?metricId=${w.latency.id}&limit=2&from=2026-04-02T00:00:00Z&cursor=${first.nextCursor}`, w.viewerToken)
    ).json()) as { data: { value: number }[]; nextCursor: string | null };
    expect(second.data.map((row) => row.value)).toEqual([103, 104]);
    expect(second.nextCursor).toBeNull();
    const foreign = await get(listValues, `/api/v1/metrics/values?metricId=${w.foreignMetric.id}`, w.viewerToken);
    expect(foreign.status).toBe(404);
  });
});
