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
  // Sign-in limits key on the socket address (or a trusted proxy's report), and webhook delivery gives way
  // to requests in flight: see lib/auth/client-address.ts.
  const { installRequestHooks } = await import("@/lib/auth/client-address");
  installRequestHooks(env().TRUSTED_PROXIES);
  // The reminder job queue (pg-boss): once per process, never while `next build` collects pages.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  await refuseWithoutEncryptionKey();
  const { startJobs } = await import("@/lib/jobs/boss");
  void startJobs();
}

/** Integration secrets cannot be read without their key: say so and stop (a database that is down is checked later by use). */
async function refuseWithoutEncryptionKey(): Promise<void> {
  const { encryptLegacyWebhookSecrets, missingEncryptionKeyProblem } = await import("@/lib/integrations/startup-check");
  const problem = await missingEncryptionKeyProblem().catch(() => null);
  if (problem) {
    console.error(`\nAndon is not configured correctly:\n  - ${problem}\n`);
    process.exit(1);
  }
  void encryptLegacyWebhookSecrets().catch(() => undefined);
}
