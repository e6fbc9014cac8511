import { benchFloorQuery } from "@/lib/bench-floor";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The benchmark's floor for a route handler (only with ANDON_BENCH_FLOORS=on): one indexed query, 20 rows. */
export async function GET(): Promise<Response> {
  if (env().ANDON_BENCH_FLOORS !== "on") return new Response(null, { status: 404 });
  return Response.json({ services: await benchFloorQuery() });
}
