/**
 * `npm start` / `npm run dev`: one command from a fresh checkout to a running Andon.
 *
 * Database: DATABASE_URL when set, otherwise an embedded PostgreSQL kept in .data/postgres. Then
 * migrations, the demo seed (see launcher/seed-policy.ts: the embedded default, or DATABASE_URL with
 * --demo; empty databases only), a persistent auth secret, a production build when the sources
 * changed, and Andon's server (scripts/server: graceful shutdown, JSON logs) or `next dev` with
 * --dev. Ctrl-C stops the server first and the database last, and exits 0.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

import { startEmbeddedPostgres, type EmbeddedPostgresServer } from "./db/embedded";
import { databaseUrlFor, redactPassword } from "./db/database-url";
import { applyMigrations, ensureDatabase } from "./db/migrations";
import { EMBEDDED_APP_DATABASE, EMBEDDED_DATA_DIR } from "./db/target";
import { ConfigurationError, shutdownTimeoutSeconds } from "../lib/env";
import { resolveAuthSecret, resolveEncryptionKey } from "./launcher/auth-secret";
import { staleBuildReason } from "./launcher/build";
import { LaunchError, describeError } from "./launcher/errors";
import { assertPortFree, canConnect, parsePort } from "./launcher/ports";
import { readyBox } from "./launcher/ready-box";
import { seedDecision, seedDemoOnce } from "./launcher/seed-policy";

// npm runs scripts from the package root, so the working directory is the checkout.
const ROOT = process.cwd();
// Next.js would try to send anonymous telemetry; self-hosted installs (and CI) have no business
// phoning home, and on closed networks the attempt only costs time.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const DATA_DIR = path.join(ROOT, ".data");

interface LauncherState {
  child?: ChildProcess;
  database?: EmbeddedPostgresServer;
  stopping?: Promise<never>;
  /** The server's own deadline (SHUTDOWN_TIMEOUT_SECONDS) plus a margin before we force it. */
  serverStopGraceMs: number;
}

const state: LauncherState = { serverStopGraceMs: 30_000 };

function log(line: string): void {
  console.log(`[andon] ${line}`);
}

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const port = parsePort(process.env.PORT);
  state.serverStopGraceMs = (launchSetting(shutdownTimeoutSeconds) + 5) * 1000;
  handleSignals();

  await assertPortFree(port);
  const database = await prepareDatabase();
  await applyMigrations(database.url, { log: (line) => log(line) });
  const logins = await seedDemoWhenWanted(database.url);

  const appUrl = `http://localhost:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: resolveAuthSecret(DATA_DIR, log),
    ANDON_ENCRYPTION_KEY: resolveEncryptionKey(DATA_DIR, log),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL?.trim() || appUrl,
    PORT: String(port),
  };

  if (!dev) await buildWhenStale(serverEnv);
  const server = runServer(dev, port, serverEnv);
  if (await waitUntilListening(port, server)) {
    console.log(readyBox({ appUrl, mode: dev ? "development" : "production", database: database.description, logins }));
  }
}

async function prepareDatabase(): Promise<{ url: string; description: string }> {
  const configured = process.env.DATABASE_URL?.trim();
  if (configured) {
    await withDatabaseHint(configured, () => ensureDatabase(configured));
    return { url: configured, description: `DATABASE_URL (${redactPassword(configured)})` };
  }
  state.database = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, log: (line) => log(line) });
  const url = databaseUrlFor(state.database.url, EMBEDDED_APP_DATABASE);
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

async function seedDemoWhenWanted(databaseUrl: string): Promise<{ email: string; password: string; role: string }[]> {
  const decision = seedDecision({
    usesDatabaseUrl: Boolean(process.env.DATABASE_URL?.trim()),
    demoFlag: process.argv.includes("--demo"),
    nodeEnv: process.env.NODE_ENV,
    allowDemoSeedInProduction: process.env.ANDON_ALLOW_DEMO_SEED === "true",
  });
  if (!decision.seed) {
    log(decision.reason);
    return [];
  }
  const { seeded, logins } = await seedDemoOnce(databaseUrl);
  log(seeded ? "Seeded the demo organization." : "The database already has data; demo seed skipped.");
  return logins;
}

async function buildWhenStale(env: NodeJS.ProcessEnv): Promise<void> {
  const reason = staleBuildReason(ROOT);
  if (!reason) return;
  log(`Building the production bundle (${reason}) …`);
  const code = await runToCompletion(nextBin(), ["build"], env);
  if (code !== 0) throw new LaunchError(`next build failed (exit code ${code}).`, code);
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

/** Production: Andon's own server entry (graceful shutdown, JSON logs); development: `next dev`. */
function runServer(dev: boolean, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  assertNotStopping();
  const args = dev ? [nextBin(), "dev", "-p", String(port)] : ["--import", "tsx", path.join(ROOT, "scripts", "server", "index.ts")];
  const child = spawn(process.execPath, args, { stdio: "inherit", env });
  state.child = child;
  child.once("error", (error) => void shutdown(1, `Could not start the server: ${error.message}`));
  child.once("exit", (code, signal) => {
    const exitCode = exitCodeOf(code, signal);
    // During our own shutdown the exit is expected; otherwise the server died and we follow it.
    if (!state.stopping) void shutdown(exitCode, `The server exited (${signal ?? `code ${code}`}).`);
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

/** A setting from lib/env.ts; a bad value stops the launch with its message, no stack trace. */
function launchSetting<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigurationError) throw new LaunchError(error.message);
    throw error;
  }
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A terminal's Ctrl-C already reached Next.js (same process group); SIGTERM covers `kill <pid>`.
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), state.serverStopGraceMs);
  await exited;
  clearTimeout(timer);
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
