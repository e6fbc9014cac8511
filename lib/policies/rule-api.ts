import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { NotFoundError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { requestPolicyEvaluation } from "@/lib/jobs/policies";
import { ruleJson, ruleSelect } from "@/lib/policies/api-json";
import type { rulePatchSchema } from "@/lib/policies/api-schemas";
import { setRuleStatus, updateRule } from "@/lib/policies/rule-mutations";
import { updateRuleSchema } from "@/lib/policies/schemas";
import type { z } from "zod";

export async function readRule(user: CurrentUser, ruleId: string) {
  const rule = await db.policyRule.findFirst({ where: { id: ruleId, organizationId: user.organizationId }, select: ruleSelect });
  if (!rule) throw new NotFoundError("The rule");
  return rule;
}

/** PATCH: the given fields over the rule as it is, validated as a whole (a bad condition names its path), then an optional status change. */
export async function patchRule(user: CurrentUser, ruleId: string, patch: z.output<typeof rulePatchSchema>) {
  const current = await readRule(user, ruleId);
  const { status, version, ...fields } = patch;
  let saved = current;
  if (Object.keys(fields).length > 0) {
    const merged = { ...ruleJson(current), ...fields, ruleId, version };
    const parsed = updateRuleSchema.safeParse({
      ...merged,
      scopeTeamId: merged.scopeTeamId ?? undefined,
      applicableFactKey: merged.applicableFactKey ?? undefined,
      ownerTeamId: merged.ownerTeamId ?? undefined,
      sourceCoeId: merged.sourceCoeId ?? undefined,
    });
    if (!parsed.success) throw new ValidationError("The rule has invalid fields.", fieldErrorsFromIssues(parsed.error.issues));
    saved = await updateRule(user, parsed.data);
  }
  if (status && status !== saved.status) saved = await setRuleStatus(user, { ruleId, version: saved.version, status });
  await requestPolicyEvaluation({ organizationId: user.organizationId, ruleIds: [ruleId] });
  return ruleJson(saved);
}
