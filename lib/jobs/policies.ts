import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { POLICY_QUEUE } from "@/lib/jobs/queue-names";
import { logError, logInfo } from "@/lib/log";
import type { EvaluationScope } from "@/lib/policies/evaluator";

// lib/jobs/boss.ts imports this module; the policy domain reaches back into modules that import the
// queue (corrective actions), so the domain is loaded when a job runs, never at import: no cycle.
const policies = async () => ({ ...(await import("@/lib/policies/evaluator")), ...(await import("@/lib/policies/finding-mutations")) });

type PolicyJob = { organizationId?: string; ruleIds?: string[]; serviceIds?: string[]; full?: boolean };

/**
 * Every organization: expire waivers, recompute the built-in providers' facts and evaluate every
 * enforced rule against every service. Hourly, so the facts computed from Andon's own data (overdue
 * actions, COEs, owners) never lag long behind; facts pushed through the API evaluate at once.
 */
async function runFullPolicyPass(): Promise<{ organizations: number }> {
  const { evaluatePolicies, expireAcknowledgments } = await policies();
  const organizations = await db.organization.findMany({ select: { id: true } });
  for (const { id } of organizations) {
    await expireAcknowledgments(id);
    const result = await evaluatePolicies({ organizationId: id, collectProviders: true });
    logInfo("policy evaluation", { organizationId: id, ...result });
  }
  return { organizations: organizations.length };
}

/**
 * Registers the policy queue: a full pass every hour (the schedule lives in the database, shared by
 * every instance) and targeted runs queued after facts or rules change. Runs are serialized per
 * organization by the evaluator's advisory lock, so several workers never write the same findings.
 */
export async function registerPolicyJob(boss: PgBoss): Promise<void> {
  await boss.createQueue(POLICY_QUEUE, { name: POLICY_QUEUE, policy: "standard", retryLimit: 2, expireInSeconds: 900 });
  await boss.schedule(POLICY_QUEUE, "7 * * * *", { full: true }, { tz: "UTC" });
  await boss.work<PolicyJob>(POLICY_QUEUE, { batchSize: 1 }, async ([job]) => {
    const data = job?.data ?? {};
    try {
      if (data.full || !data.organizationId) return await runFullPolicyPass();
      const { evaluatePolicies } = await policies();
      return await evaluatePolicies({ organizationId: data.organizationId, ruleIds: data.ruleIds, serviceIds: data.serviceIds });
    } catch (error) {
      logError("policy evaluation failed", error, { organizationId: data.organizationId });
      throw error;
    }
  });
  await boss.send(POLICY_QUEUE, { full: true }, { singletonKey: "startup", singletonSeconds: 300 });
}

/**
 * Asks for an evaluation of what changed (some rules or some services). Queued when the job queue
 * runs in this process; evaluated right here otherwise (tests, ANDON_JOBS=off), so a change is never
 * left unevaluated.
 */
export async function requestPolicyEvaluation(scope: Omit<EvaluationScope, "collectProviders">): Promise<void> {
  // Imported here: lib/jobs/boss.ts registers this module's job, so a static import would be a cycle.
  const { runningJobs } = await import("@/lib/jobs/boss");
  const boss = runningJobs();
  if (boss) {
    const queued = await boss.send(POLICY_QUEUE, scope).catch((error: unknown) => {
      logError("could not queue a policy evaluation", error);
      return null;
    });
    if (queued) return;
  }
  const { evaluatePolicies } = await policies();
  await evaluatePolicies(scope);
}
