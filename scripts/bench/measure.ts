import os from "node:os";
import pg from "pg";
import { METRIC_SUMMARY_QUEUE, POLICY_QUEUE, REMINDER_QUEUE } from "../../lib/jobs/queue-names";
import { postgresCpuBetween, postgresCpuSampler } from "./cpu";
import { measureLoad } from "./load";
import { NOISY_LOAD, type RouteResult } from "./report";
import type { BenchRoute } from "./routes";
import type { BenchFixtures } from "./seed-large";
import { startAppServer, type AppServer } from "./server";
import { signIn } from "./session";
import { summarizeLatencies } from "./stats";
import { measureWebhooks, type WebhookBenchResult, type WebhookBenchSize } from "./webhooks";

// Sequential requests per route before the load: SQL statements and CPU per request.
const SAMPLE_REQUESTS = 20;
// What a browser asks for; the load and the CPU samples both get compressed answers.
const ACCEPT_ENCODING = "gzip, deflate, br";

type MeasureOptions = {
  duration: number;
  connections: number;
  noJobs: boolean;
  profileDir?: string;
  port: number;
  /** Wait up to this long before each route for the load average to settle (0: no wait). */
  settleSeconds: number;
};
export type Run = {
  databaseUrl: string;
  adminUrl: string;
  database: string;
  env: Record<string, string>;
  fixtures: BenchFixtures;
  routes: BenchRoute[];
  options: MeasureOptions;
  /** The webhooks step's size; null skips it (`--only` for other routes, or jobs off: the app's job delivers). */
  webhooks: WebhookBenchSize | null;
};
/** The startup runs of the reminder job and of the policy evaluation (a full pass with the built-in providers). */
type ReminderRun = { seconds: number | null; notifications: number; policySeconds: number | null; policyFailed: boolean };

function headersFor(route: BenchRoute, cookie: string, fixtures: BenchFixtures): Record<string, string> {
  const base = { "accept-encoding": ACCEPT_ENCODING };
  if (route.auth === "session") return { ...base, cookie };
  if (route.auth === "token") return { ...base, authorization: `Bearer ${fixtures.managerToken}` };
  return base;
}

/**
 * A client-side navigation from home to the page: the React Server Components request the router
 * makes. The shared frame stays on screen; the router marks the first segment that changes
 * "refetch", so the server renders from there down (the header's shape is what Chromium sends).
 */
function navigationHeaders(path: string, headers: Record<string, string>): Record<string, string> {
  const first = new URL(path, "http://localhost").pathname.split("/").filter(Boolean)[0];
  const page = ["__PAGE__", {}, null, null, 0];
  const changed = first ? [first, { children: page }, null, "refetch", 0] : ["__PAGE__", {}, null, "refetch", 0];
  const tree = ["", { children: ["(app)", { children: changed }, null, null, 0] }, null, null, 16];
  return { ...headers, rsc: "1", "next-url": "/", "next-router-state-tree": encodeURIComponent(JSON.stringify(tree)) };
}

/**
 * The URL the router would fetch: Next answers an RSC request without its `_rsc` cache-busting
 * parameter (a hash of the router headers) with a redirect to the URL that carries it.
 */
async function navigationUrl(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers, redirect: "manual" });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  return response.status >= 300 && response.status < 400 && location ? new URL(location, url).toString() : url;
}

