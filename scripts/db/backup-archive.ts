/**
 * Andon's own logical backup format, version 1 ("andon-backup"). Written by Andon itself because
 * the embedded PostgreSQL ships no pg_dump and a system pg_dump refuses a newer server; the format
 * needs nothing but a connection, and restores into an empty database on any PostgreSQL that
 * Andon's migrations support.
 *
 * A backup is one gzip'd file of newline-delimited JSON:
 *   line 1      {"format":"andon-backup","version":1,"createdAt":…,"postgres":…,"schema":…,"migrations":[…]}
 *   per table   {"table":"coes","columns":["id",…],"rows":N}   then N lines, one row each, as
 *               PostgreSQL's row_to_json wrote it (bytea as "\x…" hex, timestamps ISO 8601, numbers
 *               exact: the lines are never parsed by JavaScript, only by PostgreSQL on restore)
 *   then        {"pgboss":{"queues":[…],"schedules":[…]}}   the job queue's queues and schedules
 *   last line   {"end":true,"tables":T,"rows":R}             a truncated file is refused
 *
 * Tables are read from the catalog, so tables added by later migrations are included without
 * changing this file. The dump runs in one REPEATABLE READ transaction: a consistent snapshot
 * while the app keeps serving. Restore replays the backup's migrations into an empty database,
 * loads every table in one transaction (foreign keys checked at commit, user triggers off while
 * loading), resets sequences, then applies any newer migrations of this checkout.
 */
import { createReadStream, createWriteStream } from "node:fs";
import readline from "node:readline";
import { once } from "node:events";
import { createGunzip, createGzip } from "node:zlib";

import pg from "pg";
import PgBoss from "pg-boss";

import { applyMigrations, parseDatabaseUrl, readMigrations } from "./migrations";

const BACKUP_FORMAT = "andon-backup";
const BACKUP_VERSION = 1;
const MIGRATIONS_TABLE = "_prisma_migrations";
const FETCH_ROWS = 500;
// Rows per INSERT on restore, and a byte cap so a batch of large images stays a sane parameter size.
const INSERT_ROWS = 500;
const INSERT_BYTES = 8 * 1024 * 1024;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  postgres: string;
  schema: string;
  migrations: string[];
}

interface TableHeader {
  table: string;
  columns: string[];
  rows: number;
}

interface PgBossState {
  queues: Record<string, unknown>[];
  schedules: { name: string; cron: string; timezone: string | null; data: object | null; options: object | null }[];
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  migrations: number;
  schedules: number;
}

/** Writes a backup of the database `databaseUrl` names to `file`. */
export async function writeBackup(databaseUrl: string, file: string, log: (line: string) => void = () => undefined): Promise<BackupSummary> {
  const target = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: target.connectionString, application_name: "andon-backup" });
  await client.connect();
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  const finished = once(out, "finish");
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      postgres: (await client.query<{ v: string }>("SHOW server_version")).rows[0]!.v,
      schema: target.schema,
      migrations: await appliedMigrations(client, target.schema),
    };
    await write(JSON.stringify(manifest));
    let rows = 0;
    const tables = await listTables(client, target.schema);
    for (const table of tables) {
      const columns = await insertableColumns(client, target.schema, table);
      const qualified = `${pg.escapeIdentifier(target.schema)}.${pg.escapeIdentifier(table)}`;
      const count = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${qualified}`)).rows[0]!.n);
      await write(JSON.stringify({ table, columns, rows: count } satisfies TableHeader));
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${qualified} t`);
      let written = 0;
      for (;;) {
        const batch = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
        for (const row of batch.rows) await write(row.j);
        written += batch.rows.length;
        if (batch.rows.length < FETCH_ROWS) break;
      }
      await client.query("CLOSE backup_rows");
      // Same snapshot, so the count cannot differ; checked because a mismatch would be silent loss.
      if (written !== count) throw new Error(`Table ${table}: counted ${count} rows but read ${written}.`);
      rows += written;
      log(`  ${table}: ${written} rows`);
    }
    const pgboss = await readPgBoss(client);
    await write(JSON.stringify({ pgboss }));
    await write(JSON.stringify({ end: true, tables: tables.length, rows }));
    await client.query("COMMIT");
    gzip.end();
    await finished;
    return { file, tables: tables.length, rows, migrations: manifest.migrations.length, schedules: pgboss.schedules.length };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function appliedMigrations(client: pg.Client, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM ${pg.escapeIdentifier(schema)}.${MIGRATIONS_TABLE}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

/** Ordinary and partitioned tables of the schema (partitions are read through their parent). */
async function listTables(client: pg.ClientBase, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $2
      ORDER BY c.relname`,
    [schema, MIGRATIONS_TABLE],
  );
  return rows.map((row) => row.relname);
}

/** Columns a restore writes: every live column except generated ones (PostgreSQL computes those). */
async function insertableColumns(client: pg.ClientBase, schema: string, table: string): Promise<string[]> {
  const { rows } = await client.query<{ attname: string }>(
    `SELECT a.attname FROM pg_attribute a
      WHERE a.attrelid = (quote_ident($1) || '.' || quote_ident($2))::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [schema, table],
  );
  return rows.map((row) => row.attname);
}

