/**
 * `npm run bench`: seeds a large organization into a database of its own, builds and starts Andon in
 * production mode, and drives the key pages and API lists on loopback — next to the framework's
 * floor, measured in the same run. Prints a table and prepends it to BENCHMARKS.md.
 *
 *   npm run bench -- --duration 10 --connections 10     (defaults)
 *   npm run bench -- --scale tiny --duration 2           a quick smoke run (not recorded)
 *   npm run bench -- --skip-build --keep                 reuse .next; keep the database afterwards
 *
 * Database server: BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL (only the server is used;
 * the bench always creates `andon_bench_<timestamp>`), else an embedded PostgreSQL in .data/bench-postgres.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseUrlFor, dropDatabase } from "../db/database-url";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations, ensureDatabase } from "../db/migrations";
import { measureLoad } from "./load";
import { recordRun, resultTable, type RouteResult } from "./report";
import { benchRoutes, type BenchRoute } from "./routes";
import { FULL_SCALE, TINY_SCALE } from "./scale";
import { seedLarge, type BenchFixtures } from "./seed-large";
import { startAppServer, type AppServer } from "./server";
import { signIn } from "./session";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const BENCH_PORT = 3700;
const SECRET = "andon-bench-secret-not-for-production-0123456789";
const QUERY_SAMPLES = 5;

type Options = { scale: typeof FULL_SCALE; duration: number; connections: number; keep: boolean; skipBuild: boolean; only?: string };

function parseOptions(args: string[]): Options {
  const options: Options = { scale: FULL_SCALE, duration: 10, connections: 10, keep: false, skipBuild: false };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = () => args[++index] ?? "";
    if (arg === "--scale") options.scale = value() === "tiny" ? TINY_SCALE : FULL_SCALE;
    else if (arg === "--duration") options.duration = Number(value());
    else if (arg === "--connections") options.connections = Number(value());
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--skip-build") options.skipBuild = true;
    else if (arg === "--only") options.only = value();
    else throw new Error(`unknown argument ${arg}; see the comment at the top of scripts/bench/run.ts`);
  }
  if (!(options.duration > 0) || !(options.connections > 0)) throw new Error("--duration and --connections take positive numbers");
  return options;
}

async function databaseServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const configured = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (configured) return { url: databaseUrlFor(configured, "postgres"), stop: async () => undefined };
  const server = await startEmbeddedPostgres({ dataDir: path.join(process.cwd(), ".data", "bench-postgres"), relaxedDurability: true });
  return { url: server.url, stop: () => server.stop() };
}

function build(env: Record<string, string>): void {
  console.log("building (next build) …");
  const result = spawnSync(process.execPath, [path.join(process.cwd(), "node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

function headersFor(route: BenchRoute, cookie: string, fixtures: BenchFixtures): Record<string, string> {
  if (route.auth === "session") return { cookie };
  if (route.auth === "token") return { authorization: `Bearer ${fixtures.managerToken}` };
  return {};
}

async function queriesPerRequest(server: AppServer, url: string, headers: Record<string, string>): Promise<number> {
  const before = server.queriesSoFar();
  for (let sample = 0; sample < QUERY_SAMPLES; sample++) {
    const response = await fetch(url, { headers, redirect: "manual" });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200`);
    await response.arrayBuffer();
  }
  await new Promise((resolve) => setTimeout(resolve, 300)); // let the server's log lines arrive
  return (server.queriesSoFar() - before) / QUERY_SAMPLES;
}

async function measureRoute(server: AppServer, route: BenchRoute, cookie: string, fixtures: BenchFixtures, options: Options): Promise<RouteResult> {
  const url = `${server.baseUrl}${route.path}`;
  const headers = headersFor(route, cookie, fixtures);
  for (let warm = 0; warm < 10; warm++) await (await fetch(url, { headers, redirect: "manual" })).arrayBuffer();
  const queries = await queriesPerRequest(server, url, headers);
  const load = await measureLoad({ url, headers, durationSeconds: options.duration, connections: options.connections });
  return { route, load, queriesPerRequest: queries };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const databaseServerHandle = await databaseServer();
  const database = `andon_bench_${Date.now()}`;
  const databaseUrl = databaseUrlFor(databaseServerHandle.url, database);
  let server: AppServer | undefined;
  try {
    await ensureDatabase(databaseUrl);
    await applyMigrations(databaseUrl);
    const seedStarted = Date.now();
    const fixtures = await seedLarge(databaseUrl, options.scale, (line) => console.log(`  seed: ${line}`));
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    console.log(`seeded ${options.scale.name} organization in ${seedSeconds.toFixed(1)} s`);

    const env = { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://localhost:${BENCH_PORT}` };
    if (!options.skipBuild || !fs.existsSync(".next/BUILD_ID")) build(env);
    server = await startAppServer({ port: BENCH_PORT, env });
    const cookie = await signIn(server.baseUrl, fixtures.managerEmail, fixtures.password);

    const results: RouteResult[] = [];
    for (const route of benchRoutes(fixtures).filter((candidate) => !options.only || candidate.floor || candidate.name.includes(options.only))) {
      process.stdout.write(`  ${route.name} … `);
      const result = await measureRoute(server, route, cookie, fixtures, options);
      console.log(`${result.load.requestsPerSecond.toFixed(0)} req/s, p95 ${result.load.p95.toFixed(0)} ms, ${result.queriesPerRequest.toFixed(1)} queries/request`);
      results.push(result);
    }
    const table = resultTable(results);
    console.log(`\n${table}\n`);
    if (options.scale.name === "full" && !options.only) {
      recordRun(path.join(process.cwd(), "BENCHMARKS.md"), {
        title: `Run of ${new Date().toISOString().slice(0, 10)}`,
        settings: `autocannon, ${options.connections} connections, ${options.duration} s per route, signed in as a manager of a top-level team; loopback, load generator on the same cores`,
        seedSummary: describeScale(options.scale, seedSeconds),
        table,
      });
      console.log("written to BENCHMARKS.md");
    }
  } finally {
    await server?.stop();
    if (!options.keep) await dropDatabase(databaseServerHandle.url, database).catch(() => undefined);
    else console.log(`kept database ${database}`);
    await databaseServerHandle.stop();
  }
}

function describeScale(scale: typeof FULL_SCALE, seedSeconds: number): string {
  const teams = scale.teamLevels.reduce((a, b) => a + b, 0);
  const metricValues = scale.services * scale.metricsPerService * scale.metricWeeks;
  return `${teams} teams in ${scale.teamLevels.length} levels, ${scale.services} services, ${scale.users} users, ${scale.coes} COEs (revision, 3 timeline entries, a factor each), ${scale.actions} corrective actions, ${metricValues} weekly metric values, ${scale.reviews} weekly reviews; seeded in ${seedSeconds.toFixed(1)} s`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
