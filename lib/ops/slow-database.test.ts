// A COE save against a database 50 ms away (a TCP proxy adds 25 ms each way): it must succeed
// well inside the transaction timeout, in a handful of round trips.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLatencyProxy, type LatencyProxy } from "@/lib/ops/testing/latency-proxy";

const direct = new URL(process.env.DATABASE_URL!);
let proxy: LatencyProxy;

beforeAll(async () => {
  proxy = await startLatencyProxy({ host: direct.hostname, port: Number(direct.port || 5432) }, 25);
  // Before lib/env is first read: every server module in this file talks through the proxy.
  const proxied = new URL(direct);
  proxied.host = `127.0.0.1:${proxy.port}`;
  process.env.DATABASE_URL = proxied.toString();
});

afterAll(async () => {
  const { testDb } = await import("@/lib/coes/test-fixtures");
  const { db } = await import("@/lib/db");
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
  await proxy.close();
});

describe("a slow database (50 ms per round trip)", () => {
  it("saves a complete COE with a handful of round trips", async () => {
    const { coeWorld, completeDocument } = await import("@/lib/coes/test-fixtures");
    const { createCoe, saveCoe } = await import("@/lib/coes/mutations");
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Slow network", teamId: world.teams.checkout.id, severity: "SEV3" });
    // Warm the pool so the measurement is the save, not connection set-up.
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world, { whatHappened: "warm-up" }) });

    proxy.resetCount();
    const started = Date.now();
    const saved = await saveCoe(world.users.author, {
      coeId: created.id,
      baseVersion: 2,
      document: completeDocument(world, { whatHappened: "Saved over a slow link" }),
    });
    const elapsed = Date.now() - started;
    expect(saved.version).toBe(3);
    expect(saved.snapshot.whatHappened).toBe("Saved over a slow link");
    console.log(`COE save over 50 ms round trips: ${elapsed} ms, ${proxy.clientWrites} client writes`);
    expect(elapsed).toBeLessThan(5_000);
  }, 60_000);
});
