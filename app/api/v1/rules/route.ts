import { apiRoute } from "@/lib/api/handler";
import { requestPolicyEvaluation } from "@/lib/jobs/policies";
import { ruleJson } from "@/lib/policies/api-json";
import { listRules } from "@/lib/policies/queries";
import { createRule } from "@/lib/policies/rule-mutations";
import { createRuleSchema } from "@/lib/policies/schemas";

export const GET = apiRoute({}, async ({ user }) => ({ data: (await listRules(user)).map((rule) => ruleJson(rule)) }));

// Drafts by members of the owning team; enforced rules by managers of the scope (admins org-wide): checked in createRule.
export const POST = apiRoute({ body: createRuleSchema }, async ({ user, body }) => {
  const rule = await createRule(user, body);
  if (rule.status === "ENFORCED") await requestPolicyEvaluation({ organizationId: user.organizationId, ruleIds: [rule.id] });
  return Response.json(ruleJson(rule), { status: 201 });
});
