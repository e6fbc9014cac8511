import "server-only";
import type PgBoss from "pg-boss";
import { registerScheduledJob } from "@/lib/jobs/scheduled";

/**
 * Daily at 07:00 UTC: reminders for verifications expiring within 14 days (deduplicated per expiry) and
 * the `verification.expired` events of those whose expiry came, once per expiry (lib/verification/mutations.ts).
 */
export async function registerVerificationReminderJob(boss: PgBoss): Promise<void> {
  await registerScheduledJob(boss, {
    queue: "verification-expiry-reminders",
    cron: "0 7 * * *",
    label: "verification reminders",
    run: async () => {
      const { sendVerificationReminders } = await import("@/lib/verification/reminders");
      const { announceExpiredVerifications } = await import("@/lib/verification/mutations");
      return { ...(await sendVerificationReminders()), ...(await announceExpiredVerifications()) };
    },
  });
}
