"use server";

import { fieldErrorsFromIssues, isUserError } from "@/lib/errors";
import type { ActionResult } from "@/lib/action";
import { GENERIC_FAILURE } from "@/lib/action-messages";
import { logError } from "@/lib/log";
import { createFirstOrganization } from "@/lib/setup/mutations";
import { setupSchema, type SetupInput } from "@/lib/setup/schemas";

// The one action that runs without a session: it only works while the database has no organization.
export async function setupAction(input: SetupInput): Promise<ActionResult<{ email: string }>> {
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsFromIssues(parsed.error.issues), status: 400 };
  try {
    const admin = await createFirstOrganization(parsed.data);
    return { ok: true, data: { email: admin.email } };
  } catch (error) {
    if (isUserError(error)) return { ok: false, error: error.message, fieldErrors: error.fieldErrors, status: error.status };
    logError("first-run setup failed", error);
    return { ok: false, error: GENERIC_FAILURE, fieldErrors: {}, status: 500 };
  }
}
