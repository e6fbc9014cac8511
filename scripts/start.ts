/**
 * `npm start` / `npm run dev`: one command from a fresh checkout to a running Andon.
 *
 * Database: DATABASE_URL when set, otherwise an embedded PostgreSQL kept in .data/postgres. Then
 * migrations, the demo seed (empty databases only), a persistent auth secret, a production build
 * when the sources changed, and `next start` (or `next dev` with --dev). Ctrl-C stops the Next.js
 * server first and the database last, and exits 0.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { seedDemo } from "../prisma/seed";
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from "./db/embedded";
import { databaseUrlFor, redactPassword } from "./db/database-url";
import { applyMigrations, ensureDatabase } from "./db/migrations";

// npm runs scripts from the package root, so the working directory is the checkout.
const ROOT = process.cwd();
// Next.js would try to send anonymous telemetry; self-hosted installs (and CI) have no business
// phoning home, and on closed networks the attempt only costs time.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const DATA_DIR = path.join(ROOT, ".data");
const EMBEDDED_DATA_DIR = path.join(DATA_DIR, "postgres");
const AUTH_SECRET_FILE = path.join(DATA_DIR, "auth-secret");
const APP_DATABASE = "andon";
const NEXT_STOP_GRACE_MS = 10_000;

/** Inputs whose change makes the production build stale. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

interface LauncherState {
  child?: ChildProcess;
  database?: EmbeddedPostgresServer;
  stopping?: Promise<never>;
}

const state: LauncherState = {};

function log(line: string): void {
  console.log(`[andon] ${line}`);
}

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const port = parsePort(process.env.PORT);
  handleSignals();

  await assertPortFree(port);
  const database = await prepareDatabase();
  await applyMigrations(database.url, { log: (line) => log(line) });
  const logins = await seedDemoUnlessProduction(database.url);

  const appUrl = `http://localhost:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: resolveAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL?.trim() || appUrl,
    PORT: String(port),
  };

  if (!dev) await buildWhenStale(serverEnv);
  const server = runNextServer(dev ? "dev" : "start", port, serverEnv);
  if (await waitUntilListening(port, server)) {
    console.log(readyBox({ appUrl, mode: dev ? "development" : "production", database: database.description, logins }));
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new LaunchError(`PORT must be a port number between 1 and 65535, not "${value}".`);
  }
  return port;
}

/** Fail before starting anything: Next.js would otherwise die late with a bare EADDRINUSE. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new LaunchError(`Port ${port} is already in use. Stop whatever runs there, or pick another: PORT=${port + 1} npm start`));
      } else {
        reject(error);
      }
    });
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function prepareDatabase(): Promise<{ url: string; description: string }> {
  const configured = process.env.DATABASE_URL?.trim();
  if (configured) {
    await withDatabaseHint(configured, () => ensureDatabase(configured));
    return { url: configured, description: `DATABASE_URL (${redactPassword(configured)})` };
  }
  state.database = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, log: (line) => log(line) });
  const url = databaseUrlFor(state.database.url, APP_DATABASE);
  await ensureDatabase(url);
  return {
    url,
    description: `embedded PostgreSQL, port ${state.database.port} (${path.relative(ROOT, EMBEDDED_DATA_DIR)})`,
  };
}

/** Turns "connect ECONNREFUSED" into a sentence that says which setting to fix. */
async function withDatabaseHint<T>(databaseUrl: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "28P01" || code === "28000") {
      throw new LaunchError(
        `Cannot use the database at DATABASE_URL (${redactPassword(databaseUrl)}): ${describeError(error)}. ` +
          `Check that PostgreSQL is running and the credentials are right, or unset DATABASE_URL to use the embedded database.`,
      );
    }
    throw error;
  }
}

/** Node reports a refused localhost connection as an AggregateError with an empty message. */
function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(describeError).join("; ");
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}



/** Mirrors prisma/seed.ts's own refusal: demo users with a published password never reach production. */
async function seedDemoUnlessProduction(databaseUrl: string): Promise<{ email: string; password: string; role: string }[]> {
  if (process.env.NODE_ENV === "production" && process.env.ANDON_ALLOW_DEMO_SEED !== "true") {
    log("NODE_ENV=production: not seeding demo data.");
    return [];
  }
  const { seeded, logins } = await seedDemo(databaseUrl);
  log(seeded ? "Seeded the demo organization." : "The database already has data; demo seed skipped.");
  return logins;
}

/**
 * Sessions are signed with this secret, so it must survive restarts: generated once and kept in
 * .data/auth-secret, readable by the owner only.
 */
function resolveAuthSecret(): string {
  const configured = process.env.NEXTAUTH_SECRET?.trim();
  if (configured) return configured;
  const existing = readSecretFile();
  if (existing) return existing;
  fs.mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });
  const secret = randomBytes(32).toString("base64");
  try {
    fs.writeFileSync(AUTH_SECRET_FILE, `${secret}\n`, { mode: 0o600, flag: "wx" });
    log(`Generated an auth secret in ${path.relative(ROOT, AUTH_SECRET_FILE)}`);
    return secret;
  } catch (error) {
    // Another launcher wrote it first: use theirs so both sign sessions alike.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecretFile();
    if (!winner) throw new LaunchError(`${AUTH_SECRET_FILE} exists but is empty; delete it and start again.`);
    return winner;
  }
}

