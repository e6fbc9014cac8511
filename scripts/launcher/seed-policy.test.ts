import { describe, expect, it } from "vitest";

import { seedDecision } from "./seed-policy";

describe("when the launcher seeds demo data", () => {
  const base = { usesDatabaseUrl: false, demoFlag: false, nodeEnv: undefined, allowDemoSeedInProduction: false };

  it("seeds the embedded default", () => {
    expect(seedDecision(base)).toEqual({ seed: true });
  });

  it("never seeds a DATABASE_URL database unless asked with --demo, whatever NODE_ENV says", () => {
    for (const nodeEnv of [undefined, "development", "test"]) {
      expect(seedDecision({ ...base, usesDatabaseUrl: true, nodeEnv }).seed).toBe(false);
      expect(seedDecision({ ...base, usesDatabaseUrl: true, nodeEnv, demoFlag: true }).seed).toBe(true);
    }
  });

  it("refuses in production unless ANDON_ALLOW_DEMO_SEED", () => {
    expect(seedDecision({ ...base, nodeEnv: "production" }).seed).toBe(false);
    expect(seedDecision({ ...base, usesDatabaseUrl: true, demoFlag: true, nodeEnv: "production" }).seed).toBe(false);
    expect(seedDecision({ ...base, nodeEnv: "production", allowDemoSeedInProduction: true }).seed).toBe(true);
  });
});
