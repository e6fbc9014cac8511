/** Writes a backup in the format described in ./backup-format.ts; restoring is ./backup-restore.ts. */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { createGzip } from "node:zlib";

import pg from "pg";

import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  insertableColumns,
  listTables,
  MIGRATIONS_TABLE,
  type BackupManifest,
  type PgBossState,
  type TableHeader,
} from "./backup-format";
import { parseDatabaseUrl } from "./migrations";

const FETCH_ROWS = 500;

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

/** What of pg-boss matters after a restore: its queues and cron schedules (jobs in flight do not). */
async function readPgBoss(client: pg.Client): Promise<PgBossState> {
  const exists = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'pgboss' AND tablename IN ('queue', 'schedule')");
  if (exists.rowCount !== 2) return { queues: [], schedules: [] };
  const queues = await client.query<Record<string, unknown>>("SELECT * FROM pgboss.queue ORDER BY name");
  const schedules = await client.query<PgBossState["schedules"][number]>("SELECT name, cron, timezone, data, options FROM pgboss.schedule ORDER BY name");
  return { queues: queues.rows, schedules: schedules.rows };
}

export { readManifest } from "./backup-format";
export { restoreBackup } from "./backup-restore";
