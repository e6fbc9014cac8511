import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import type { CurrentUser } from "@/lib/auth/principal";
import { auditCursorSchema, auditEventListQuerySchema, type AuditEventJson } from "@/lib/audit/api-schemas";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { canAdminister } from "@/lib/permissions";

function assertMayReadAuditLog(user: CurrentUser): void {
  if (!canAdminister(user)) throw new ForbiddenError("Only organization admins can read the audit log.");
}

// Newest first, keyset-paginated on the id (ids rise with time), like the settings page.
export const GET = apiRoute({ query: auditEventListQuerySchema, authorize: assertMayReadAuditLog }, async ({ user, query }) => {
  const before = readCursor(query.cursor, auditCursorSchema);
  const rows = await db.auditEvent.findMany({
    where: {
      organizationId: user.organizationId,
      ...(query.entityType ? { entityType: query.entityType } : {}),
      ...(before ? { id: { lt: BigInt(before[0]) } } : {}),
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
    take: query.limit + 1,
  });
  const events = rows.map((row): AuditEventJson => ({ ...row, id: row.id.toString(), createdAt: row.createdAt.toISOString() }));
  return pageOf(events, query.limit, (event) => [event.id]);
});
