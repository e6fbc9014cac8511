// Liveness: 200 while the process serves requests at all. It does not touch the database, so an
// orchestrator does not restart healthy instances during a database outage.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