/** What of pg-boss matters after a restore: its queues and cron schedules (jobs in flight do not). */
async function readPgBoss(client: pg.Client): Promise<PgBossState> {
  const exists = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'pgboss' AND tablename IN ('queue', 'schedule')");
  if (exists.rowCount !== 2) return { queues: [], schedules: [] };
  const queues = await client.query<Record<string, unknown>>("SELECT * FROM pgboss.queue ORDER BY name");
  const schedules = await client.query<PgBossState["schedules"][number]>("SELECT name, cron, timezone, data, options FROM pgboss.schedule ORDER BY name");
  return { queues: queues.rows, schedules: schedules.rows };
}

/** Reads a backup file line by line: its manifest first, then the sections in order. */
async function* readBackupLines(file: string): AsyncGenerator<string> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield line;
}

export async function readManifest(file: string): Promise<BackupManifest> {
  for await (const line of readBackupLines(file)) return parseManifest(line);
  throw new Error(`${file} is empty.`);
}

function parseManifest(line: string): BackupManifest {
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(line) as Partial<BackupManifest>;
  } catch {
    throw new Error("This is not an Andon backup (the first line is not JSON).");
  }
  if (manifest.format !== BACKUP_FORMAT) throw new Error("This is not an Andon backup (no andon-backup manifest).");
  if (manifest.version !== BACKUP_VERSION) {
    throw new Error(
      `This backup uses format version ${manifest.version}; this Andon reads version ${BACKUP_VERSION}. Restore it with the Andon release that made it.`,
    );
  }
  return manifest as BackupManifest;
}

export interface RestoreOptions {
  log?: (line: string) => void;
  /** Used by tests and the CLI: defaults to this checkout's prisma/migrations. */
  migrationsDir?: string;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  migrationsReplayed: number;
  migrationsAfter: string[];
  schedules: number;
}

/**
 * Restores `file` into the database `databaseUrl` names, which must have no tables in its schema
 * (a new database: the caller creates it). Everything is loaded in one transaction.
 */
export async function restoreBackup(databaseUrl: string, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const log = options.log ?? (() => undefined);
  const target = parseDatabaseUrl(databaseUrl);
  const manifest = await readManifest(file);
  const known = new Set((await readMigrations(options.migrationsDir)).map((migration) => migration.name));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`This backup was made by a newer Andon (migrations this checkout does not have: ${unknown.join(", ")}). Upgrade Andon, then restore.`);
  }
  await assertEmpty(target);

  log(`Replaying the backup's ${manifest.migrations.length} migrations …`);
  await applyMigrations(databaseUrl, { migrationsDir: options.migrationsDir, only: new Set(manifest.migrations) });
  const loaded = await loadTables(target, file, log);
  const after = await applyMigrations(databaseUrl, { migrationsDir: options.migrationsDir, log });
  const schedules = await restorePgBoss(target.connectionString, loaded.pgboss);
  return { tables: loaded.tables, rows: loaded.rows, migrationsReplayed: manifest.migrations.length, migrationsAfter: after.applied, schedules };
}

