import "server-only";
import type PgBoss from "pg-boss";
import { logError } from "@/lib/log";
import { runningJobs } from "@/lib/jobs/boss";
import { runTicketSyncPass } from "@/lib/integrations/sync";

const TICKET_SYNC_QUEUE = "ticket-sync";

/** The 5 s retry step and "an action changed" both want a finer tick than cron's minute. */
const TICK_MS = 5_000;

let ticker: NodeJS.Timeout | null = null;

/**
 * Registers the ticket sync queue: a job is one sync pass (lib/integrations/sync.ts), asked for every
 * 5 s by each instance and folded into one per window by singletonKey, plus once a minute by the
 * stored schedule. Passes on several instances at once are safe: tickets are claimed with FOR UPDATE
 * SKIP LOCKED and a lock time, so no ticket is created or moved twice.
 */
export async function registerTicketSyncJob(boss: PgBoss): Promise<void> {
  await boss.createQueue(TICKET_SYNC_QUEUE, { name: TICKET_SYNC_QUEUE, policy: "standard", retryLimit: 0, expireInSeconds: 600 });
  await boss.schedule(TICKET_SYNC_QUEUE, "* * * * *", {}, { tz: "UTC" });
  await boss.work(TICKET_SYNC_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    try {
      return await runTicketSyncPass();
    } catch (error) {
      logError("ticket sync pass failed", error);
      throw error;
    }
  });
  ticker ??= setInterval(() => void requestTicketSync(), TICK_MS).unref();
}

export async function requestTicketSync(): Promise<void> {
  const boss = runningJobs();
  if (!boss) return;
  await boss
    .send(TICKET_SYNC_QUEUE, {}, { singletonKey: "tick", singletonSeconds: 4 })
    .catch((error: unknown) => logError("could not queue a ticket sync pass", error));
}
