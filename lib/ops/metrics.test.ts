// /api/metrics' database gauges read against the test database through a real pg pool.
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { env } from "@/lib/env";
import { metrics } from "@/lib/ops/metrics";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";

const pool = new Pool({ connectionString: env().DATABASE_URL, max: 2 });
(globalThis as { andonPool?: Pool }).andonPool ??= pool;
afterAll(async () => {
  await testDb.$disconnect();
  await pool.end();
});

/** The value of one sample of the scraped text, e.g. `andon_webhook_messages{status="pending"}`. */
function sample(text: string, name: string, labels: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

describe("metrics", () => {
  it("counts webhook messages by status and endpoints by state, read when scraped", async () => {
    const world = await actionWorld();
    const { id } = await createWebhookEndpoint(world.users.retailManager, {
      url: "https://hooks.example.test/andon",
      description: "metrics gauge",
      format: "RAW",
      eventTypes: ["webhook.test"],
      teamId: world.teams.retail.id,
      enabled: true,
    });
    const before = await metrics().registry.metrics();
    await testDb.webhookEndpoint.update({ where: { id }, data: { failingSince: new Date() } });
    await testDb.webhookMessage.createMany({
      data: [
        { endpointId: id, eventType: "webhook.test", payload: {}, status: "PENDING" },
        { endpointId: id, eventType: "webhook.test", payload: {}, status: "EXHAUSTED" },
      ],
    });
    const after = await metrics().registry.metrics();

    expect(after).toContain("# TYPE andon_webhook_messages gauge");
    expect(sample(after, "andon_webhook_messages", 'status="exhausted"')).toBeGreaterThanOrEqual(
      sample(before, "andon_webhook_messages", 'status="exhausted"') + 1,
    );
    expect(sample(after, "andon_webhook_endpoints", 'state="failing"')).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/andon_jobs|# TYPE andon_jobs gauge/);
  });
});
