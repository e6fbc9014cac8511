import { describe, expect, it } from "vitest";
import { RuleSet, failingByEngine, type Conditions, type FactMap } from "@/lib/policies/conditions";
import { RULE_LIBRARY } from "@/lib/policies/library";

// The evaluator's compiled rules must answer exactly as json-rules-engine's Engine.run: same
// operators, same handling of unknown facts and of values of the wrong type.

const NOW = new Date("2026-06-01T12:00:00Z");

const CUSTOM: { id: string; conditions: Conditions }[] = [
  {
    id: "nested",
    conditions: {
      any: [
        { fact: "custom.score", operator: "greaterThan", value: 97 },
        {
          all: [
            { fact: "custom.other", operator: "lessThanInclusive", value: 1 },
            { fact: "deploy.multiAz", operator: "equal", value: false },
          ],
        },
      ],
    },
  },
  { id: "tier", conditions: { all: [{ fact: "service.tier", operator: "in", value: ["1", "2"] }] } },
  { id: "not-tier", conditions: { all: [{ fact: "service.tier", operator: "notIn", value: ["3"] }] } },
  { id: "lifecycle", conditions: { all: [{ fact: "catalog.lifecycle", operator: "notEqual", value: "production" }] } },
  { id: "missing-owner", conditions: { any: [{ fact: "owner.hasManager", operator: "missing", value: null }] } },
  {
    id: "dates",
    conditions: {
      all: [
        { fact: "tls.expiresAt", operator: "present", value: null },
        { fact: "backup.lastRestoreTest", operator: "daysSinceGreaterThan", value: 30 },
      ],
    },
  },
];

const RULES = [...RULE_LIBRARY.map((entry) => ({ id: entry.key, conditions: entry.conditions })), ...CUSTOM];
const KEYS = [...new Set(RULES.flatMap((rule) => JSON.stringify(rule.conditions).match(/"fact":"[^"]+"/g) ?? []))].map((match) => match.slice(8, -1));

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function generatedFacts(next: () => number): FactMap {
  const facts: FactMap = {};
  for (const key of KEYS) {
    const pick = Math.floor(next() * 9);
    if (pick === 0) continue; // unknown
    facts[key] = [
      null,
      Math.round(next() * 200) - 50,
      next() * 2,
      next() > 0.5,
      new Date(NOW.getTime() + Math.round(next() * 400 - 200) * 86_400_000).toISOString(),
      ["1", "2", "3", "production", "experimental", ""][Math.floor(next() * 6)]!,
      "not a date",
      String(Math.round(next() * 100)),
    ][pick - 1]!;
  }
  return facts;
}

describe("compiled rules agree with json-rules-engine", () => {
  it("on 400 generated fact sets, for every library rule and nested custom ones", async () => {
    const set = new RuleSet(RULES, NOW);
    const next = random(7);
    let failures = 0;
    for (let n = 0; n < 400; n++) {
      const facts = generatedFacts(next);
      const compiled = set.failing(facts);
      expect([...compiled].sort(), JSON.stringify(facts)).toEqual([...(await failingByEngine(RULES, facts, NOW))].sort());
      failures += compiled.size;
    }
    // The generated facts exercise both outcomes, or the comparison proves little.
    expect(failures).toBeGreaterThan(400);
    expect(failures).toBeLessThan(400 * RULES.length);
  });

  it("reads a service without any facts as unknown everywhere", async () => {
    const set = new RuleSet(RULES, NOW);
    expect([...set.failing({})].sort()).toEqual([...(await failingByEngine(RULES, {}, NOW))].sort());
    expect(set.failing({})).toContain("missing-owner");
  });
});
