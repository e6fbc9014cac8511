/**
 * `npm test`: typecheck, lint (Prettier, ESLint), knip, Vitest, then Playwright against a production build — in that order,
 * stopping at the first failure.
 *
 *   npm test -- --skip-e2e            everything but the browser journeys
 *   npm test -- --only unit           one step (typecheck | lint | knip | unit | e2e; comma-separate several)
 *   npm test -- --only e2e -- e2e/coes.spec.ts    arguments after a second `--` go to Playwright
 *
 * Database server: TEST_DATABASE_URL, else DATABASE_URL, else an embedded PostgreSQL in
 * .data/test-postgres (never the development one). Vitest creates its own fresh database on it;
 * the end-to-end run gets a fresh `andon_e2e_<timestamp>` database, dropped afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { seedDemo } from "../prisma/seed";
import { PLAYWRIGHT_REPORT, VITEST_REPORT, clearReports, countsLine, totalCounts } from "./test-counts";
import { startEmbeddedPostgres } from "./db/embedded";
import { databaseUrlFor, redactPassword } from "./db/database-url";
import { applyMigrations, ensureDatabase } from "./db/migrations";

const ROOT = process.cwd();
// Next.js would try to send anonymous telemetry; self-hosted installs (and CI) have no business
// phoning home, and on closed networks the attempt only costs time.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const TEST_DATA_DIR = path.join(ROOT, ".data", "test-postgres");
// One above the development cluster's default, so both can run side by side without port hunting.
const TEST_EMBEDDED_PORT = 54330;
// E2E_PORT lets two suites run side by side on one machine (each needs its own server port).
const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
const E2E_URL = `http://localhost:${E2E_PORT}`;
// Fixed so that a failing run can be reproduced by hand; it only ever signs sessions of a
// throwaway database.
const E2E_AUTH_SECRET = "andon-e2e-secret-not-for-production-0123456789";

const STEPS = ["typecheck", "lint", "knip", "unit", "e2e"] as const;
type StepName = (typeof STEPS)[number];

interface StepResult {
  name: StepName;
  ok: boolean;
  seconds: number;
  exitCode: number;
}

/** A step failed in a way already reported by the tool's own output. */
class StepFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const cleanups: (() => Promise<void>)[] = [];
let currentChild: ChildProcess | undefined;
let finishing: Promise<never> | undefined;

async function main(): Promise<void> {
  const steps = parseSteps(process.argv.slice(2));
  handleSignals();
  const results: StepResult[] = [];
  const started = Date.now();
  clearReports();

  for (const name of steps) {
    console.log(`\n▶ ${name}`);
    const stepStarted = Date.now();
    try {
      await runStep(name);
      results.push({ name, ok: true, seconds: secondsSince(stepStarted), exitCode: 0 });
      console.log(`✓ ${name} passed in ${formatSeconds(secondsSince(stepStarted))}`);
    } catch (error) {
      if (finishing) await finishing; // interrupted: the signal handler reports and exits
      const exitCode = error instanceof StepFailure ? error.exitCode || 1 : 1;
      results.push({ name, ok: false, seconds: secondsSince(stepStarted), exitCode });
      console.error(`✗ ${name} failed: ${describeError(error)}`);
      if (!(error instanceof StepFailure) && error instanceof Error && error.stack) console.error(error.stack);
      await finish(exitCode, summary(results, steps, started));
    }
  }
  await finish(0, summary(results, steps, started));
}

/** Arguments after a bare `--` go to Playwright, e.g. `npm test -- --only e2e -- e2e/coes.spec.ts`. */
let playwrightArgs: string[] = [];

