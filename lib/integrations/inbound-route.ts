import "server-only";
import { databaseUnavailableResponse } from "@/lib/api/problem";
import type { InboundResult } from "@/lib/integrations/inbound";
import { isDatabaseUnavailable } from "@/lib/ops/database-unavailable";

/** Inbound deliveries are small JSON documents; GitHub caps its payloads at 25 MB, an issue event is a few KB. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The route handler of an inbound ticket webhook: the integration id from `?integration=`, the raw
 * body (signatures are over the exact bytes), the handler's answer as JSON. No session or token:
 * the signature is the authentication. While the database is away: 503 with Retry-After, so the
 * sender delivers again later.
 */
export function inboundWebhookRoute(handle: (integrationId: string | null, headers: Headers, rawBody: string) => Promise<InboundResult>) {
  return async (request: Request): Promise<Response> => {
    const length = Number(request.headers.get("content-length") ?? "0");
    if (length > MAX_BODY_BYTES) return Response.json({ error: "The delivery is larger than 1 MB." }, { status: 413 });
    const rawBody = await request.text();
    if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) return Response.json({ error: "The delivery is larger than 1 MB." }, { status: 413 });
    try {
      JSON.parse(rawBody);
    } catch {
      return Response.json({ error: "The body is not JSON." }, { status: 400 });
    }
    const integrationId = new URL(request.url).searchParams.get("integration");
    try {
      const result = await handle(integrationId ? integrationId.slice(0, 64) : null, request.headers, rawBody);
      return Response.json(result.body, { status: result.status });
    } catch (error) {
      if (isDatabaseUnavailable(error)) return databaseUnavailableResponse(error, request);
      throw error;
    }
  };
}
