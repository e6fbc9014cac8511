import "server-only";
import type PgBoss from "pg-boss";
import { produceNotifications } from "@/lib/notifications/producer";
import { logError } from "@/lib/log";
import { REMINDER_QUEUE } from "@/lib/jobs/queue-names";

export { REMINDER_QUEUE };

/** pg-boss cron has minute granularity; intervals of an hour or more run hourly. */
function reminderCron(intervalMinutes: number): string {
  return intervalMinutes >= 60 ? "0 * * * *" : `*/${intervalMinutes} * * * *`;
}

/**
 * Registers the reminder queue, its schedule and a worker. The "singleton" policy lets only one
 * job of the queue be active at a time across every instance, and the schedule is stored in the
 * database, so several app instances share one schedule instead of each running their own.
 */
export async function registerReminderJob(boss: PgBoss, intervalMinutes: number): Promise<void> {
  await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, policy: "singleton", retryLimit: 2, expireInSeconds: 600 });
  await boss.schedule(REMINDER_QUEUE, reminderCron(intervalMinutes), {}, { tz: "UTC" });
  await boss.work(REMINDER_QUEUE, async () => {
    try {
      return await produceNotifications();
    } catch (error) {
      logError("reminder job failed", error);
      throw error;
    }
  });
  // One run soon after start, so a fresh instance does not wait for the next tick.
  await boss.send(REMINDER_QUEUE, {}, { singletonKey: "startup", singletonSeconds: 60 });
}
