import "server-only";
import { db } from "@/lib/db";

/** The signed-in floor page's one statement: 20 services of the user's organization by name. */
export async function benchFloorRows(userId: string): Promise<{ id: string; name: string }[]> {
  return db.$queryRaw<{ id: string; name: string }[]>`
    SELECT s.id, s.name FROM services s
    WHERE s.organization_id = (SELECT organization_id FROM users WHERE id = ${userId})
    ORDER BY s.name LIMIT 20`;
}

/** The route-handler floor's one statement (no session): 20 services in primary-key order. */
export async function benchFloorQuery(): Promise<{ id: string; name: string }[]> {
  return db.service.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" }, take: 20 });
}
