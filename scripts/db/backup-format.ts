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
import { createReadStream } from "node:fs";
import readline from "node:readline";
import { createGunzip } from "node:zlib";

import pg from "pg";

export const BACKUP_FORMAT = "andon-backup";
export const BACKUP_VERSION = 1;
export const MIGRATIONS_TABLE = "_prisma_migrations";

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  postgres: string;
  schema: string;
  migrations: string[];
}

export interface TableHeader {
  table: string;
  columns: string[];
  rows: number;
}

export interface PgBossState {
  queues: Record<string, unknown>[];
  schedules: { name: string; cron: string; timezone: string | null; data: object | null; options: object | null }[];
}

/** Ordinary and partitioned tables of the schema (partitions are read through their parent). */
export async function listTables(client: pg.ClientBase, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $2
      ORDER BY c.relname`,
    [schema, MIGRATIONS_TABLE],
  );
  return rows.map((row) => row.relname);
}

/** Columns a restore writes: every live column except generated ones (PostgreSQL computes those). */
export async function insertableColumns(client: pg.ClientBase, schema: string, table: string): Promise<string[]> {
  const { rows } = await client.query<{ attname: string }>(
    `SELECT a.attname FROM pg_attribute a
      WHERE a.attrelid = (quote_ident($1) || '.' || quote_ident($2))::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [schema, table],
  );
  return rows.map((row) => row.attname);
}

/** Reads a backup file line by line: its manifest first, then the sections in order. */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield line;
}

export async function readManifest(file: string): Promise<BackupManifest> {
  for await (const line of readBackupLines(file)) return parseManifest(line);
  throw new Error(`${file} is empty.`);
}

export function parseManifest(line: string): BackupManifest {
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
