import "server-only";
import { after } from "next/server";
import { logError } from "@/lib/log";

/**
 * Asks for a reminder run once the current request has answered, so the owner's bell and email do
 * not wait for the next scheduled run. Called by the action mutations themselves, whichever door
 * the change came through (page, API, COE editor, weekly review): `after()` runs once the response
 * is sent, when the change's transaction has committed (even one the caller opened), so the run
 * sees the change. Outside a request (jobs, scripts, tests) it asks at once.
 */
export function requestReminderRunAfterChange(): void {
  // Loaded when needed: lib/jobs/boss.ts registers jobs whose domains reach the action mutations.
  const request = async () => {
    try {
      await (await import("@/lib/jobs/boss")).requestReminderRun();
    } catch (error) {
      logError("could not ask for a reminder run", error);
    }
  };
  try {
    after(request);
  } catch {
    // after() throws outside a request scope; there is no response to wait for.
    void request();
  }
}
