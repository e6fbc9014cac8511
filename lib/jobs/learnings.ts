import "server-only";
import type PgBoss from "pg-boss";
import { registerScheduledJob } from "@/lib/jobs/scheduled";

/**
 * The weekly learnings digest (lib/learnings/digest.ts), Mondays 08:00 UTC; the schedule lives in
 * the database, so one instance sends it, and the dedupe key (the ISO week) makes a rerun harmless.
 */
export async function registerLearningsDigestJob(boss: PgBoss): Promise<void> {
  await registerScheduledJob(boss, {
    queue: "learnings-digest",
    cron: "0 8 * * 1",
    label: "learnings digest",
    // Loaded when the job runs: the learnings domain reaches modules that import the queue.
    run: async () => (await import("@/lib/learnings/digest")).sendLearningsDigests(),
  });
}
