// Proves two things against a real PostgreSQL server: the committed migrations build exactly the
// schema in prisma/schema.prisma (so editing the schema without `npm run db:migration:new` fails
// here), and the applier keeps Prisma's `_prisma_migrations` bookkeeping and refusals.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applyMigrations, ensureDatabase, MIGRATIONS_DIR, readMigrations, SCHEMA_FILE, SCHEMA_SNAPSHOT_FILE } from "./migrations";
import { diffSchemas, isEmptyMigrationScript } from "./schema-engine";

const SERVER_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

// Objects a migration creates on purpose that schema.prisma cannot express (a CHECK constraint,
// a trigger), keyed as in describeCatalog, e.g. "constraint audit_events.audit_events_no_update".
// Objects Prisma cannot express, created by hand-written migrations; each says why in its SQL.
// "column coes.search_vector": a generated column (schema.prisma declares it as a plain tsvector).
const HAND_WRITTEN_OBJECTS = new Set<string>([
  "column coes.search_vector",
  // Raises organizations.tree_version on every team write (see its migration).
  "function bump_organization_tree_version()",
  "trigger teams.teams_bump_tree_version",
  // Generated tsvector columns of the learnings library (migration *_learnings), as coes.search_vector.
  "column lessons.search_vector",
  "column best_practices.search_vector",
]);

function urlForDatabase(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  url.searchParams.delete("schema");
  return url.toString();
}

const createdDatabases: string[] = [];

async function freshDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  createdDatabases.push(name);
  await ensureDatabase(urlForDatabase(name));
  return urlForDatabase(name);
}

async function dropCreatedDatabases(): Promise<void> {
  const admin = new pg.Client({ connectionString: urlForDatabase("postgres") });
  await admin.connect();
  try {
    for (const name of createdDatabases) {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Every query yields [key, description] rows; the bookkeeping table is ours, not the schema's.
// Column order is left out on purpose: a column added by a later migration sits last in the
// table but wherever it was written in schema.prisma, and that is not drift.
const CATALOG_QUERIES = [
  `SELECT 'table ' || c.relname, c.relkind::text FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')`,
  `SELECT 'column ' || c.relname || '.' || a.attname,
          concat_ws(' ', format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN 'NOT NULL' END,
                    'DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), NULLIF(a.attidentity, ''),
                    NULLIF(a.attgenerated, ''), 'COLLATE ' || NULLIF(co.collname, 'default'))
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     LEFT JOIN pg_collation co ON co.oid = a.attcollation
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
       AND a.attnum > 0 AND NOT a.attisdropped`,
  `SELECT 'enum ' || t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
  `SELECT 'index ' || indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
  `SELECT 'constraint ' || c.relname || '.' || co.conname, pg_get_constraintdef(co.oid)
     FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid
     WHERE co.connamespace = 'public'::regnamespace`,
  `SELECT 'sequence ' || c.relname, format_type(s.seqtypid, NULL)
     FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid
     WHERE c.relnamespace = 'public'::regnamespace`,
  `SELECT 'trigger ' || c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid)
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal`,
  `SELECT 'function ' || p.oid::regprocedure::text, pg_get_functiondef(p.oid)
     FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace`,
  `SELECT 'extension ' || extname, extversion FROM pg_extension WHERE extname <> 'plpgsql'`,
];

/** A description of everything in the `public` schema, by object, to compare two databases. */
async function describeCatalog(client: pg.Client): Promise<Map<string, string>> {
  const catalog = new Map<string, string>();
  for (const query of CATALOG_QUERIES) {
    const { rows } = await client.query<string[]>({ text: query, rowMode: "array" });
    for (const [key, description] of rows) {
      if (key !== undefined && !key.includes("_prisma_migrations")) catalog.set(key, description ?? "");
    }
  }
  return catalog;
}

function catalogDifferences(fromMigrations: Map<string, string>, fromSchema: Map<string, string>): string[] {
  const keys = [...new Set([...fromMigrations.keys(), ...fromSchema.keys()])].sort();
  return keys.flatMap((key) => {
    const migrated = fromMigrations.get(key);
    const wanted = fromSchema.get(key);
    if (migrated === wanted || HAND_WRITTEN_OBJECTS.has(key)) return [];
    if (migrated === undefined) return [`${key}: in schema.prisma, missing from the migrations (${wanted})`];
    if (wanted === undefined) return [`${key}: made by the migrations, not in schema.prisma (${migrated})`];
    return [`${key}: migrations give "${migrated}", schema.prisma wants "${wanted}"`];
  });
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

async function writeMigrationsDir(scripts: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "andon-migrations-"));
  for (const [name, script] of Object.entries(scripts)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), script);
  }
  return dir;
}

afterAll(dropCreatedDatabases);

