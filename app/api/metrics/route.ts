import { timingSafeEqual } from "node:crypto";
import { clientAddress } from "@/lib/auth/client-address";
import { env } from "@/lib/env";
import { metrics } from "@/lib/ops/metrics";

// Prometheus text format. Readable with `Authorization: Bearer $METRICS_TOKEN`, or without a token
// from the client addresses in METRICS_ALLOW_IPS (default: this host only). The client address is
// the one sign-in limits use: the socket's, or what a proxy in TRUSTED_PROXIES reports; never a
// header the client wrote (a reverse proxy on this host would otherwise open metrics to all).
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  if (!allowed(request)) {
    return new Response("Metrics need `Authorization: Bearer <METRICS_TOKEN>` or a client address in METRICS_ALLOW_IPS.\n", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}

function allowed(request: Request): boolean {
  const { METRICS_TOKEN, METRICS_ALLOW_IPS } = env();
  const authorization = request.headers.get("authorization") ?? "";
  if (METRICS_TOKEN && authorization.startsWith("Bearer ")) {
    const given = Buffer.from(authorization.slice("Bearer ".length).trim());
    const expected = Buffer.from(METRICS_TOKEN);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  }
  return METRICS_ALLOW_IPS.includes(clientAddress(request.headers));
}
