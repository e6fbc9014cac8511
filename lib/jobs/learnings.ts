import "server-only";
import type PgBoss from "pg-boss";
import { logError, logInfo } from "@/lib/log";

const LEARNINGS_DIGEST_QUEUE = "learnings-digest";

/**
 * The weekly learnings digest (lib/learnings/digest.ts), Mondays 08:00 UTC; the schedule lives in
 * the database, so one instance sends it, and the dedupe key (the ISO week) makes a rerun harmless.
 */
export async function registerLearningsDigestJob(boss: PgBoss): Promise<void> {
  await boss.createQueue(LEARNINGS_DIGEST_QUEUE, { name: LEARNINGS_DIGEST_QUEUE, policy: "standard", retryLimit: 2, expireInSeconds: 900 });
  await boss.schedule(LEARNINGS_DIGEST_QUEUE, "0 8 * * 1", {}, { tz: "UTC" });
  await boss.work(LEARNINGS_DIGEST_QUEUE, { batchSize: 1 }, async () => {
    try {
      // Loaded when the job runs: the learnings domain reaches modules that import the queue.
      const { sendLearningsDigests } = await import("@/lib/learnings/digest");
      const result = await sendLearningsDigests();
      logInfo("learnings digest", result);
      return result;
    } catch (error) {
      logError("learnings digest failed", error);
      throw error;
    }
  });
}
