import "server-only";
import type PgBoss from "pg-boss";
import { logError, logInfo } from "@/lib/log";

const CORD_COE_DUE_QUEUE = "cord-coe-due";

/**
 * Daily at 07:15 UTC: "COE due" reminders and escalations for customer-facing cords without a COE
 * past draft (lib/cords/coe-due.ts). The schedule lives in the database, so one instance gets each
 * run; the advisory lock and dedupe keys make an overlapping or repeated run harmless.
 */
export async function registerCordCoeDueJob(boss: PgBoss): Promise<void> {
  await boss.createQueue(CORD_COE_DUE_QUEUE, { name: CORD_COE_DUE_QUEUE, policy: "standard", retryLimit: 2, expireInSeconds: 900 });
  await boss.schedule(CORD_COE_DUE_QUEUE, "15 7 * * *", {}, { tz: "UTC" });
  await boss.work(CORD_COE_DUE_QUEUE, { batchSize: 1 }, async () => {
    try {
      const { sendCoeDueReminders } = await import("@/lib/cords/coe-due");
      const result = await sendCoeDueReminders();
      logInfo("cord COE due reminders", result);
      return result;
    } catch (error) {
      logError("cord COE due reminders failed", error);
      throw error;
    }
  });
}
