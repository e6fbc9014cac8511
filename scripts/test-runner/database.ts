/**
 * The PostgreSQL server `npm test` uses: TEST_DATABASE_URL, else DATABASE_URL, else an embedded
 * PostgreSQL in .data/test-postgres (never the development one). What it creates there — the
 * end-to-end database, the embedded server — it removes on the way out (releaseDatabases).
 */
import path from "node:path";

import pg from "pg";

import { seedDemo } from "../../prisma/seed";
import { startEmbeddedPostgres } from "../db/embedded";
import { databaseUrlFor, redactPassword } from "../db/database-url";
import { applyMigrations, ensureDatabase } from "../db/migrations";
import { StepFailure } from "./children";
import { describeError } from "./report";

const TEST_DATA_DIR = path.join(process.cwd(), ".data", "test-postgres");
// One above the development cluster's default, so both can run side by side without port hunting.
const TEST_EMBEDDED_PORT = 54330;

const log = (line: string) => console.log(`  ${line}`);

/** Undone newest first: the databases on the server, then the embedded server itself. */
const cleanups: (() => Promise<void>)[] = [];

export async function releaseDatabases(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    await cleanup?.().catch((error: unknown) => console.error(`  cleanup failed: ${describeError(error)}`));
  }
}

/** The server's URL, started or checked once per run. */
let testServer: Promise<string> | undefined;
export function testServerUrl(): Promise<string> {
  testServer ??= (async () => {
    const configured = process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim();
    if (configured) {
      await assertReachable(configured);
      return configured;
    }
    const server = await startEmbeddedPostgres({ dataDir: TEST_DATA_DIR, port: TEST_EMBEDDED_PORT, relaxedDurability: true, log });
    cleanups.unshift(() => server.stop()); // stopped last, after the databases on it are dropped
    await dropLeftoverDatabases(server.url);
    return server.url;
  })();
  return testServer;
}

/** A fresh, migrated and seeded `andon_e2e_<timestamp>` database, dropped on the way out. */
export async function freshEndToEndDatabase(): Promise<string> {
  const serverUrl = await testServerUrl();
  const database = `andon_e2e_${Date.now()}`;
  const databaseUrl = databaseUrlFor(serverUrl, database);
  await ensureDatabase(databaseUrl);
  cleanups.push(() => dropDatabase(serverUrl, database));
  log(`database ${database}`);
  await applyMigrations(databaseUrl, { log });
  await seedDemo(databaseUrl);
  return databaseUrl;
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
      log(`dropped ${datname}, left over from an interrupted run`);
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
    log(`dropped ${database}`);
  } catch (error) {
    console.error(`  could not drop ${database}: ${describeError(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
