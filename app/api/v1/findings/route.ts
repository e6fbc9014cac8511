import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { findingJson } from "@/lib/policies/api-json";
import { findingCursorSchema, findingListQuerySchema } from "@/lib/policies/api-schemas";
import { listFindings } from "@/lib/policies/queries";

// Scoped to the teams the caller reads (visibleFindingsWhere), like the pages.
export const GET = apiRoute({ query: findingListQuerySchema }, async ({ user, query }) => {
  const cursor = readCursor(query.cursor, findingCursorSchema);
  const rows = await listFindings(
    user,
    {
      teamId: query.team,
      serviceId: query.service,
      ruleId: query.rule,
      status: query.status,
      severity: query.severity,
      kind: query.kind,
      category: query.category,
    },
    { limit: query.limit, after: cursor ? { openedAt: new Date(cursor[0]), id: cursor[1] } : null },
  );
  return pageOf(rows.map(findingJson), query.limit, (row) => [row.openedAt, row.id]);
});
