import "server-only";
import type PgBoss from "pg-boss";
import { logError, logInfo } from "@/lib/log";

const VERIFICATION_REMINDER_QUEUE = "verification-expiry-reminders";

/**
 * Daily at 07:00 UTC: reminders for verifications expiring within 14 days (deduplicated per expiry) and
 * the `verification.expired` events of those whose expiry came, once per expiry (lib/verification/mutations.ts).
 */
export async function registerVerificationReminderJob(boss: PgBoss): Promise<void> {
  await boss.createQueue(VERIFICATION_REMINDER_QUEUE, { name: VERIFICATION_REMINDER_QUEUE, policy: "standard", retryLimit: 2, expireInSeconds: 900 });
  await boss.schedule(VERIFICATION_REMINDER_QUEUE, "0 7 * * *", {}, { tz: "UTC" });
  await boss.work(VERIFICATION_REMINDER_QUEUE, { batchSize: 1 }, async () => {
    try {
      const { sendVerificationReminders } = await import("@/lib/verification/reminders");
      const { announceExpiredVerifications } = await import("@/lib/verification/mutations");
      const result = { ...(await sendVerificationReminders()), ...(await announceExpiredVerifications()) };
      logInfo("verification reminders", result);
      return result;
    } catch (error) {
      logError("verification reminders failed", error);
      throw error;
    }
  });
}
