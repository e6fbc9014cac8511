import pg from "pg";
import type { Scale } from "./scale";
import { BENCH_ORG_ID, BENCH_PASSWORD, seedOrg, type BenchOrg } from "./seed-org";

export type BenchFixtures = BenchOrg & { password: string };

/**
 * Seeds the benchmark organization with batched inserts in one transaction. Skips (and returns
 * the fixtures) when the organization already exists, so a kept database can be reused.
 */
export async function seedLarge(databaseUrl: string, scale: Scale, log: (line: string) => void = () => undefined): Promise<BenchFixtures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM organizations WHERE id = $1", [BENCH_ORG_ID]);
    if (existing.rowCount) throw new Error("this database already holds the benchmark organization; the bench creates a fresh database each run");
    await client.query("BEGIN");
    const started = Date.now();
    const org = await seedOrg(client, scale);
    log(`org tree: ${org.teamIds.length} teams, ${org.serviceIds.length} services, ${org.userIds.length} users (${Date.now() - started} ms)`);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return { ...org, password: BENCH_PASSWORD };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
