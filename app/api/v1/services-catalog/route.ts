import { apiRoute } from "@/lib/api/handler";
import { requestPolicyEvaluation } from "@/lib/jobs/policies";
import { importCatalog } from "@/lib/policies/catalog-import";
import { catalogImportSchema } from "@/lib/policies/schemas";

// Admins only (checked in importCatalog). `dryRun` (the default) answers the plan without writing.
export const POST = apiRoute({ body: catalogImportSchema }, async ({ user, body }) => {
  const result = await importCatalog(user, body);
  if (result.applied && result.changedServiceIds.length > 0)
    await requestPolicyEvaluation({ organizationId: user.organizationId, serviceIds: result.changedServiceIds });
  return { applied: result.applied, ...result.plan };
});
