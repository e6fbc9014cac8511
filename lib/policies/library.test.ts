import { describe, expect, it } from "vitest";
import { RuleSet, conditionsSchema } from "@/lib/policies/conditions";
import { RULE_LIBRARY } from "@/lib/policies/library";

const NOW = new Date("2026-06-01T12:00:00Z");
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();

// For every built-in rule, facts that pass it and facts that fail it.
const CASES: Record<string, { pass: Record<string, unknown>; fail: Record<string, unknown> }> = {
  "tls-expiring": { pass: { "tls.expiresAt": days(45) }, fail: { "tls.expiresAt": days(10) } },
  "backup-restore-untested": { pass: { "backup.lastRestoreTest": days(-30) }, fail: { "backup.lastRestoreTest": days(-120) } },
  "dr-never-verified": { pass: { "dr.lastVerifiedAt": days(-100) }, fail: {} },
  "single-az": { pass: { "deploy.multiAz": true }, fail: { "deploy.multiAz": false } },
  "no-autoscaling": { pass: { "deploy.autoscaling": true }, fail: { "deploy.autoscaling": false } },
  "no-oncall": { pass: { "oncall.hasRotation": true }, fail: { "oncall.hasRotation": false } },
  "overdue-actions": { pass: { "actions.overdueCount": 3 }, fail: { "actions.overdueCount": 4 } },
  "stale-draft-coe": { pass: { "coes.oldestDraftAgeDays": 14 }, fail: { "coes.oldestDraftAgeDays": 15 } },
  "mttr-regression": { pass: { "incidents.mttrRatio90d": 1.2 }, fail: { "incidents.mttrRatio90d": 1.3 } },
  "metric-below-target": { pass: { "metrics.weeksBelowTarget": 2 }, fail: { "metrics.weeksBelowTarget": 3 } },
  "owner-team-too-small": { pass: { "owner.memberCount": 2 }, fail: { "owner.memberCount": 1 } },
  "team-without-manager": { pass: { "owner.hasManager": true }, fail: { "owner.hasManager": false } },
  "idle-service": { pass: { "cpu.p95Utilization": 40 }, fail: { "cpu.p95Utilization": 4 } },
  "wont-do-on-sev1": { pass: { "actions.wontDoOnSev1Count": 0 }, fail: { "actions.wontDoOnSev1Count": 1 } },
  "secrets-not-rotated": { pass: { "secrets.lastRotatedAt": days(-10) }, fail: { "secrets.lastRotatedAt": days(-91) } },
  "frequent-incidents": { pass: { "coes.last90Days": 2 }, fail: { "coes.last90Days": 3 } },
  "runtime-end-of-life": { pass: { "runtime.endOfLife": days(200) }, fail: { "runtime.endOfLife": days(30) } },
  "memory-overprovisioned": { pass: { "memory.p95Utilization": 50 }, fail: { "memory.p95Utilization": 10 } },
};

describe("built-in rule library", () => {
  it("has at least 15 rules, each with a test case and valid conditions", () => {
    expect(RULE_LIBRARY.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(CASES).sort()).toEqual(RULE_LIBRARY.map((rule) => rule.key).sort());
    for (const rule of RULE_LIBRARY) expect(conditionsSchema.safeParse(rule.conditions).success, rule.key).toBe(true);
  });

  it.each(RULE_LIBRARY.map((rule) => [rule.key, rule] as const))("%s passes and fails on the expected facts", (key, rule) => {
    const set = new RuleSet([{ id: key, conditions: rule.conditions }], NOW);
    expect(set.failing(CASES[key]!.pass as never).has(key)).toBe(false);
    expect(set.failing(CASES[key]!.fail as never).has(key)).toBe(true);
  });
});

describe("condition validation", () => {
  it.each([
    [{ all: [{ fact: "x", operator: "soonish", value: 1 }] }, "all.0.operator"],
    [{ any: [{ fact: "cpu.p95", operator: "lessThan", value: "ten" }] }, "any.0.value"],
    [{ all: [{ fact: "bad key!", operator: "present" }] }, "all.0.fact"],
    [{ fact: "x", operator: "equal", value: 1 }, ""],
    [{ all: [] }, "all"],
  ])("names the bad part of %j", (conditions, path) => {
    const result = conditionsSchema.safeParse(conditions);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});