async function assertEmpty(target: ReturnType<typeof parseDatabaseUrl>): Promise<void> {
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname LIMIT 5`,
      [target.schema],
    );
    if (rows.length > 0) {
      throw new Error(
        `Database ${target.databaseName} is not empty (it has ${rows.map((row) => row.relname).join(", ")}…). ` +
          "Restore into a new database, or pass --replace to drop and recreate this one (stop Andon first).",
      );
    }
  } finally {
    await client.end();
  }
}

async function loadTables(
  target: ReturnType<typeof parseDatabaseUrl>,
  file: string,
  log: (line: string) => void,
): Promise<{ tables: number; rows: number; pgboss: PgBossState }> {
  const client = new pg.Client({ connectionString: target.connectionString, application_name: "andon-restore" });
  await client.connect();
  const schema = pg.escapeIdentifier(target.schema);
  try {
    await client.query("BEGIN");
    const tables = await listTables(client, target.schema);
    // Rows arrive table by table in name order, so references may point forward (and teams at
    // their parent teams): every foreign key is checked once, at commit. Making them deferrable
    // needs only table ownership, unlike disabling their triggers.
    const foreignKeys = await client.query<{ table: string; name: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name FROM pg_constraint c
        WHERE c.contype = 'f' AND c.connamespace = $1::regnamespace AND NOT c.condeferrable`,
      [target.schema],
    );
    for (const key of foreignKeys.rows)
      await client.query(`ALTER TABLE ${key.table} ALTER CONSTRAINT ${pg.escapeIdentifier(key.name)} DEFERRABLE INITIALLY DEFERRED`);
    await client.query("SET CONSTRAINTS ALL DEFERRED");
    // The app's own triggers (audit immutability, counters) describe live changes, not a reload.
    for (const table of tables) await client.query(`ALTER TABLE ${schema}.${pg.escapeIdentifier(table)} DISABLE TRIGGER USER`);

    let header: TableHeader | undefined;
    let batch: string[] = [];
    let batchBytes = 0;
    let loadedInTable = 0;
    let totalRows = 0;
    let tableCount = 0;
    let pgboss: PgBossState = { queues: [], schedules: [] };
    let ended = false;
    const flush = async () => {
      if (!header || batch.length === 0) return;
      const table = `${schema}.${pg.escapeIdentifier(header.table)}`;
      const columns = header.columns.map((column) => pg.escapeIdentifier(column)).join(", ");
      await client.query(`INSERT INTO ${table} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`, [
        `[${batch.join(",")}]`,
      ]);
      loadedInTable += batch.length;
      batch = [];
      batchBytes = 0;
    };
    const finishTable = async () => {
      await flush();
      if (!header) return;
      if (loadedInTable !== header.rows) throw new Error(`Table ${header.table}: the backup announces ${header.rows} rows but holds ${loadedInTable}.`);
      log(`  ${header.table}: ${loadedInTable} rows`);
      totalRows += loadedInTable;
      tableCount++;
      header = undefined;
    };

    let first = true;
    for await (const line of readBackupLines(file)) {
      if (first) {
        first = false;
        continue; // the manifest, already read
      }
      if (ended) throw new Error("The backup has data after its end marker.");
      if (header && loadedInTable + batch.length < header.rows) {
        batch.push(line);
        batchBytes += line.length;
        if (batch.length >= INSERT_ROWS || batchBytes >= INSERT_BYTES) await flush();
        continue;
      }
      await finishTable();
      const section = JSON.parse(line) as Partial<TableHeader> & { pgboss?: PgBossState; end?: boolean; tables?: number; rows?: number };
      if (section.table !== undefined) {
        if (!tables.includes(section.table)) throw new Error(`The backup has table ${section.table}, which the backup's migrations did not create.`);
        header = { table: section.table, columns: section.columns ?? [], rows: section.rows ?? 0 };
        loadedInTable = 0;
      } else if (section.pgboss) {
        pgboss = section.pgboss;
      } else if (section.end) {
        if (section.rows !== totalRows || section.tables !== tableCount) throw new Error("The backup's end marker does not match its contents.");
        ended = true;
      }
    }
    await finishTable();
    if (!ended) throw new Error("The backup file is truncated (no end marker); it cannot be restored. Use another backup.");

    await resetSequences(client, target.schema);
    // Checks every deferred foreign key now (ALTER TABLE refuses tables with pending checks), then
    // puts triggers and constraints back exactly as migrated.
    await client.query("SET CONSTRAINTS ALL IMMEDIATE");
    for (const table of tables) await client.query(`ALTER TABLE ${schema}.${pg.escapeIdentifier(table)} ENABLE TRIGGER USER`);
    for (const key of foreignKeys.rows) await client.query(`ALTER TABLE ${key.table} ALTER CONSTRAINT ${pg.escapeIdentifier(key.name)} NOT DEFERRABLE`);
    await client.query("COMMIT");
    return { tables: tableCount, rows: totalRows, pgboss };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Identity and serial columns continue after the restored rows. */
async function resetSequences(client: pg.Client, schema: string): Promise<void> {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) AS sequence
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) IS NOT NULL`,
    [schema],
  );
  for (const row of rows) {
    const table = `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(row.table)}`;
    await client.query(`SELECT setval($1::regclass, COALESCE((SELECT max(${pg.escapeIdentifier(row.column)}) FROM ${table}), 0) + 1, false)`, [row.sequence]);
  }
}

/** pg-boss creates its own schema; the backup's queues and schedules are then re-declared through it. */
async function restorePgBoss(connectionString: string, state: PgBossState): Promise<number> {
  if (state.queues.length === 0 && state.schedules.length === 0) return 0;
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 2, supervise: false, schedule: false, application_name: "andon-restore" });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    // Dead-letter queues first: a queue may name another as its dead letter.
    const queues = [...state.queues].sort((a, b) => Number(Boolean(a.dead_letter)) - Number(Boolean(b.dead_letter)));
    for (const queue of queues) {
      const name = String(queue.name);
      const options: Record<string, unknown> = {
        policy: queue.policy,
        retryLimit: queue.retry_limit,
        retryDelay: queue.retry_delay,
        retryBackoff: queue.retry_backoff,
        expireInSeconds: queue.expire_seconds,
        retentionMinutes: queue.retention_minutes,
        deadLetter: queue.dead_letter,
      };
      // pg-boss validates every key present, so unset ones are left out rather than passed as null.
      const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== null && value !== undefined));
      await boss.createQueue(name, { name, ...defined } as PgBoss.Queue);
    }
    for (const schedule of state.schedules) {
      await boss.schedule(schedule.name, schedule.cron, schedule.data ?? undefined, { ...(schedule.options ?? {}), tz: schedule.timezone ?? "UTC" });
    }
    return state.schedules.length;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
