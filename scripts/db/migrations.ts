// Applies the migrations in prisma/migrations and keeps Prisma Migrate's own bookkeeping in
// `_prisma_migrations`, row for row as `prisma migrate deploy` writes it, so that the native
// `prisma migrate deploy` / `migrate status` keep working on databases we migrated (and we on
// theirs). We need our own applier only because Prisma's native schema engine cannot be
// downloaded here (see /work/shared/STACK.md).
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";
import { parseDatabaseUrl } from "./ensure-database";

export const SCHEMA_FILE = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
export const MIGRATION_LOCK_FILE = "migration_lock.toml";
/** A copy of schema.prisma as it was when the newest migration was generated (see new-migration.ts). */
export const SCHEMA_SNAPSHOT_FILE = path.join(MIGRATIONS_DIR, ".schema-at-last-migration.prisma");

// Prisma Migrate's lock key. Taking the same one also keeps us and a native `prisma migrate deploy`
// from applying at the same time.
const MIGRATE_ADVISORY_LOCK_KEY = 72707369;
// Long, because the holder may be running a slow migration (an index on a big table) at start-up.
const LOCK_WAIT_TIMEOUT = "10min";

// Verbatim the DDL prisma-engines runs for PostgreSQL (sql-schema-connector, postgres flavour).
const CREATE_MIGRATIONS_TABLE_SQL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export interface MigrationFile {
  /** The folder name, `<YYYYMMDDHHMMSS>_<name>`; also the `migration_name` Prisma records. */
  name: string;
  script: string;
}

interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export interface ApplyMigrationsOptions {
  log?: (line: string) => void;
  /** Defaults to this checkout's prisma/migrations. */
  migrationsDir?: string;
  /** Apply only pending migrations with these names (a restore replays the backup's own set first). */
  only?: ReadonlySet<string>;
}

/** sha256 of the file's exact bytes, lowercase hex: what Prisma stores in `checksum`. */
function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

// Prisma accepts a checksum computed with either line ending (git may convert them on checkout)
// and, for rows written by old engines, hex bytes without zero padding.
function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, "\n"), script.replace(/\r?\n/g, "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    const unpadded = [...digest].map((byte) => byte.toString(16)).join("");
    return digest.toString("hex") === checksum || unpadded === checksum;
  });
}

/** Every migration folder's script, in name (= timestamp) order, as Prisma orders them. */
export async function readMigrations(migrationsDir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  await assertLockFileProvider(migrationsDir);
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  names.sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const script = await readFile(file, "utf8").catch(() => {
        throw new Error(`Migration folder ${name} has no readable migration.sql (${file}).`);
      });
      return { name, script };
    }),
  );
}

async function assertLockFileProvider(migrationsDir: string): Promise<void> {
  const lockFile = await readFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), "utf8").catch(() => null);
  const provider = lockFile?.match(/^\s*provider\s*=\s*"([^"]*)"/m)?.[1];
  if (provider !== undefined && provider !== "postgresql") {
    throw new Error(`${MIGRATION_LOCK_FILE} says these migrations are for "${provider}", not PostgreSQL.`);
  }
}

async function selectSchema(client: pg.Client, schema: string): Promise<void> {
  const { rowCount } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
  if (rowCount === 0) await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
}

async function acquireMigrateLock(client: pg.Client, log: (line: string) => void): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATE_ADVISORY_LOCK_KEY]);
  if (rows[0]?.locked) return;
  log("Another process is applying migrations to this database; waiting for it to finish…");
  await client.query(`SET lock_timeout = '${LOCK_WAIT_TIMEOUT}'`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_ADVISORY_LOCK_KEY]);
  } catch (error) {
    if ((error as { code?: string }).code !== "55P03") throw error; // 55P03: lock_not_available
    throw new Error(`Gave up after ${LOCK_WAIT_TIMEOUT} waiting for another process to finish migrating.`);
  } finally {
    await client.query("RESET lock_timeout");
  }
}

async function ensureMigrationsTable(client: pg.Client, schema: string): Promise<void> {
  const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", [schema]);
  const tables = rows.map((row) => row.tablename);
  if (tables.includes("_prisma_migrations")) return;
  // Prisma refuses this too (P3005): these tables came from somewhere else, and running the first
  // migration over them would fail halfway or, worse, half-succeed.
  if (tables.length > 0) {
    throw new Error(
      `Schema "${schema}" already has tables (${tables.slice(0, 5).join(", ")}…) but no migration history. ` +
        "Migrate an empty database, or baseline this one first: https://pris.ly/d/migrate-baseline",
    );
  }
  await client.query(CREATE_MIGRATIONS_TABLE_SQL);
}

