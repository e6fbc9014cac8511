import { apiRoute } from "@/lib/api/handler";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { coeIdParamsSchema, coeJson, coePatchSchema, documentPatch } from "@/lib/coes/api-schemas";
import { saveCoe } from "@/lib/coes/mutations";
import { getCoeSnapshot } from "@/lib/coes/queries";
import { coeDocumentSchema } from "@/lib/coes/schemas";
import { snapshotToDocument } from "@/lib/coes/snapshot";

export const GET = apiRoute({ params: coeIdParamsSchema }, async ({ user, params }) => {
  const coe = await getCoeSnapshot(user, params.id);
  if (!coe) throw new NotFoundError("The COE");
  return coeJson(coe);
});

// The editor's write path (saveCoe): same rules, same revision, same audit. Fields not sent keep
// their current values; `version` must be the one the caller read.
export const PATCH = apiRoute({ params: coeIdParamsSchema, body: coePatchSchema }, async ({ user, params, body }) => {
  const fields = documentPatch(body);
  const current = await getCoeSnapshot(user, params.id);
  if (!current) throw new NotFoundError("The COE");
  if (current.version !== body.version) {
    throw new ConflictError(`This COE is at version ${current.version}, not ${body.version}: read it again and reapply your change.`, coeJson(current));
  }
  const document = coeDocumentSchema.parse({ ...snapshotToDocument(current.snapshot), ...fields });
  const saved = await saveCoe(user, { coeId: current.id, baseVersion: body.version, document });
  return coeJson(saved);
});
