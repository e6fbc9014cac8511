import type { ActionResult } from "@/lib/action";

const UNREACHABLE = "Andon could not be reached, and nothing was saved. Check your connection and try again; what you typed is still here.";

/** Calls a server action from the browser; a dropped connection becomes a failed result, not a crash. */
export async function runAction<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: UNREACHABLE, fieldErrors: {}, status: 0 };
  }
}

/**
 * For a ConfirmButton's `onConfirm`: runs the action, then `onDone` with its data. Returns the
 * error sentence for the dialog to show, or null so the dialog closes.
 */
export async function confirmAction<T>(call: () => Promise<ActionResult<T>>, onDone: (data: T) => void): Promise<string | null> {
  const result = await runAction(call);
  if (!result.ok) return result.error;
  onDone(result.data);
  return null;
}
