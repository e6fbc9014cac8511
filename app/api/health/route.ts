import { readinessResponse } from "@/lib/ops/health";

// Kept for load balancers configured before the split: the same answer as /api/health/ready.
export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return readinessResponse();
}
