import "server-only";
import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paginated on the id (ids rise with time). */
export async function listAuditEvents(organizationId: string, filter: { before?: bigint; entityType?: string }) {
  const rows = await db.auditEvent.findMany({
    where: {
      organizationId,
      ...(filter.before ? { id: { lt: filter.before } } : {}),
      ...(filter.entityType ? { entityType: filter.entityType } : {}),
    },
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      summary: true,
      changes: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  return { events, nextBefore: rows.length > AUDIT_PAGE_SIZE ? events.at(-1)!.id : null };
}
