import { apiRoute } from "@/lib/api/handler";
import { encodeCursor, readCursor } from "@/lib/api/pagination";
import type { CurrentUser } from "@/lib/auth/principal";
import { auditCursorSchema, auditEventListQuerySchema, type AuditEventJson } from "@/lib/audit/api-schemas";
import { listAuditEvents } from "@/lib/audit/queries";
import { ForbiddenError } from "@/lib/errors";
import { canAdminister } from "@/lib/permissions";

function assertMayReadAuditLog(user: CurrentUser): void {
  if (!canAdminister(user)) throw new ForbiddenError("Only organization admins can read the audit log.");
}

// The same query as the settings page: newest first, keyset-paginated on the id.
export const GET = apiRoute({ query: auditEventListQuerySchema, authorize: assertMayReadAuditLog }, async ({ user, query }) => {
  const before = readCursor(query.cursor, auditCursorSchema);
  const { events, nextBefore } = await listAuditEvents(user, { before: before ? BigInt(before[0]) : undefined, entityType: query.entityType }, query.limit);
  const data = events.map((row): AuditEventJson => ({ ...row, id: row.id.toString(), createdAt: row.createdAt.toISOString() }));
  return { data, nextCursor: nextBefore === null ? null : encodeCursor([nextBefore.toString()]) };
});
