import "server-only";
import type PgBoss from "pg-boss";
import { logError } from "@/lib/log";
import { runDeliveryPass } from "@/lib/webhooks/delivery";
import { runningJobs } from "@/lib/jobs/boss";

const WEBHOOK_QUEUE = "webhook-delivery";

/** How often an instance asks for a delivery pass: the 5 s retry step needs a finer tick than cron's minute. */
const TICK_MS = 2_000;

let ticker: NodeJS.Timeout | null = null;

/**
 * Registers the webhook queue. A job is a "delivery pass" (fan the outbox out, send what is due);
 * passes are asked for every 2 s by each instance, folded into one per window by singletonKey, and
 * once a minute by the stored schedule as a safety net. Passes on several instances at once are
 * safe: outbox rows and messages are claimed with FOR UPDATE SKIP LOCKED (lib/webhooks/delivery.ts).
 */
export async function registerWebhookJob(boss: PgBoss): Promise<void> {
  await boss.createQueue(WEBHOOK_QUEUE, { name: WEBHOOK_QUEUE, policy: "standard", retryLimit: 0, expireInSeconds: 300 });
  await boss.schedule(WEBHOOK_QUEUE, "* * * * *", {}, { tz: "UTC" });
  await boss.work(WEBHOOK_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    try {
      return await runDeliveryPass();
    } catch (error) {
      logError("webhook delivery pass failed", error);
      throw error;
    }
  });
  ticker ??= setInterval(() => void requestWebhookDelivery(), TICK_MS).unref();
}

/** Asks for a delivery pass now (after "send test event" or "redeliver"); a no-op without a queue. */
async function requestWebhookDelivery(): Promise<void> {
  const boss = runningJobs();
  if (!boss) return;
  await boss
    .send(WEBHOOK_QUEUE, {}, { singletonKey: "tick", singletonSeconds: 1 })
    .catch((error: unknown) => logError("could not queue a webhook delivery pass", error));
}
