import type pg from "pg";
import { RULE_LIBRARY } from "../../lib/policies/library";
import { bulkInsert, col } from "./bulk-insert";
import { DAY } from "./seed-time";
import { BENCH_ORG_ID, randomGenerator, type BenchOrg } from "./seed-org";

/** 200 facts per service: 200,000 on the full-scale organization of 1,000 services. */
const FACTS_PER_SERVICE = 200;
const CUSTOM_RULES = 100;

/**
 * Policy data for the benchmark: the built-in rule library and 100 custom rules, all enforced, and
 * 200 facts per service (the library's facts plus numeric `custom.fN` ones the custom rules read).
 * Findings are left to the evaluator, whose full pass is what the bench measures.
 */
export async function seedPolicies(client: pg.PoolClient | pg.Client, org: BenchOrg, now = new Date()): Promise<{ facts: number; rules: number }> {
  const random = randomGenerator(23);
  const facts: unknown[][] = [];
  const at = (days: number) => JSON.stringify(new Date(now.getTime() + days * DAY).toISOString());
  org.serviceIds.forEach((serviceId, index) => {
    const row = (key: string, type: string, value: string) => facts.push([`bf_${index}_${key}`, BENCH_ORG_ID, serviceId, key, type, value, "bench", now, now]);
    row("tls.expiresAt", "DATETIME", at(Math.round(random() * 120) - 5));
    row("backup.lastRestoreTest", "DATETIME", at(-Math.round(random() * 200)));
    row("dr.lastVerifiedAt", "DATETIME", at(-Math.round(random() * 500)));
    row("deploy.multiAz", "BOOLEAN", String(random() > 0.1));
    row("deploy.autoscaling", "BOOLEAN", String(random() > 0.2));
    row("oncall.hasRotation", "BOOLEAN", String(random() > 0.05));
    row("cpu.p95Utilization", "NUMBER", String(Math.round(random() * 100)));
    row("memory.p95Utilization", "NUMBER", String(Math.round(random() * 100)));
    row("secrets.lastRotatedAt", "DATETIME", at(-Math.round(random() * 180)));
    row("runtime.endOfLife", "DATETIME", at(Math.round(random() * 700)));
    for (let n = 10; n < FACTS_PER_SERVICE; n++) row(`custom.f${n}`, "NUMBER", String(Math.round(random() * 1000) / 10));
  });
  await bulkInsert(
    client,
    "service_facts",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("service_id"),
      col.text("key"),
      col.enumText("type", "FactValueType"),
      col.jsonText("value"),
      col.text("source"),
      col.timestamptz("observed_at"),
      col.timestamptz("changed_at"),
    ],
    facts,
  );
  const rules: unknown[][] = RULE_LIBRARY.map((entry) => [
    `brule_${entry.key}`,
    BENCH_ORG_ID,
    entry.name,
    entry.kind,
    entry.severity,
    entry.category,
    JSON.stringify(entry.conditions),
    entry.applicableFactKey,
    now,
  ]);
  for (let n = 0; n < CUSTOM_RULES; n++) {
    const fact = `custom.f${10 + (n % (FACTS_PER_SERVICE - 11))}`;
    const conditions = {
      any: [
        { fact, operator: "greaterThan", value: 97 },
        {
          all: [
            { fact: `custom.f${11 + (n % 150)}`, operator: "lessThan", value: 1 },
            { fact: "deploy.multiAz", operator: "equal", value: false },
          ],
        },
      ],
    };
    rules.push([
      `brule_custom_${n}`,
      BENCH_ORG_ID,
      `Custom rule ${n}`,
      "RISK",
      ["CRITICAL", "HIGH", "MEDIUM", "LOW"][n % 4],
      "operations",
      JSON.stringify(conditions),
      null,
      now,
    ]);
  }
  await bulkInsert(
    client,
    "policy_rules",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("name"),
      col.enumText("kind", "PolicyRuleKind"),
      col.enumText("severity", "PolicySeverity"),
      col.text("category"),
      col.jsonText("conditions"),
      col.text("applicable_fact_key"),
      col.timestamptz("updated_at"),
    ],
    rules,
  );
  await client.query(`UPDATE policy_rules SET status = 'ENFORCED' WHERE organization_id = $1`, [BENCH_ORG_ID]);
  return { facts: facts.length, rules: rules.length };
}