function readSecretFile(): string | undefined {
  try {
    const secret = fs.readFileSync(AUTH_SECRET_FILE, "utf8").trim();
    if (secret === "") return undefined;
    fs.chmodSync(AUTH_SECRET_FILE, 0o600); // in case it was copied around with looser permissions
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function buildWhenStale(env: NodeJS.ProcessEnv): Promise<void> {
  const reason = staleBuildReason();
  if (!reason) return;
  log(`Building the production bundle (${reason}) …`);
  const code = await runToCompletion(nextBin(), ["build"], env);
  if (code !== 0) throw new LaunchError(`next build failed (exit code ${code}).`, code);
}

function staleBuildReason(): string | undefined {
  const buildIdFile = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildIdFile)) return "no build yet";
  const builtAt = fs.statSync(buildIdFile).mtimeMs;
  const newest = newestFile(BUILD_INPUTS.map((input) => path.join(ROOT, input)));
  if (newest && newest.mtimeMs > builtAt) return `${path.relative(ROOT, newest.file)} changed since the last build`;
  return undefined;
}

function newestFile(paths: string[]): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  const visit = (target: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      return; // optional inputs (next.config.ts, public/) may not exist
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target)) visit(path.join(target, entry));
    } else if (!newest || stat.mtimeMs > newest.mtimeMs) {
      newest = { file: target, mtimeMs: stat.mtimeMs };
    }
  };
  paths.forEach(visit);
  return newest;
}

function nextBin(): string {
  return createRequire(path.join(ROOT, "package.json")).resolve("next/dist/bin/next");
}

/** A Ctrl-C may land while we await migrations; nothing new may start once shutdown began. */
function assertNotStopping(): void {
  if (state.stopping) throw new LaunchError("Stopping.", 0);
}

function runToCompletion(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  assertNotStopping();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: "inherit", env });
    state.child = child;
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (state.child === child) state.child = undefined;
      resolve(exitCodeOf(code, signal));
    });
  });
}

function runNextServer(command: "dev" | "start", port: number, env: NodeJS.ProcessEnv): ChildProcess {
  assertNotStopping();
  const child = spawn(process.execPath, [nextBin(), command, "-p", String(port)], { stdio: "inherit", env });
  state.child = child;
  child.once("error", (error) => void shutdown(1, `Could not start Next.js: ${error.message}`));
  child.once("exit", (code, signal) => {
    const exitCode = exitCodeOf(code, signal);
    // During our own shutdown the exit is expected; otherwise the server died and we follow it.
    if (!state.stopping) void shutdown(exitCode, `The Next.js server exited (${signal ?? `code ${code}`}).`);
  });
  return child;
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0);
}

/** Resolves true once the port accepts connections, false if the server exits first. */
async function waitUntilListening(port: number, server: ChildProcess): Promise<boolean> {
  while (server.exitCode === null && server.signalCode === null && !state.stopping) {
    if (await canConnect(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

interface ReadyBoxContent {
  appUrl: string;
  mode: string;
  database: string;
  logins: { email: string; password: string; role: string }[];
}

function readyBox({ appUrl, mode, database, logins }: ReadyBoxContent): string {
  const emailWidth = Math.max(0, ...logins.map((login) => login.email.length));
  const roleWidth = Math.max(0, ...logins.map((login) => login.role.length));
  const lines = [
    `Andon is running (${mode}): ${appUrl}`,
    "",
    ...(logins.length > 0
      ? [
          "Demo logins:",
          ...logins.map((login) => `  ${login.role.padEnd(roleWidth)}  ${login.email.padEnd(emailWidth)}  ${login.password}`),
          "",
        ]
      : []),
    `Database: ${database}`,
    "Stop with Ctrl-C.",
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const border = "─".repeat(width + 4);
  return ["", `╭${border}╮`, ...lines.map((line) => `│  ${line.padEnd(width)}  │`), `╰${border}╯`, ""].join("\n");
}

function handleSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (state.stopping) {
        // A second Ctrl-C: the user is impatient, so do not wait for Next.js any longer.
        state.child?.kill("SIGKILL");
        return;
      }
      console.log("");
      void shutdown(0, `Received ${signal}, stopping …`);
    });
  }
}

/** The single exit path: Next.js first (it holds database connections), then the database. */
function shutdown(code: number, reason?: string): Promise<never> {
  state.stopping ??= (async () => {
    if (reason) log(reason);
    await stopChild(state.child);
    if (state.database) {
      log("Stopping the embedded PostgreSQL …");
      await state.database.stop().catch((error: unknown) => log(`Could not stop the database cleanly: ${String(error)}`));
    }
    process.exit(code);
  })();
  return state.stopping;
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A terminal's Ctrl-C already reached Next.js (same process group); SIGTERM covers `kill <pid>`.
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), NEXT_STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** A failure already explained in words (no stack trace needed), with the exit code to leave with. */
class LaunchError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

main().catch((error: unknown) => {
  // Failures caused by our own shutdown (a Ctrl-C during migrations) are not worth reporting.
  if (state.stopping) return;
  console.error(`\n[andon] ✗ ${describeError(error)}`);
  if (!(error instanceof LaunchError)) {
    if (process.env.ANDON_DEBUG && error instanceof Error) console.error(error.stack);
    else console.error("[andon]   (set ANDON_DEBUG=1 for the stack trace)");
  }
  void shutdown(error instanceof LaunchError ? error.exitCode : 1);
});
