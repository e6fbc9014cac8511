/**
 * `npm run bench`: seeds a large organization into a database of its own, builds and starts Andon in
 * production mode, and drives the key pages and API lists on loopback — next to the framework's
 * floor, measured in the same run. Prints a table and prepends it to BENCHMARKS.md.
 *
 *   npm run bench -- --duration 10 --connections 10     (defaults)
 *   npm run bench -- --scale tiny --duration 2           a quick smoke run (not recorded)
 *   npm run bench -- --skip-build --keep                 reuse .next; keep the database afterwards
 *   npm run bench -- --database andon_bench_<ts>         measure a kept database again (no seed)
 *   npm run bench -- --only "my actions" --no-jobs --port 3701 --profile /tmp/prof
 *        one route (and the floors), reminder job off, on another port, CPU profile of the server
 *   npm run bench -- --only webhooks                     the floors and the webhooks step only
 *   npm run bench -- --only "home,MTTR"                  routes whose names hold any of these
 *   npm run bench -- --settle 0                          no wait for the load average before each route
 *
 * After the routes, the webhooks step (scripts/bench/webhooks.ts): a status change's p95 without and
 * with 5 subscribed endpoints, and how fast 10k queued deliveries drain (100 at --scale tiny); it
 * needs the jobs, so --no-jobs skips it.
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
import { measureAll, policyPass, reminderPass } from "./measure";
import { summarizeProfile } from "./profile";
import { NOISY_LOAD, recordRun, resultTable, webhookTable } from "./report";
import { benchRoutes } from "./routes";
import { FULL_SCALE, TINY_SCALE } from "./scale";
import { seedLarge, type BenchFixtures } from "./seed-large";
import { FULL_WEBHOOK_BENCH, TINY_WEBHOOK_BENCH, WEBHOOK_STEP_NAME } from "./webhooks";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const DEFAULT_PORT = 3700;
const SECRET = "andon-bench-secret-not-for-production-0123456789";
// Production (`next start`) stores webhook signing secrets encrypted: a fixed key, as the bench's database is thrown away.
const ENCRYPTION_KEY = Buffer.from("andon-bench-encryption-key-32-by").toString("base64");

type Options = {
  scale: typeof FULL_SCALE;
  duration: number;
  connections: number;
  keep: boolean;
  skipBuild: boolean;
  only?: string;
  /** A database kept by an earlier `--keep` run: measured again without seeding, and kept. */
  database?: string;
  /** Start the app with ANDON_JOBS=off: for iterating on pages, never for a recorded run. */
  noJobs: boolean;
  /** Write a CPU profile of the app server to this folder. */
  profileDir?: string;
  port: number;
  /** Before each route, wait up to this many seconds for the 1-minute load average to settle (none at tiny scale by default). */
  settleSeconds: number;
};

/** How long a route may wait for the machine to settle by default: the previous route's load decays in about this. */
const DEFAULT_SETTLE_SECONDS = 45;

