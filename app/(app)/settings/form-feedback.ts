import type { z } from "zod";
import type { ActionResult } from "@/lib/action";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/errors";

const UNREACHABLE = "Andon could not be reached, and nothing was saved. Check your connection and try again; what you typed is still here.";

/** Calls a server action from a form; a dropped connection becomes a failed result, not a crash. */
export async function runAction<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: UNREACHABLE, fieldErrors: {}, status: 0 };
  }
}

/** Instant feedback with the same schema the server parses with; null when the input is valid. */
export function clientFieldErrors(schema: z.ZodType, input: unknown): FieldErrors | null {
  const parsed = schema.safeParse(input);
  return parsed.success ? null : fieldErrorsFromIssues(parsed.error.issues);
}

export type { FieldErrors };
