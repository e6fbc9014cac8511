import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import type { CurrentUser } from "@/lib/auth/principal";
import { ConflictError, fieldErrorsFromIssues, isUserError, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";
import { GENERIC_FAILURE } from "@/lib/action-messages";
import { MAX_INPUT_DEPTH, nestedDeeperThan, storableValue } from "@/lib/storable-text";
import { malformedTextIssues } from "@/lib/validation/text";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/ops/database-unavailable";
import { RECORD_GONE_MESSAGE, isRecordGone, warnRecordGone } from "@/lib/db-errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: FieldErrors; status: number; current?: unknown };

/**
 * The one wrapper every server action goes through (CONTRIBUTING.md rule 2): loads the session once,
 * parses the input with the same zod schema the form uses, hands the user to the action, and turns
 * errors into a result the form can show. The role check stays explicit inside each action.
 */
export function authedAction<Schema extends z.ZodType, Result>(
  name: string,
  schema: Schema,
  run: (input: z.output<Schema>, user: CurrentUser) => Promise<Result>,
): (input: z.input<Schema>) => Promise<ActionResult<Result>> {
  return async (input) => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "Your session has ended. Sign in again; what you typed is still on this page.", fieldErrors: {}, status: 401 };
    if (nestedDeeperThan(input)) return { ok: false, error: `The form's data nests more than ${MAX_INPUT_DEPTH} levels deep.`, fieldErrors: {}, status: 400 };
    const storable = storableValue(input);
    const malformed = malformedTextIssues(storable);
    if (malformed.length > 0) return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsFromIssues(malformed), status: 400 };
    const parsed = schema.safeParse(storable);
    if (!parsed.success) {
      return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsFromIssues(parsed.error.issues), status: 400 };
    }
    try {
      return { ok: true, data: await run(parsed.data, user) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ConflictError) {
        return { ok: false, error: error.message, fieldErrors: {}, status: 409, current: error.current };
      }
      if (isUserError(error)) return { ok: false, error: error.message, fieldErrors: error.fieldErrors, status: error.status };
      if (isDatabaseUnavailable(error)) return { ok: false, error: DATABASE_UNAVAILABLE_MESSAGE, fieldErrors: {}, status: 503 };
      if (isRecordGone(error)) {
        warnRecordGone(error, { action: name, userId: user.userId });
        return { ok: false, error: RECORD_GONE_MESSAGE, fieldErrors: {}, status: 404 };
      }
      logError(`action ${name} failed`, error, { userId: user.userId });
      return { ok: false, error: GENERIC_FAILURE, fieldErrors: {}, status: 500 };
    }
  };
}