async function drain(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { headers, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200`);
  await response.arrayBuffer();
}

/** SQL statements per request, from sequential requests to a server that logs every statement. */
async function countQueries(server: AppServer, url: string, headers: Record<string, string>): Promise<number> {
  for (let warm = 0; warm < 3; warm++) await drain(url, headers);
  const before = server.queriesSoFar();
  for (let sample = 0; sample < SAMPLE_REQUESTS; sample++) await drain(url, headers);
  await new Promise((resolve) => setTimeout(resolve, 300)); // let the server's log lines arrive
  return (server.queriesSoFar() - before) / SAMPLE_REQUESTS;
}

type CpuSample = { nodeMs: number | null; postgresMs: number | null; p50: number };

/** Node's and PostgreSQL's CPU per request and the median time, from sequential requests (not skewed by other load). */
async function sampleCpu(
  server: AppServer,
  postgres: Awaited<ReturnType<typeof postgresCpuSampler>>,
  url: string,
  headers: Record<string, string>,
): Promise<CpuSample> {
  for (let warm = 0; warm < 10; warm++) await drain(url, headers);
  const nodeBefore = server.cpuMsSoFar();
  const postgresBefore = await postgres.sample();
  const times: number[] = [];
  for (let sample = 0; sample < SAMPLE_REQUESTS; sample++) {
    const started = performance.now();
    await drain(url, headers);
    times.push(performance.now() - started);
  }
  const nodeAfter = server.cpuMsSoFar();
  const postgresAfter = await postgres.sample();
  const postgresMs = postgresCpuBetween(postgresBefore, postgresAfter);
  return {
    nodeMs: nodeBefore === null || nodeAfter === null ? null : (nodeAfter - nodeBefore) / SAMPLE_REQUESTS,
    postgresMs: postgresMs === null ? null : postgresMs / SAMPLE_REQUESTS,
    p50: summarizeLatencies(times).p50,
  };
}

/**
 * Waits, up to `maxSeconds`, until the 1-minute load average is at or below the noisy mark, so each
 * route starts on a settled machine rather than in the previous route's wake; returns the reading.
 */
async function settledLoad(maxSeconds: number): Promise<number> {
  const deadline = Date.now() + maxSeconds * 1000;
  while (os.loadavg()[0]! > NOISY_LOAD && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1000));
  return os.loadavg()[0]!;
}

async function measureRoute(run: Run, server: AppServer, postgres: Awaited<ReturnType<typeof postgresCpuSampler>>, route: BenchRoute, cookie: string) {
  const url = `${server.baseUrl}${route.path}`;
  const headers = headersFor(route, cookie, run.fixtures);
  const loadBefore = await settledLoad(run.options.settleSeconds);
  const cpu = await sampleCpu(server, postgres, url, headers);
  const navigation =
    route.auth === "session" && !route.floor
      ? await sampleCpu(server, postgres, await navigationUrl(url, navigationHeaders(route.path, headers)), navigationHeaders(route.path, headers))
      : null;
  const load = await measureLoad({ url, headers, durationSeconds: run.options.duration, connections: run.options.connections });
  return { load, cpu, navigation, loadAverage: { before: loadBefore, after: os.loadavg()[0]! } };
}

/**
 * A server started for one pass, with or without the background jobs; waits for the reminder run a
 * start with jobs queues, refreshes statistics, and signs in.
 */
async function withServer<T>(
  run: Run,
  options: { logQueries: boolean; jobs: boolean },
  pass: (server: AppServer, cookie: string, reminderRun: ReminderRun | null) => Promise<T>,
): Promise<T> {
  const startedAt = new Date();
  const server = await startAppServer({
    port: run.options.port,
    env: { ...run.env, ANDON_BENCH_FLOORS: "on", ...(options.jobs ? {} : { ANDON_JOBS: "off" }) },
    logQueries: options.logQueries,
    profileDir: options.logQueries ? undefined : run.options.profileDir,
  });
  try {
    const reminderRun = options.jobs ? await waitForStartupJobs(run.databaseUrl, startedAt) : null;
    if (reminderRun) console.log(`  the reminder run queued at start ${reminderPass(reminderRun)}; the policy pass ${policyPass(reminderRun)}`);
    // The reminder run inserts tens of thousands of notifications: without fresh statistics the
    // planner guesses a couple of rows per user and picks plans the app never sees in production.
    await analyze(run.databaseUrl);
    return await pass(server, await signIn(server.baseUrl, run.fixtures.managerEmail, run.fixtures.password), reminderRun);
  } finally {
    await server.stop();
  }
}

async function analyze(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

/**
 * Two passes, each on a fresh server: the first logs every SQL statement and counts them per
 * route, with the background jobs off (their polling, about two statements a second, is no
 * request's); the second runs as in production (jobs on, no statement log, which would cost CPU per
 * query) and measures CPU per request (Node and PostgreSQL), a client-side navigation, and the load;
 * then, on the same server, the webhooks step (scripts/bench/webhooks.ts), which writes, so it comes last.
 */
export async function measureAll(run: Run): Promise<{ results: RouteResult[]; reminderRun: ReminderRun | null; webhooks: WebhookBenchResult | null }> {
  console.log("pass 1: SQL statements per request (background jobs off)");
  const queries = await withServer(run, { logQueries: true, jobs: false }, async (server, cookie) => {
    const counted = new Map<BenchRoute, number>();
    for (const route of run.routes) {
      counted.set(route, await countQueries(server, `${server.baseUrl}${route.path}`, headersFor(route, cookie, run.fixtures)));
      console.log(`  ${route.name}: ${counted.get(route)!.toFixed(1)} queries`);
    }
    return counted;
  });
  console.log("pass 2: CPU per request (Node and PostgreSQL), navigation, load");
  const postgres = await postgresCpuSampler(run.adminUrl, run.database);
  try {
    return await withServer(run, { logQueries: false, jobs: !run.options.noJobs }, async (server, cookie, reminderRun) => {
      const measured: RouteResult[] = [];
      for (const route of run.routes) {
        process.stdout.write(`  ${route.name} … `);
        const { load, cpu, navigation, loadAverage } = await measureRoute(run, server, postgres, route, cookie);
        console.log(
          `${load.requestsPerSecond.toFixed(0)} req/s, p95 ${load.p95.toFixed(0)} ms, CPU ${cpu.nodeMs?.toFixed(1) ?? "?"} ms Node + ${cpu.postgresMs?.toFixed(1) ?? "?"} ms PostgreSQL, load ${loadAverage.before.toFixed(1)}→${loadAverage.after.toFixed(1)}`,
        );
        measured.push({ route, load, queriesPerRequest: queries.get(route)!, cpu, navigation, loadAverage });
      }
      if (!run.webhooks) return { results: measured, reminderRun, webhooks: null };
      console.log("webhooks: a write's p95 with and without 5 subscribed endpoints, then the drain rate");
      const webhookResult = await measureWebhooks({
        baseUrl: server.baseUrl,
        databaseUrl: run.databaseUrl,
        fixtures: run.fixtures,
        size: run.webhooks,
        log: (line) => console.log(`  ${line}`),
      });
      return { results: measured, reminderRun, webhooks: webhookResult };
    });
  } finally {
    await postgres.close();
  }
}

/** How long the startup reminder run took, for the run's description. */
export function reminderPass(run: ReminderRun): string {
  return run.seconds === null ? "failed (see the server's log)" : `took ${run.seconds.toFixed(1)} s (${run.notifications} notifications)`;
}

/** How long the startup policy pass took, for the run's description. */
export function policyPass(run: ReminderRun): string {
  if (run.policyFailed) return "failed (see the server's log)";
  return run.policySeconds === null ? "was not queued" : `(every rule, every service, the built-in facts) took ${run.policySeconds.toFixed(1)} s`;
}

type QueuedRun = { queued: number; pending: number; failed: number; seconds: number | null };

/** A queue's startup job (singleton key "startup") created since `since`: whether it is there, unfinished or failed, and how long it took. */
async function startupRun(client: pg.Client, queue: string, since: Date): Promise<QueuedRun> {
  const { rows } = await client
    .query<QueuedRun>(
      `SELECT count(*)::int AS queued,
              count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS pending,
              count(*) FILTER (WHERE state IN ('failed', 'cancelled'))::int AS failed,
              max(extract(epoch FROM completed_on - started_on)) FILTER (WHERE state = 'completed')::float AS seconds
         FROM pgboss.job WHERE name = $1 AND singleton_key = 'startup' AND created_on >= $2`,
      [queue, since],
    )
    .catch(() => ({ rows: [{ queued: 0, pending: 0, failed: 0, seconds: null }] })); // pg-boss creates its schema when it starts
  return rows[0]!;
}

/** Finished (or failed), or never queued (a startup job is queued within a second or two of the start, if at all). */
function settled(run: QueuedRun, waitedMs: number): boolean {
  return run.queued === 0 ? waitedMs > 5_000 : run.pending === 0;
}

/**
 * Each app instance queues one reminder run, one full policy pass and a repair of the metrics' kept
 * figures when it starts (unless another instance did shortly before). Measuring while they run
 * would measure the jobs, so wait for the runs queued since `since` (up to 10 minutes) and report
 * how long the first two took; null when no reminder run was queued.
 */
async function waitForStartupJobs(databaseUrl: string, since: Date): Promise<ReminderRun | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    while (Date.now() - started < 600_000) {
      const [reminders, policies, metricFigures] = [
        await startupRun(client, REMINDER_QUEUE, since),
        await startupRun(client, POLICY_QUEUE, since),
        await startupRun(client, METRIC_SUMMARY_QUEUE, since),
      ];
      const waited = Date.now() - started;
      if (settled(reminders, waited) && settled(policies, waited) && settled(metricFigures, waited)) {
        if (reminders.queued === 0) return null;
        const notifications = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM notifications");
        return { seconds: reminders.seconds, notifications: notifications.rows[0]!.count, policySeconds: policies.seconds, policyFailed: policies.failed > 0 };
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error("the startup reminder run or policy pass did not finish within 10 minutes");
  } finally {
    await client.end();
  }
}