function parseSteps(args: string[]): StepName[] {
  let steps: StepName[] = [...STEPS];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--") {
      playwrightArgs = args.slice(index + 1);
      break;
    } else if (arg === "--skip-e2e") {
      steps = steps.filter((step) => step !== "e2e");
    } else if (arg === "--only" || arg.startsWith("--only=")) {
      const value = arg === "--only" ? args[++index] : arg.slice("--only=".length);
      const wanted = (value ?? "").split(",").map((step) => step.trim());
      const unknown = wanted.filter((step) => !(STEPS as readonly string[]).includes(step));
      if (wanted.length === 0 || unknown.length > 0) usage(`--only takes ${STEPS.join(" | ")}, not "${value ?? ""}"`);
      steps = STEPS.filter((step) => wanted.includes(step));
    } else {
      usage(`unknown argument "${arg}"`);
    }
  }
  return steps;
}

function usage(problem: string): never {
  console.error(`npm test: ${problem}\nUsage: npm test [-- --skip-e2e] [-- --only ${STEPS.join("|")}[,…]]`);
  process.exit(2);
}

async function runStep(name: StepName): Promise<void> {
  switch (name) {
    case "typecheck":
      // Route and next-env types come from Next.js; generate them so a clean checkout typechecks.
      await run("next typegen", binOf("next"), ["typegen"]);
      return run("tsc", binOf("typescript", "tsc"), ["--noEmit"]);
    case "lint":
      await run("prettier", binOf("prettier"), ["--check", "--log-level=warn", "."]);
      return run("eslint", binOf("eslint"), ["--max-warnings=0", "."]);
    case "knip":
      // Unused files, exports, types and dependencies; entry points it cannot infer are in knip.jsonc.
      return run("knip", binOf("knip"), ["--no-progress"]);
    case "unit":
      return run("vitest", binOf("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`], {
        TEST_DATABASE_URL: await testServerUrl(),
        // Vite warns on every run that a future loader will read vitest.config.ts as ESM; noise here.
        VITE_CONFIG_NATIVE_IGNORE_WARNING: "true",
      });
    case "e2e":
      return runEndToEnd();
  }
}

async function runEndToEnd(): Promise<void> {
  await assertPortFree(E2E_PORT);
  const serverUrl = await testServerUrl();
  const database = `andon_e2e_${Date.now()}`;
  const databaseUrl = databaseUrlFor(serverUrl, database);

  await ensureDatabase(databaseUrl);
  cleanups.push(() => dropDatabase(serverUrl, database));
  console.log(`  database ${database}`);
  await applyMigrations(databaseUrl, { log: (line) => console.log(`  ${line}`) });
  await seedDemo(databaseUrl);

  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: E2E_AUTH_SECRET,
    NEXTAUTH_URL: E2E_URL,
    PORT: String(E2E_PORT),
    E2E_PORT: String(E2E_PORT),
    // The benchmark's floor routes, which e2e/bench.spec.ts checks still answer.
    ANDON_BENCH_FLOORS: "on",
    PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_REPORT,
  };
  await timed("next build", () => run("next build", binOf("next"), ["build"], env));
  await timed("playwright", () => run("playwright", binOf("@playwright/test", "playwright"), ["test", ...playwrightArgs], env));
}

/** The PostgreSQL server the tests use, started or checked once per run. */
let testServer: Promise<string> | undefined;
function testServerUrl(): Promise<string> {
  testServer ??= (async () => {
    const configured = process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim();
    if (configured) {
      await assertReachable(configured);
      return configured;
    }
    const server = await startEmbeddedPostgres({
      dataDir: TEST_DATA_DIR,
      port: TEST_EMBEDDED_PORT,
      relaxedDurability: true,
      log: (line) => console.log(`  ${line}`),
    });
    cleanups.unshift(() => server.stop()); // stopped last, after the databases on it are dropped
    await dropLeftoverDatabases(server.url);
    return server.url;
  })();
  return testServer;
}

