import { apiRoute } from "@/lib/api/handler";
import { ConflictError, NotFoundError, fieldErrorsFromIssues, ValidationError } from "@/lib/errors";
import { actionItemIdParamsSchema, actionItemPatchSchema, changeStatusSchema } from "@/lib/actions/api-schemas";
import { actionItemFor } from "@/lib/actions/api-json";
import { patchCorrectiveAction } from "@/lib/actions/mutations";
import type { CurrentUser } from "@/lib/auth/principal";

async function readAction(user: CurrentUser, id: string) {
  const action = await actionItemFor(user, id);
  if (!action) throw new NotFoundError("The corrective action");
  return action;
}

export const GET = apiRoute({ params: actionItemIdParamsSchema }, async ({ user, params }) => readAction(user, params.id));

/**
 * Version-checked field edits and an optional status change, in one transaction through
 * lib/actions/mutations.ts (which checks who may do what). A stale `version` is a 409 with the
 * action as it is now.
 */
export const PATCH = apiRoute({ params: actionItemIdParamsSchema, body: actionItemPatchSchema }, async ({ user, params, body }) => {
  const { status, evidence, verificationMethod, verificationNote, wontDoReason, ...fields } = body;
  let statusChange;
  if (status) {
    const parsed = changeStatusSchema.safeParse({
      actionId: params.id,
      version: body.version,
      status,
      evidence,
      verificationMethod,
      verificationNote,
      wontDoReason,
    });
    if (!parsed.success) throw new ValidationError("The status change needs more information.", fieldErrorsFromIssues(parsed.error.issues));
    statusChange = {
      status: parsed.data.status,
      evidence: parsed.data.evidence,
      verificationMethod: parsed.data.verificationMethod,
      verificationNote: parsed.data.verificationNote,
      wontDoReason: parsed.data.wontDoReason,
    };
  }
  try {
    await patchCorrectiveAction(user, { ...fields, actionId: params.id }, statusChange);
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError(error.message, await readAction(user, params.id));
    throw error;
  }
  return readAction(user, params.id);
});
