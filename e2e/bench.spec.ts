import { test, expect } from "@playwright/test";
import { measureLoad } from "../scripts/bench/load";
import { resultTable, webhookTable } from "../scripts/bench/report";
import { benchRoutes } from "../scripts/bench/routes";
import { TINY_SCALE } from "../scripts/bench/scale";
import { seedLarge, type BenchFixtures } from "../scripts/bench/seed-large";
import { signIn } from "../scripts/bench/session";
import { measureWebhooks } from "../scripts/bench/webhooks";

// The benchmark at toy size, so `npm run bench` cannot rot: its seed must match the schema, every
// route it loads must answer 200 for its user, and the load and report code must run.
test.describe.configure({ retries: 0 });

let fixtures: BenchFixtures;

test.beforeAll(async () => {
  fixtures = await seedLarge(process.env.DATABASE_URL!, TINY_SCALE);
});

test("every benchmark route answers 200 and the load run reports", async ({ baseURL }) => {
  const cookie = await signIn(baseURL!, fixtures.managerEmail, fixtures.password);
  const routes = benchRoutes(fixtures);
  for (const route of routes) {
    const headers: Record<string, string> =
      route.auth === "session" ? { cookie } : route.auth === "token" ? { authorization: `Bearer ${fixtures.managerToken}` } : {};
    const response = await fetch(`${baseURL}${route.path}`, { headers, redirect: "manual" });
    expect(response.status, `${route.name} (${route.path})`).toBe(200);
  }
  const load = await measureLoad({ url: `${baseURL}/api/bench-floor`, headers: {}, durationSeconds: 1, connections: 2 });
  expect(load.requests).toBeGreaterThan(0);
  expect(load.errors + load.non2xx).toBe(0);
  const cpu = { nodeMs: 2, postgresMs: 1, p50: 3 };
  const table = resultTable([
    { route: routes[0]!, load, queriesPerRequest: 0, cpu, navigation: null, loadAverage: { before: 0.5, after: 2 } },
    { route: routes[1]!, load, queriesPerRequest: 1, cpu, navigation: null, loadAverage: { before: 2, after: 2.2 } },
  ]);
  expect(table).toContain("/api/bench-floor");
  // Noisy marks a route that started on a busy machine; the reading after includes the route's own load.
  expect(table).toContain("0.5→2.0 |");
  expect(table).toContain("2.0→2.2 noisy");
});

// The webhooks step at its smallest (this server has WEBHOOK_ALLOWED_HOSTS=127.0.0.1, the key, and jobs on).
test("the webhooks step times a write without and with 5 endpoints and drains queued deliveries", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const result = await measureWebhooks({
    baseUrl: baseURL!,
    databaseUrl: process.env.DATABASE_URL!,
    fixtures,
    size: { writesPerVariant: 5, blockSize: 5, drainMessages: 50, smoke: true },
  });
  // Each block settles before the endpoints switch: exactly the writes made with them reached all 5.
  expect(result.deliveredDuringWrites).toBe(5 * 5);
  expect(result.drain.messages).toBe(50);
  expect(result.withEndpoints.p95).toBeGreaterThan(0);
  expect(webhookTable(result)).toContain("50 queued deliveries drained");
  expect(webhookTable(result)).toContain("smoke run, not judged");
});