describe("prisma/migrations", () => {
  let migratedUrl: string;
  let pushedUrl: string;
  let schema: string;

  beforeAll(async () => {
    schema = await readFile(SCHEMA_FILE, "utf8");
    [migratedUrl, pushedUrl] = await Promise.all([freshDatabase("andon_drift"), freshDatabase("andon_drift")]);
    await applyMigrations(migratedUrl);
    const fullSchemaScript = await diffSchemas(null, schema, SERVER_URL);
    await withClient(pushedUrl, (client) => client.query(fullSchemaScript));
  });

  it("build exactly the schema in prisma/schema.prisma", async () => {
    const migrated = await withClient(migratedUrl, describeCatalog);
    const wanted = await withClient(pushedUrl, describeCatalog);
    expect(wanted.size).toBeGreaterThan(0);
    expect(catalogDifferences(migrated, wanted), "prisma/schema.prisma changed without a migration: run `npm run db:migration:new -- <name>`").toEqual([]);
  });

  it("are compared closely enough to catch a single extra column", async () => {
    const wanted = await withClient(pushedUrl, describeCatalog);
    const drifted = await withClient(pushedUrl, async (client) => {
      await client.query("BEGIN");
      await client.query(`ALTER TABLE "users" ADD COLUMN "drift_probe" TEXT`);
      const catalog = await describeCatalog(client);
      await client.query("ROLLBACK");
      return catalog;
    });
    expect(catalogDifferences(wanted, drifted)).toEqual(["column users.drift_probe: in schema.prisma, missing from the migrations (text)"]);
  });

  it("end at the schema snapshot that the next migration is diffed from", async () => {
    const snapshot = await readFile(SCHEMA_SNAPSHOT_FILE, "utf8");
    const script = await diffSchemas(snapshot, schema, SERVER_URL);
    expect(isEmptyMigrationScript(script), `snapshot differs from schema.prisma:\n${script}`).toBe(true);
  });

  it("apply nothing the second time", async () => {
    expect(await applyMigrations(migratedUrl)).toEqual({ applied: [] });
  });

  it("are recorded in _prisma_migrations as Prisma records them", async () => {
    const migrations = await readMigrations();
    const { rows } = await withClient(migratedUrl, (client) => client.query("SELECT * FROM _prisma_migrations ORDER BY migration_name"));
    expect(rows).toHaveLength(migrations.length);
    for (const [index, migration] of migrations.entries()) {
      const script = await readFile(path.join(MIGRATIONS_DIR, migration.name, "migration.sql"), "utf8");
      expect(rows[index]).toMatchObject({
        migration_name: migration.name,
        checksum: sha256Hex(script),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(rows[index].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(rows[index].finished_at.getTime()).toBeGreaterThanOrEqual(rows[index].started_at.getTime());
    }
  });

  it("keep the table shape Prisma creates", async () => {
    const { rows } = await withClient(migratedUrl, (client) =>
      client.query<{ column: string }>(
        `SELECT concat_ws(' ', a.attname, format_type(a.atttypid, a.atttypmod),
                          CASE WHEN a.attnotnull THEN 'NOT NULL' END, 'DEFAULT ' || pg_get_expr(d.adbin, d.adrelid)) AS column
           FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = '_prisma_migrations'::regclass AND a.attnum > 0 ORDER BY a.attnum`,
      ),
    );
    expect(rows.map((row) => row.column)).toEqual([
      "id character varying(36) NOT NULL",
      "checksum character varying(64) NOT NULL",
      "finished_at timestamp with time zone",
      "migration_name character varying(255) NOT NULL",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone NOT NULL DEFAULT now()",
      "applied_steps_count integer NOT NULL DEFAULT 0",
    ]);
  });

  it("refuse to run when an applied migration's file has changed since", async () => {
    const [first] = await readMigrations();
    await withClient(migratedUrl, async (client) => {
      const { rows } = await client.query<{ checksum: string }>("SELECT checksum FROM _prisma_migrations WHERE migration_name = $1", [first!.name]);
      // Same effect as editing the file: the recorded checksum no longer matches it.
      await client.query("UPDATE _prisma_migrations SET checksum = $2 WHERE migration_name = $1", [first!.name, sha256Hex("something else")]);
      try {
        await expect(applyMigrations(migratedUrl)).rejects.toThrow(new RegExp(`modified after they were applied: ${first!.name}`));
      } finally {
        await client.query("UPDATE _prisma_migrations SET checksum = $2 WHERE migration_name = $1", [first!.name, rows[0]!.checksum]);
      }
    });
  });

  it("refuse to migrate a database that has tables but no migration history", async () => {
    await expect(applyMigrations(pushedUrl)).rejects.toThrow(/already has tables .* but no migration history/);
  });
});

describe("applyMigrations", () => {
  it("applies each migration once when two instances start at the same time", async () => {
    const databaseUrl = await freshDatabase("andon_apply");
    const migrationsDir = await writeMigrationsDir({
      "20260101000000_first": "CREATE TABLE first (id INT);\nSELECT pg_sleep(0.3);\n",
      "20260102000000_second": "CREATE TABLE second (id INT);\n",
    });
    try {
      const results = await Promise.all([applyMigrations(databaseUrl, { migrationsDir }), applyMigrations(databaseUrl, { migrationsDir })]);
      expect(results.map((result) => result.applied.length).sort()).toEqual([0, 2]);
      const { rows } = await withClient(databaseUrl, (client) => client.query("SELECT migration_name FROM _prisma_migrations ORDER BY migration_name"));
      expect(rows.map((row) => row.migration_name)).toEqual(["20260101000000_first", "20260102000000_second"]);
    } finally {
      await rm(migrationsDir, { recursive: true });
    }
  });

  it("rolls a failing migration back, records it failed and stops until it is resolved", async () => {
    const databaseUrl = await freshDatabase("andon_apply");
    const migrationsDir = await writeMigrationsDir({
      "20260101000000_good": "CREATE TABLE good (id INT);\n",
      "20260102000000_bad": "CREATE TABLE half_done (id INT);\nSELECT 1 / 0;\n",
    });
    const badScript = path.join(migrationsDir, "20260102000000_bad", "migration.sql");
    try {
      await expect(applyMigrations(databaseUrl, { migrationsDir })).rejects.toThrow(/20260102000000_bad failed and was rolled back/);
      const afterFailure = await withClient(databaseUrl, async (client) => ({
        halfDone: (await client.query("SELECT to_regclass('half_done') AS t")).rows[0].t,
        rows: (await client.query("SELECT * FROM _prisma_migrations ORDER BY migration_name")).rows,
      }));
      expect(afterFailure.halfDone).toBeNull();
      expect(afterFailure.rows[0]).toMatchObject({ migration_name: "20260101000000_good", applied_steps_count: 1 });
      expect(afterFailure.rows[1]).toMatchObject({ migration_name: "20260102000000_bad", finished_at: null });
      expect(afterFailure.rows[1].logs).toContain("22012"); // division_by_zero

      await expect(applyMigrations(databaseUrl, { migrationsDir })).rejects.toThrow(/a previous migration failed/);

      // The fix: correct the script, then mark the failed attempt rolled back, as Prisma asks.
      await writeFile(badScript, "CREATE TABLE half_done (id INT);\n");
      await withClient(databaseUrl, (client) => client.query("UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL"));
      expect(await applyMigrations(databaseUrl, { migrationsDir })).toEqual({ applied: ["20260102000000_bad"] });
    } finally {
      await rm(migrationsDir, { recursive: true });
    }
  });

  it("runs a script with its own BEGIN/COMMIT as written and records it", async () => {
    const databaseUrl = await freshDatabase("andon_apply");
    const migrationsDir = await writeMigrationsDir({
      "20260101000000_enum": `CREATE TYPE "Mood" AS ENUM ('A', 'B');
-- AlterEnum
BEGIN;
CREATE TYPE "Mood_new" AS ENUM ('A');
ALTER TYPE "Mood" RENAME TO "Mood_old";
ALTER TYPE "Mood_new" RENAME TO "Mood";
DROP TYPE "Mood_old";
COMMIT;
`,
    });
    try {
      expect(await applyMigrations(databaseUrl, { migrationsDir })).toEqual({ applied: ["20260101000000_enum"] });
      const { rows } = await withClient(databaseUrl, (client) => client.query("SELECT finished_at, applied_steps_count FROM _prisma_migrations"));
      expect(rows[0].finished_at).not.toBeNull();
      expect(rows[0].applied_steps_count).toBe(1);
    } finally {
      await rm(migrationsDir, { recursive: true });
    }
  });
});

describe("ensureDatabase", () => {
  it("creates the database the URL names, once", async () => {
    const name = `andon_ensure_${randomBytes(5).toString("hex")}`;
    createdDatabases.push(name);
    expect(await ensureDatabase(urlForDatabase(name))).toEqual({ created: true });
    expect(await ensureDatabase(urlForDatabase(name))).toEqual({ created: false });
  });
});

describe("launchers racing on a new database", () => {
  it("lets four migrators create and migrate one new database at once", async () => {
    const name = `andon_race_${randomBytes(5).toString("hex")}`;
    createdDatabases.push(name);
    const url = urlForDatabase(name);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, async () => {
        await ensureDatabase(url);
        return applyMigrations(url);
      }),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const applied = results.map((result) => (result.status === "fulfilled" ? result.value.applied.length : -1));
    // Exactly one of them applied the migrations; the others found nothing pending.
    expect(applied.filter((count) => count > 0)).toHaveLength(1);
    expect((await readMigrations()).length).toBe(Math.max(...applied));
  }, 60_000);
});
