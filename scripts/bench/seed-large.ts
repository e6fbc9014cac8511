import pg from "pg";
import type { Scale } from "./scale";
import { seedActions } from "./seed-actions";
import { seedIncidents, type BenchIncidents } from "./seed-incidents";
import { seedMetrics } from "./seed-metrics";
import { BENCH_ORG_ID, BENCH_PASSWORD, seedOrg, type BenchOrg } from "./seed-org";
import { seedReviews, type BenchReviews } from "./seed-reviews";
import { seedPolicies } from "./seed-policies";
import { seedCords } from "./seed-cords";
import { seedLearnings } from "./seed-learnings";
import { seedVerification } from "./seed-verification";

export type BenchFixtures = BenchOrg & BenchIncidents & BenchReviews & { password: string };

/**
 * Seeds the benchmark organization with batched inserts in one transaction, into a database that
 * does not hold it yet (the bench creates a fresh one each run, or reuses a kept one without seeding).
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
    const incidents = await seedIncidents(client, scale, org);
    log(`COEs: ${incidents.coeIds.length} with revisions, timelines and factors (${Date.now() - started} ms)`);
    await seedActions(client, scale, org, incidents);
    log(`corrective actions: ${scale.actions} in every state (${Date.now() - started} ms)`);
    await seedMetrics(client, scale, org);
    await seedCords(client, org);
    await seedLearnings(client);
    log(`metrics: ${scale.metricsPerService} per service, ${scale.metricWeeks} weekly values each (${Date.now() - started} ms)`);
    const reviews = await seedReviews(client, scale, org);
    log(`weekly reviews: ${scale.reviews} published (${Date.now() - started} ms)`);
    const policies = await seedPolicies(client, org);
    log(`policies: ${policies.rules} enforced rules, ${policies.facts} facts (${Date.now() - started} ms)`);
    const verification = await seedVerification(client, org);
    log(`verification: ${verification.verifications} current verifications, ${verification.gameDays} game days (${Date.now() - started} ms)`);
    await client.query("COMMIT");
    // VACUUM as well: it sets the visibility map, which index-only scans need and which autovacuum
    // keeps up to date on a live server (the developer and CI servers run with autovacuum off).
    await client.query("VACUUM ANALYZE");
    return { ...org, ...incidents, ...reviews, password: BENCH_PASSWORD };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
