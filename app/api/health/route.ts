import { db } from "@/lib/db";
import { logError } from "@/lib/log";

// Load balancers poll this to decide whether an instance gets traffic: it answers 200 only when the
// database answers too. No authentication and no data beyond "ok".
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await db.organization.findFirst({ select: { id: true }, orderBy: { id: "asc" } });
    return Response.json({ status: "ok", database: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    logError("health check: database unreachable", error);
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
