import "server-only";
import type { CurrentUser } from "@/lib/auth/principal";
import { getCurrentUser } from "@/lib/auth/session";
import { problemResponse } from "@/lib/api/problem";
import { fieldErrorsFromIssues } from "@/lib/errors";
import { logError } from "@/lib/log";
import { storableText } from "@/lib/storable-text";
import { lookupQuerySchema, type LookupItem } from "@/lib/lookup/schemas";

/**
 * A type-ahead lookup (GET /api/lookup/…): for the signed-in browser session only — pickers live in
 * pages — answering `{ items: [{ value, label, hint? }] }`, errors as problem+json.
 */
export function lookupRoute(find: (user: CurrentUser, query: string, limit: number) => Promise<LookupItem[]>) {
  return async (request: Request): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) return problemResponse(401, "Sign in to continue.");
      const parsed = lookupQuerySchema.safeParse(Object.fromEntries([...new URL(request.url).searchParams].map(([key, value]) => [key, storableText(value)])));
      if (!parsed.success) return problemResponse(400, "The lookup has invalid fields.", { fieldErrors: fieldErrorsFromIssues(parsed.error.issues) });
      const items = await find(user, parsed.data.q, parsed.data.limit);
      // Per person and changing with every edit: never cached by a shared cache.
      return Response.json({ items }, { headers: { "cache-control": "private, no-store" } });
    } catch (error) {
      logError("lookup failed", error, { url: request.url });
      return problemResponse(500, "Something went wrong on our side. The error has been logged; try again in a moment.");
    }
  };
}
