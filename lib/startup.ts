import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { ConfigurationError, env } from "@/lib/env";

/** Refuse to serve with a broken configuration: say what is wrong and stop. */
export async function onServerStart(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // The reminder job queue (pg-boss): once per process, never while `next build` collects pages.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startJobs } = await import("@/lib/jobs/boss");
  void startJobs();
}
