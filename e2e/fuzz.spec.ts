import { describeFinding, runFuzz } from "../scripts/fuzz/engine";
import { createFuzzUser, prepareFuzz } from "../scripts/fuzz/setup";
import { expect, test } from "./fixtures";

// The short run of scripts/fuzz.ts (the long one is `npm run fuzz`): hostile input through every
// door — API operations, pages, downloads, server actions — and not one 5xx. Seeded, so a failure
// names a run that can be replayed with `npm run fuzz -- --seed <seed>`.
test("a few hundred hostile requests through every door get no 5xx", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const seed = Number(process.env.FUZZ_SEED) || Date.now() % 100_000;
  const credentials = await createFuzzUser(baseURL!, process.env.DATABASE_URL!, { admin: false, sandbox: true });
  const setup = await prepareFuzz(baseURL!, credentials);
  const report = await runFuzz(setup, { count: Number(process.env.FUZZ_COUNT) || 300, seed, concurrency: 4 });
  test.info().annotations.push({ type: "fuzz", description: `seed ${seed}: ${JSON.stringify(report.byStatus)} in ${report.seconds.toFixed(1)} s` });
  expect(report.byDoor.api + report.byDoor.page + report.byDoor.action).toBeGreaterThan(200);
  expect(report.findings.map(describeFinding), `seed ${seed}`).toEqual([]);
});
