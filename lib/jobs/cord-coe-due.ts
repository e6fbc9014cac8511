import "server-only";
import type PgBoss from "pg-boss";
import { registerScheduledJob } from "@/lib/jobs/scheduled";

/**
 * Daily at 07:15 UTC: "COE due" reminders and escalations for customer-facing cords without a COE
 * past draft (lib/cords/coe-due.ts). The schedule lives in the database, so one instance gets each
 * run; the advisory lock and dedupe keys make an overlapping or repeated run harmless.
 */
export async function registerCordCoeDueJob(boss: PgBoss): Promise<void> {
  await registerScheduledJob(boss, {
    queue: "cord-coe-due",
    cron: "15 7 * * *",
    label: "cord COE due reminders",
    run: async () => (await import("@/lib/cords/coe-due")).sendCoeDueReminders(),
  });
}