async function readMigrationRecords(client: pg.Client): Promise<MigrationRecord[]> {
  const { rows } = await client.query<MigrationRecord>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, logs
       FROM _prisma_migrations ORDER BY started_at`,
  );
  return rows;
}

function markRolledBackHint(name: string): string {
  return (
    `npx prisma migrate resolve --rolled-back "${name}", or: UPDATE _prisma_migrations ` +
    `SET rolled_back_at = now() WHERE migration_name = '${name}' AND finished_at IS NULL;`
  );
}

// The same refusals as Prisma: a failed migration needs a human, and a script edited after it ran
// means this database no longer matches what the files describe.
function pendingMigrations(migrations: MigrationFile[], records: MigrationRecord[], log: (line: string) => void): MigrationFile[] {
  const failed = records.filter((record) => record.finished_at === null && record.rolled_back_at === null);
  if (failed.length > 0) {
    const details = failed.map((record) => `  ${record.migration_name}: ${record.logs ?? "(no log)"}`);
    throw new Error(
      `Refusing to migrate: a previous migration failed.\n${details.join("\n")}\n` +
        `Check the database, fix the migration, then mark the attempt rolled back: ${markRolledBackHint(failed[0]!.migration_name)}`,
    );
  }
  const applied = records.filter((record) => record.finished_at !== null && record.rolled_back_at === null);
  const scripts = new Map(migrations.map((migration) => [migration.name, migration.script]));
  const edited = applied.filter((record) => {
    const script = scripts.get(record.migration_name);
    return script !== undefined && !scriptMatchesChecksum(script, record.checksum);
  });
  if (edited.length > 0) {
    throw new Error(
      `Refusing to migrate: these migrations were modified after they were applied: ` +
        `${edited.map((record) => record.migration_name).join(", ")}. ` +
        "Restore their migration.sql and put the change in a new migration (npm run db:migration:new).",
    );
  }
  const unknown = applied.filter((record) => !scripts.has(record.migration_name));
  if (unknown.length > 0) {
    log(`Warning: applied but not in this checkout: ${unknown.map((record) => record.migration_name).join(", ")}`);
  }
  const appliedNames = new Set(applied.map((record) => record.migration_name));
  return migrations.filter((migration) => !appliedNames.has(migration.name));
}

// Prisma writes some scripts with their own BEGIN/COMMIT (e.g. recreating an enum). Wrapping those
// in our transaction would let their COMMIT end ours early, so they run as Prisma runs every
// script: as one multi-statement query.
function managesOwnTransaction(script: string): boolean {
  const code = script
    .replace(/--[^\n]*/g, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g, "")
    .replace(/'(?:[^']|'')*'/g, "''");
  return code.split(";").some((statement) => /^(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\b/i.test(statement.trim()));
}

function failureLogs(error: unknown): string {
  const dbError = error as Partial<pg.DatabaseError>;
  if (!dbError.code) return String(error);
  const extra = [dbError.detail && `DETAIL: ${dbError.detail}`, dbError.hint && `HINT: ${dbError.hint}`];
  const lines = [`Database error code: ${dbError.code}`, "", "Database error:", `ERROR: ${dbError.message}`];
  return [...lines, ...extra.filter((line): line is string => Boolean(line))].join("\n");
}

async function insertMigrationRecord(client: pg.Client, id: string, migration: MigrationFile, startedAt: Date, logs: string | null = null): Promise<void> {
  await client.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, logs) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    migrationChecksum(migration.script),
    migration.name,
    startedAt,
    logs,
  ]);
}

async function markMigrationFinished(client: pg.Client, id: string): Promise<void> {
  await client.query(
    `UPDATE _prisma_migrations
        SET applied_steps_count = applied_steps_count + 1, finished_at = $2
      WHERE id = $1`,
    [id, new Date()],
  );
}

// Script and bookkeeping commit together: a crash mid-way leaves neither, and the next start
// simply applies the migration again.
async function applyInTransaction(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  const startedAt = new Date();
  try {
    await client.query("BEGIN");
    await insertMigrationRecord(client, id, migration, startedAt);
    await client.query(migration.script);
    await markMigrationFinished(client, id);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    // Recorded as failed, as Prisma records it, so the next run stops until someone looks. If even
    // that fails (connection lost), nothing is recorded and the next run simply retries.
    await insertMigrationRecord(client, id, migration, startedAt, failureLogs(error)).catch(() => {});
    throw new Error(
      `Migration ${migration.name} failed and was rolled back; nothing of it was applied.\n${failureLogs(error)}\n` +
        `Fix its migration.sql, then: ${markRolledBackHint(migration.name)}`,
    );
  }
}

async function applyAsPrismaDoes(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await insertMigrationRecord(client, id, migration, new Date());
  try {
    await client.query(migration.script);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    await client.query("UPDATE _prisma_migrations SET logs = $2 WHERE id = $1", [id, failureLogs(error)]);
    throw new Error(
      `Migration ${migration.name} failed. It manages its own transactions, so part of it may be applied: ` +
        `check the database.\n${failureLogs(error)}\nThen: ${markRolledBackHint(migration.name)}`,
    );
  }
  await markMigrationFinished(client, id);
}

/**
 * Applies every migration this database has not applied yet, each in its own transaction, in name
 * order. Safe to call from several app instances at once: they queue on an advisory lock.
 */
export async function applyMigrations(databaseUrl: string, opts: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrations = await readMigrations(opts.migrationsDir ?? MIGRATIONS_DIR);
  const target = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await acquireMigrateLock(client, log);
    // Everything below runs under the lock: another instance may have migrated while we waited.
    await selectSchema(client, target.schema);
    await ensureMigrationsTable(client, target.schema);
    const pending = pendingMigrations(migrations, await readMigrationRecords(client), log).filter((migration) => !opts.only || opts.only.has(migration.name));
    const applied: string[] = [];
    for (const migration of pending) {
      log(`Applying migration ${migration.name}`);
      if (managesOwnTransaction(migration.script)) await applyAsPrismaDoes(client, migration);
      else await applyInTransaction(client, migration);
      applied.push(migration.name);
    }
    log(applied.length === 0 ? "No pending migrations." : `Applied ${applied.length} migration(s).`);
    return { applied };
  } finally {
    // Ending the session releases the advisory lock.
    await client.end();
  }
}

export { ensureDatabase, parseDatabaseUrl } from "./ensure-database";
