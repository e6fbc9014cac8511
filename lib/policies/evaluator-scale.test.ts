// The evaluator at benchmark scale: 1,000 services, 200,000 facts, the library plus 100 custom rules.
// Slow (it seeds the bench organization), so it runs only on request:
//   ANDON_POLICY_SCALE=1 TEST_DATABASE_URL=… npx vitest run lib/policies/evaluator-scale.test.ts
// It prints the timings; the targets (≤ 10 s full, ≤ 200 ms for one service) are checked by eye on
// a shared machine rather than asserted, as for the rest of the benchmark.
import os from "node:os";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { evaluatePolicies } from "@/lib/policies/evaluator";
import { writeFacts } from "@/lib/policies/fact-mutations";
import { FULL_SCALE } from "@/scripts/bench/scale";
import { seedOrg } from "@/scripts/bench/seed-org";
import { seedPolicies } from "@/scripts/bench/seed-policies";

describe.skipIf(process.env.ANDON_POLICY_SCALE !== "1")("policy evaluation at bench scale", () => {
  it("evaluates every rule against every service, then one service", { timeout: 600_000 }, async () => {
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    await client.connect();
    const org = await seedOrg(client, { ...FULL_SCALE });
    const seeded = await seedPolicies(client, org);
    await client.query("ANALYZE");
    await client.end();
    // Open the pool's connection first: the timings are the evaluation's, not the first connect's.
    await db.$queryRaw`SELECT 1`;

    // One service before anything else: the first evaluation of a process pays Prisma's query planning and the modules' first run.
    const cold = (await evaluatePolicies({ organizationId: "org_bench", serviceIds: [org.serviceIds.at(-1)!] })).ms;
    const first = await evaluatePolicies({ organizationId: "org_bench" });
    const again = await evaluatePolicies({ organizationId: "org_bench" });
    const single: number[] = [];
    for (const serviceId of org.serviceIds.slice(0, 5)) single.push((await evaluatePolicies({ organizationId: "org_bench", serviceIds: [serviceId] })).ms);
    // The path of a facts push: write one changed fact, then evaluate that service (fails on odd runs, passes on even).
    const afterPush: number[] = [];
    for (const [index, serviceId] of org.serviceIds.slice(5, 10).entries()) {
      const started = Date.now();
      const value = JSON.stringify(new Date(Date.now() + (index % 2 ? 5 : 60) * 86_400_000).toISOString());
      const changed = await writeFacts(db, "org_bench", "bench", [
        { serviceId, key: "tls.expiresAt", type: "datetime", value: JSON.parse(value) as string, observedAt: new Date() },
      ]);
      await evaluatePolicies({ organizationId: "org_bench", serviceIds: changed });
      afterPush.push(Date.now() - started);
    }
    console.log(`[policy-scale] after a push (write + evaluate) ${afterPush.join(" / ")} ms`);
    const withProviders: number[] = [];
    for (const serviceId of org.serviceIds.slice(10, 15))
      withProviders.push((await evaluatePolicies({ organizationId: "org_bench", serviceIds: [serviceId], collectProviders: true })).ms);
    const fullWithProviders = await evaluatePolicies({ organizationId: "org_bench", collectProviders: true });
    console.log(`[policy-scale] one service with providers ${withProviders.join(" / ")} ms; full pass with providers ${fullWithProviders.ms} ms`);
    console.log(
      `[policy-scale] ${seeded.facts} facts, ${seeded.rules} rules, ${first.services} services: first full pass ${first.ms} ms (${first.opened} findings opened), ` +
        `second full pass ${again.ms} ms (nothing changed), one service ${single.join(" / ")} ms (the first in the process ${cold} ms); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
    );
    expect(first.services).toBe(org.serviceIds.length);
    expect(again.opened).toBe(0);
  });
});
