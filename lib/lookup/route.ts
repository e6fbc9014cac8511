import "server-only";
import type { CurrentUser } from "@/lib/auth/principal";
import { problemResponse } from "@/lib/api/problem";
import { sessionRoute } from "@/lib/api/session-route";
import { fieldErrorsFromIssues } from "@/lib/errors";
import { storableText } from "@/lib/storable-text";
import { lookupQuerySchema, type LookupItem } from "@/lib/lookup/schemas";

/**
 * A type-ahead lookup (GET /api/lookup/…): for the signed-in browser session only — pickers live in
 * pages — answering `{ items: [{ value, label, hint? }] }`, errors as problem+json (503 while the
 * database is away, like every session route).
 */
export function lookupRoute(find: (user: CurrentUser, query: string, limit: number) => Promise<LookupItem[]>) {
  return sessionRoute(async ({ request, user }) => {
    const parsed = lookupQuerySchema.safeParse(Object.fromEntries([...new URL(request.url).searchParams].map(([key, value]) => [key, storableText(value)])));
    if (!parsed.success) return problemResponse(400, "The lookup has invalid fields.", { fieldErrors: fieldErrorsFromIssues(parsed.error.issues) });
    const items = await find(user, parsed.data.q, parsed.data.limit);
    // Per person and changing with every edit: never cached by a shared cache.
    return Response.json({ items }, { headers: { "cache-control": "private, no-store" } });
  });
}
