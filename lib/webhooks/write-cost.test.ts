// Emitting events must not slow writes: p95 of an action status change (the write path of
// PATCH /api/v1/action-items/{id}) with 5 subscribed endpoints being delivered to, against none.
// A measurement, run on demand: WEBHOOK_WRITE_BENCH=1 npx vitest run lib/webhooks/write-cost.test.ts
import { afterAll, describe, expect, it } from "vitest";
import { changeCorrectiveActionStatus } from "@/lib/actions/mutations";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { runDeliveryPass } from "@/lib/webhooks/delivery";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";
import { startReceiver } from "@/lib/webhooks/test-receiver";

afterAll(() => testDb.$disconnect());

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)]!;

describe.runIf(process.env.WEBHOOK_WRITE_BENCH === "1")("write cost of events", () => {
  it("keeps a status change's p95 within 10 % with 5 subscribed endpoints", async () => {
    const world = await actionWorld();
    const action = await world.action("Benchmark action", 5);
    let version = 1;
    const round = async (count: number) => {
      const samples: number[] = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        await changeCorrectiveActionStatus(world.users.owner, { actionId: action.id, version, status: version % 2 === 1 ? "IN_PROGRESS" : "OPEN" });
        samples.push(performance.now() - started);
        version += 1;
      }
      return samples;
    };
    await round(20); // warm-up
    const receiver = await startReceiver();
    let delivering = false;
    let stop = false;
    const deliverer = (async () => {
      while (!stop) {
        if (delivering) await runDeliveryPass({ allowedHosts: ["127.0.0.1"] });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    // Interleaved rounds, so load from other processes hits both variants alike.
    const none: number[] = [];
    const five: number[] = [];
    none.push(...(await round(100)));
    for (let i = 0; i < 5; i++)
      await createWebhookEndpoint(world.users.retailManager, {
        url: receiver.url,
        description: `bench ${i}`,
        format: "RAW",
        eventTypes: [],
        teamId: world.teams.retail.id,
        enabled: true,
      });
    delivering = true;
    five.push(...(await round(100)));
    delivering = false;
    await runDeliveryPass({ allowedHosts: ["127.0.0.1"] });
    stop = true;
    await deliverer;
    console.log(
      `[webhook-write-cost] status change p95: ${p95(none).toFixed(1)} ms without endpoints, ${p95(five).toFixed(1)} ms with 5 subscribed (delivered: ${receiver.received.length})`,
    );
    expect(receiver.received.length).toBeGreaterThanOrEqual(500);
    await receiver.close();
  }, 300_000);
});
