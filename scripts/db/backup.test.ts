// Backup → restore round trip: the demo seed is backed up, restored into a fresh database, and every
// table comes back row for row (images byte for byte), sequences continue, no migration is
// pending, and the job queue's schedules are there.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";

import { seedDemo } from "../../prisma/seed";
import { readManifest, restoreBackup, writeBackup } from "./backup-archive";
import { databaseUrlFor, dropDatabase } from "./database-url";
import { applyMigrations, ensureDatabase } from "./migrations";

const SERVER_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const databases: string[] = [];
let workDir: string | undefined;

afterAll(async () => {
  for (const name of databases) await dropDatabase(SERVER_URL, name);
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 60_000);

async function freshDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  databases.push(name);
  const url = databaseUrlFor(SERVER_URL, name);
  await ensureDatabase(url);
  return url;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table's rows as one digest, in a stable order: equal digests mean equal contents. */
async function tableDigests(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ relname: string }>(
      "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY relname",
    );
    const digests: Record<string, { rows: number; digest: string }> = {};
    for (const { relname } of tables.rows) {
      const table = pg.escapeIdentifier(relname);
      const { rows } = await client.query<{ n: string; digest: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text)) AS digest FROM ${table} t`,
      );
      digests[relname] = { rows: Number(rows[0]!.n), digest: rows[0]!.digest ?? "" };
    }
    return digests;
  });
}

describe("backup and restore", () => {
  it("restores the demo organization into a fresh database exactly", async () => {
    const source = await freshDatabase("andon_backup_src");
    await applyMigrations(source);
    await seedDemo(source);
    // The job queue's state that matters: a queue and its cron schedule.
    const boss = new PgBoss({ connectionString: source, schema: "pgboss", max: 2, supervise: false, schedule: false });
    boss.on("error", () => undefined);
    await boss.start();
    await boss.createQueue("backup-test-queue", { name: "backup-test-queue", policy: "singleton", retryLimit: 2 });
    await boss.schedule("backup-test-queue", "*/15 * * * *", { from: "backup test" }, { tz: "UTC" });
    await boss.stop({ graceful: false, wait: true });

    workDir = await mkdtemp(path.join(os.tmpdir(), "andon-backup-"));
    const file = path.join(workDir, "andon.andon-backup.gz");
    const summary = await writeBackup(source, file);
    expect(summary.rows).toBeGreaterThan(100);
    const manifest = await readManifest(file);
    expect(manifest).toMatchObject({ format: "andon-backup", version: 1 });
    expect(manifest.migrations.length).toBeGreaterThan(0);

    const target = await freshDatabase("andon_backup_dst");
    const restored = await restoreBackup(target, file);
    expect(restored).toMatchObject({ tables: summary.tables, rows: summary.rows, migrationsAfter: [] });

    const [before, after] = await Promise.all([tableDigests(source), tableDigests(target)]);
    expect(after).toEqual(before);
    for (const table of ["coes", "coe_revisions", "coe_attachments", "corrective_actions", "metric_values", "weekly_reviews"]) {
      expect(after[table]?.rows, table).toBeGreaterThan(0);
    }
    // Images: the bytes themselves, not only their row text.
    const images = async (url: string) =>
      withClient(url, async (client) => (await client.query<{ id: string; data: Buffer }>("SELECT id, data FROM coe_attachments ORDER BY id")).rows);
    const [sourceImages, targetImages] = await Promise.all([images(source), images(target)]);
    expect(targetImages.map((image) => image.data.equals(sourceImages.find((other) => other.id === image.id)!.data))).not.toContain(false);

    // Nothing pending, and new rows get fresh ids after the restored ones.
    expect((await applyMigrations(target)).applied).toEqual([]);
    await withClient(target, async (client) => {
      const { rows } = await client.query<{ ok: boolean }>(
        "SELECT nextval(pg_get_serial_sequence('audit_events', 'id')) > (SELECT COALESCE(max(id), 0) FROM audit_events) AS ok",
      );
      expect(rows[0]!.ok).toBe(true);
      const schedules = await client.query("SELECT name, cron, data FROM pgboss.schedule WHERE name = 'backup-test-queue'");
      expect(schedules.rows).toEqual([{ name: "backup-test-queue", cron: "*/15 * * * *", data: { from: "backup test" } }]);
    });

    // A restore never writes over data.
    await expect(restoreBackup(target, file)).rejects.toThrow(/not empty/);
  }, 120_000);

  it("refuses a truncated backup and leaves the database empty", async () => {
    // The first test's backup, re-compressed without its last line (the end marker).
    const file = path.join(workDir!, "andon.andon-backup.gz");
    const { execFileSync } = await import("node:child_process");
    execFileSync("sh", ["-c", `gunzip -c '${file}' | sed '$d' | gzip > '${file}.cut'`]);
    const target = await freshDatabase("andon_backup_cut");
    await expect(restoreBackup(target, `${file}.cut`)).rejects.toThrow(/truncated/);
    const count = await withClient(target, async (client) => (await client.query<{ n: string }>("SELECT count(*) AS n FROM coes")).rows[0]!.n);
    expect(count).toBe("0");
  }, 120_000);
});