async function assertReachable(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const variable = process.env.TEST_DATABASE_URL?.trim() ? "TEST_DATABASE_URL" : "DATABASE_URL";
    throw new StepFailure(
      `cannot reach the test database server at ${variable} (${redactPassword(serverUrl)}): ${describeError(error)}. ` +
        `Start it, or unset ${variable} to use an embedded PostgreSQL.`,
      1,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A terminal's Ctrl-C reaches the embedded server too (same process group), so an interrupted run
 * cannot drop its databases. This cluster is ours alone (embedded.ts refuses a second user), so
 * whatever test databases it still holds are leftovers.
 */
async function dropLeftoverDatabases(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'andon\\_test\\_%' OR datname LIKE 'andon\\_e2e\\_%'",
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
      console.log(`  dropped ${datname}, left over from an interrupted run`);
    }
  } finally {
    await client.end();
  }
}

async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
    // FORCE: a Next.js server that was just killed may still hold connections.
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    console.log(`  dropped ${database}`);
  } catch (error) {
    console.error(`  could not drop ${database}: ${describeError(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs a Node CLI to completion with inherited stdio; throws StepFailure on a non-zero exit. */
function run(label: string, script: string, args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  if (finishing) return Promise.reject(new StepFailure("interrupted", 130));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    currentChild = child;
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      currentChild = undefined;
      if (code === 0) resolve();
      else reject(new StepFailure(`${label} exited with ${signal ?? `code ${code}`}`, exitCodeOf(code, signal)));
    });
  });
}

async function timed(label: string, action: () => Promise<void>): Promise<void> {
  const started = Date.now();
  await action();
  console.log(`  ${label} took ${formatSeconds(secondsSince(started))}`);
}

/**
 * Path of a package's CLI script, read from its package.json `bin` (some packages do not export
 * their bin files, so require.resolve cannot reach them).
 */
function binOf(packageName: string, binName: string = packageName): string {
  const packageDir = path.join(ROOT, "node_modules", packageName);
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const relative = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[binName];
  if (!relative) throw new Error(`${packageName} has no "${binName}" command; run npm install`);
  return path.join(packageDir, relative);
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new StepFailure(`port ${port} is in use; the end-to-end server needs it. Stop what runs there.`, 1)));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function summary(results: StepResult[], steps: StepName[], started: number): string {
  const parts = results.map((result) => `${result.ok ? "✓" : "✗"} ${result.name} ${formatSeconds(result.seconds)}`);
  const skipped = steps.filter((step) => !results.some((result) => result.name === step));
  if (skipped.length > 0) parts.push(`not run: ${skipped.join(", ")}`);
  const failed = results.find((result) => !result.ok);
  const verdict = failed ? `FAILED at ${failed.name} (exit code ${failed.exitCode})` : "passed";
  return `npm test ${verdict} — ${parts.join(" · ")} — total ${formatSeconds(secondsSince(started))}`;
}

function handleSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // A terminal's Ctrl-C reached the child too; SIGTERM covers a signal sent to us alone.
      currentChild?.kill("SIGTERM");
      void finish(128 + (os.constants.signals[signal] ?? 0), `npm test interrupted by ${signal}`);
    });
  }
}

/** Single exit path: stop the running tool, drop databases, stop the embedded server, report. */
function finish(exitCode: number, message: string): Promise<never> {
  finishing ??= (async () => {
    await waitForChild(currentChild);
    await runCleanups();
    console.log(`\n${message}`);
    // The plain closing line CI and people read: tests counted across Vitest and Playwright.
    console.log(countsLine(totalCounts()));
    process.exit(exitCode);
  })();
  return finishing;
}

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    await cleanup?.().catch((error: unknown) => console.error(`  cleanup failed: ${describeError(error)}`));
  }
}

async function waitForChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await new Promise((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0);
}

/** Node reports a refused localhost connection as an AggregateError with an empty message. */
function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(describeError).join("; ");
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}

function secondsSince(started: number): number {
  return (Date.now() - started) / 1000;
}

function formatSeconds(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(1)}s` : `${Math.floor(seconds / 60)}m${Math.round(seconds % 60)}s`;
}

main().catch((error: unknown) => {
  console.error(error);
  void finish(1, `npm test failed: ${describeError(error)}`);
});