function parseOptions(args: string[]): Options {
  const options: Options = {
    scale: FULL_SCALE,
    duration: 10,
    connections: 10,
    keep: false,
    skipBuild: false,
    noJobs: false,
    port: DEFAULT_PORT,
    settleSeconds: 0,
  };
  let settle: number | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = () => args[++index] ?? "";
    if (arg === "--scale") options.scale = value() === "tiny" ? TINY_SCALE : FULL_SCALE;
    else if (arg === "--duration") options.duration = Number(value());
    else if (arg === "--connections") options.connections = Number(value());
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--skip-build") options.skipBuild = true;
    else if (arg === "--only") options.only = value();
    else if (arg === "--database") options.database = value();
    else if (arg === "--no-jobs") options.noJobs = true;
    else if (arg === "--port") options.port = Number(value());
    else if (arg === "--profile") options.profileDir = path.resolve(value());
    else if (arg === "--settle") settle = Number(value());
    else throw new Error(`unknown argument ${arg}; see the comment at the top of scripts/bench/run.ts`);
  }
  if (!(options.duration > 0) || !(options.connections > 0)) throw new Error("--duration and --connections take positive numbers");
  if (settle !== undefined && !(settle >= 0)) throw new Error("--settle takes a number of seconds, 0 or more");
  options.settleSeconds = settle ?? (options.scale.name === "tiny" ? 0 : DEFAULT_SETTLE_SECONDS);
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

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const databaseServerHandle = await databaseServer();
  const database = options.database ?? `andon_bench_${Date.now()}`;
  const databaseUrl = databaseUrlFor(databaseServerHandle.url, database);
  const keep = options.keep || options.database !== undefined;
  try {
    const { fixtures, seedSeconds } = options.database ? await reuseKeptDatabase(databaseUrl, database) : await seedFreshDatabase(databaseUrl, options);
    if (keep) writeKeptFixtures(database, fixtures);

    // The webhooks step's receiver listens on loopback, which the SSRF guard refuses unless allow-listed.
    const env = {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: `http://localhost:${options.port}`,
      WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
      ANDON_ENCRYPTION_KEY: ENCRYPTION_KEY,
    };
    if (!options.skipBuild || !fs.existsSync(".next/BUILD_ID")) build(env);
    const only = options.only?.split(",").map((part) => part.trim());
    const picked = (name: string) => !only || only.some((part) => name.includes(part));
    const routes = benchRoutes(fixtures).filter((candidate) => candidate.floor || picked(candidate.name));
    const webhookSize = options.noJobs || !picked(WEBHOOK_STEP_NAME) ? null : options.scale.name === "tiny" ? TINY_WEBHOOK_BENCH : FULL_WEBHOOK_BENCH;
    const { results, reminderRun, webhooks } = await measureAll({
      databaseUrl,
      adminUrl: databaseServerHandle.url,
      database,
      env,
      fixtures,
      routes,
      options,
      webhooks: webhookSize,
    });
    if (options.profileDir) console.log(summarizeProfile(options.profileDir));
    const table = resultTable(results);
    console.log(`\n${table}\n`);
    const webhookSummary = webhooks ? webhookTable(webhooks) : undefined;
    if (webhookSummary) console.log(`${webhookSummary}\n`);
    if (options.scale.name === "full" && !options.only && !options.database) {
      recordRun(path.join(process.cwd(), "BENCHMARKS.md"), {
        title: `Run of ${new Date().toISOString().slice(0, 10)}`,
        settings: `autocannon, ${options.connections} connections, ${options.duration} s per route, compressed answers, signed in as a manager of a top-level team; loopback, load generator on the same cores; SQL statements counted in a first pass on a server logging them, its background jobs off; CPU per request (Node and the PostgreSQL backends) from 20 sequential requests, a client-side navigation from home, and the load in a second pass without the log, after ANALYZE; each route starts once the 1-minute load average is at most ${NOISY_LOAD} (waiting up to ${options.settleSeconds} s), and is marked noisy when it started above`,
        seedSummary: describeScale(options.scale, seedSeconds),
        jobs: reminderRun
          ? `the reminder job's first run over the whole organization ${reminderPass(reminderRun)}; the startup policy pass ${policyPass(reminderRun)}; measuring began after both`
          : "off",
        table,
        webhooks: webhookSummary,
      });
      console.log("written to BENCHMARKS.md");
    }
  } finally {
    if (!keep) await dropDatabase(databaseServerHandle.url, database).catch(() => undefined);
    else console.log(`kept database ${database}`);
    await databaseServerHandle.stop();
  }
}

async function seedFreshDatabase(databaseUrl: string, options: Options): Promise<{ fixtures: BenchFixtures; seedSeconds: number }> {
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  const seedStarted = Date.now();
  const fixtures = await seedLarge(databaseUrl, options.scale, (line) => console.log(`  seed: ${line}`));
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  console.log(`seeded ${options.scale.name} organization in ${seedSeconds.toFixed(1)} s`);
  return { fixtures, seedSeconds };
}

// A kept database's fixtures (ids, the manager's API token) live beside the embedded server's data.
const keptFixturesPath = (database: string) => path.join(process.cwd(), ".data", "bench", `${database}.json`);

function writeKeptFixtures(database: string, fixtures: BenchFixtures): void {
  fs.mkdirSync(path.dirname(keptFixturesPath(database)), { recursive: true });
  fs.writeFileSync(keptFixturesPath(database), JSON.stringify(fixtures));
}

/** A kept database, brought up to the current migrations (a new index, say) but not seeded again. */
async function reuseKeptDatabase(databaseUrl: string, database: string): Promise<{ fixtures: BenchFixtures; seedSeconds: number }> {
  const fixtures = readKeptFixtures(database);
  await applyMigrations(databaseUrl);
  return { fixtures, seedSeconds: 0 };
}

function readKeptFixtures(database: string): BenchFixtures {
  const file = keptFixturesPath(database);
  if (!fs.existsSync(file)) throw new Error(`no fixtures for ${database} at ${file}: keep a database with --keep first`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as BenchFixtures;
}

function describeScale(scale: typeof FULL_SCALE, seedSeconds: number): string {
  const teams = scale.teamLevels.reduce((a, b) => a + b, 0);
  const metricValues = scale.services * scale.metricsPerService * scale.metricWeeks;
  return `${teams} teams in ${scale.teamLevels.length} levels, ${scale.services} services, ${scale.users} users, ${scale.coes} COEs (revision, 3 timeline entries, a factor each), ${scale.actions} corrective actions, ${metricValues} weekly metric values, ${scale.reviews} weekly reviews, a verification of each service in most of the 5 dimensions (mixed states) and 500 game days; seeded in ${seedSeconds.toFixed(1)} s`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
