import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/permissions";

const AUDIT_PAGE_SIZE = 50;

/**
 * Newest first, keyset-paginated on the id (ids rise with time): the settings page and the API
 * read the log through this one query. `limit` rows plus whether there are more. The log is for
 * admins (canAdminister): both doors check that before they call.
 */
export async function listAuditEvents(reader: Principal, filter: { before?: bigint; entityType?: string }, limit = AUDIT_PAGE_SIZE) {
  const rows = await db.auditEvent.findMany({
    where: {
      organizationId: reader.organizationId,
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
      actor: { select: { id: true, name: true, email: true } },
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const events = rows.slice(0, limit);
  return { events, nextBefore: rows.length > limit ? events.at(-1)!.id : null };
}
