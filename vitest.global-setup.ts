/**
 * Gives each Vitest project of a `vitest run` a database of its own (vitest.config.ts: most files
 * share one; those that scan the whole database get another): created on the test server,
 * migrated, handed to the test files via `inject("databaseUrl")` (vitest.setup.ts makes it their
 * DATABASE_URL), dropped at the end. Files share it, so each test makes its own uniquely named data.
 */
import { randomBytes } from "node:crypto";

import pg from "pg";
import type {} from "vitest"; // brings the module into scope for the augmentation below
import type { TestProject } from "vitest/node";

import { applyMigrations } from "./scripts/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** Set by the project whose files share their worker's modules (vitest.config.ts). */
    sharedModules?: boolean;
  }
}

const FALLBACK_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim() || FALLBACK_SERVER_URL;
  const database = `andon_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const databaseUrl = databaseUrlFor(serverUrl, database);

  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`));
  try {
    await applyMigrations(databaseUrl);
  } catch (error) {
    await dropDatabase(serverUrl, database);
    throw error;
  }

  // Workers are spawned after global setup with a copy of this process's environment, so server
  // modules that read DATABASE_URL at import time see the test database.
  process.env.DATABASE_URL = databaseUrl;
  project.provide("databaseUrl", databaseUrl);
  return () => dropDatabase(serverUrl, database);
}

async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  // FORCE: a test that forgot to disconnect must not leave the database behind.
  await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`));
}

/** Connects to the URL's own database, or to `postgres` when that one does not exist yet. */
async function withAdminClient(serverUrl: string, action: (client: pg.Client) => Promise<unknown>): Promise<void> {
  let client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as { code?: string }).code !== "3D000") throw unreachable(serverUrl, error);
    client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, "postgres"), connectionTimeoutMillis: 5_000 });
    await client.connect().catch((retryError: unknown) => {
      throw unreachable(serverUrl, retryError);
    });
  }
  try {
    await action(client);
  } finally {
    await client.end();
  }
}

function unreachable(serverUrl: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message || (error as { code?: string }).code : String(error);
  const shown = serverUrl.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
  return new Error(
    `Vitest needs a PostgreSQL server for its test database and cannot reach ${shown} (${reason}). ` +
      `Set TEST_DATABASE_URL, or run \`npm test -- --only unit\`, which starts an embedded PostgreSQL.`,
  );
}

function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
