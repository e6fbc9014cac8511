import { readinessResponse } from "@/lib/ops/health";

// Readiness: 200 when this instance should get traffic (database reachable within 1.5 s, migrations
// applied, job queue running, not shutting down); 503 otherwise. No authentication, no data.
export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return readinessResponse();
}
