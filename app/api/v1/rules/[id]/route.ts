import { apiRoute } from "@/lib/api/handler";
import { ruleJson } from "@/lib/policies/api-json";
import { idParamsSchema, ruleDeleteQuerySchema, rulePatchSchema } from "@/lib/policies/api-schemas";
import { patchRule, readRule } from "@/lib/policies/rule-api";
import { deleteRule } from "@/lib/policies/rule-mutations";

export const GET = apiRoute({ params: idParamsSchema }, async ({ user, params }) => ruleJson(await readRule(user, params.id)));

// Scope rights (managers for their subtree, admins org-wide; the owning team for drafts) and the version are checked in the mutations.
export const PATCH = apiRoute({ params: idParamsSchema, body: rulePatchSchema }, async ({ user, params, body }) => patchRule(user, params.id, body));

// Whoever may edit the rule deletes it, its findings with it (deleteRule).
export const DELETE = apiRoute({ params: idParamsSchema, query: ruleDeleteQuerySchema }, async ({ user, params, query }) => {
  await deleteRule(user, { ruleId: params.id, version: query.version });
  return new Response(null, { status: 204 });
});
