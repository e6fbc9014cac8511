import { apiRoute } from "@/lib/api/handler";
import { ruleJson } from "@/lib/policies/api-json";
import { idParamsSchema, rulePatchSchema } from "@/lib/policies/api-schemas";
import { patchRule, readRule } from "@/lib/policies/rule-api";

export const GET = apiRoute({ params: idParamsSchema }, async ({ user, params }) => ruleJson(await readRule(user, params.id)));

// Scope rights (managers for their subtree, admins org-wide; the owning team for drafts) and the version are checked in the mutations.
export const PATCH = apiRoute({ params: idParamsSchema, body: rulePatchSchema }, async ({ user, params, body }) => patchRule(user, params.id, body));
