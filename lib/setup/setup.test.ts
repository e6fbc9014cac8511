// First run on an empty database (a database of this file's own: setup refuses once any organization
// exists): the organization starts with the built-in rule library, and a second setup is refused.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/scripts/db/migrations";
import { RULE_LIBRARY } from "@/lib/policies/library";

const serverUrl = new URL(process.env.DATABASE_URL!);
const database = `andon_test_setup_${Date.now()}_${randomBytes(3).toString("hex")}`;
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${database}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  await applyMigrations(databaseUrl.toString());
  // Read when lib/db first connects, which is after this.
  process.env.DATABASE_URL = databaseUrl.toString();
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
});

describe("first-run setup", () => {
  it("creates the organization with every library rule, disabled, and refuses a second setup", async () => {
    const { createFirstOrganization } = await import("@/lib/setup/mutations");
    const { db } = await import("@/lib/db");
    const input = {
      organizationName: "Acme",
      name: "Ada Admin",
      email: "ada@acme.test",
      password: "correct horse battery staple",
      confirmPassword: "correct horse battery staple",
    };
    const admin = await createFirstOrganization(input);
    const rules = await db.policyRule.findMany({ select: { libraryKey: true, status: true, createdById: true } });
    expect(rules.map((rule) => rule.libraryKey).sort()).toEqual(RULE_LIBRARY.map((entry) => entry.key).sort());
    expect(rules.every((rule) => rule.status === "DISABLED" && rule.createdById === admin.id)).toBe(true);
    await expect(createFirstOrganization({ ...input, email: "bob@acme.test" })).rejects.toThrow(/already set up/);
    expect(await db.policyRule.count()).toBe(RULE_LIBRARY.length);
  });
});
