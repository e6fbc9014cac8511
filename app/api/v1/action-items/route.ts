import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { Prisma } from "@/lib/generated/prisma/client";
import { actionItemCursorSchema, actionItemListQuerySchema } from "@/lib/actions/api-schemas";
import { actionItemFor, actionItemJson, actionItemSelect } from "@/lib/actions/api-json";
import { createCorrectiveAction } from "@/lib/actions/mutations";
import { createdAfterCursorSql, pageActionIds } from "@/lib/actions/list-sql";
import { actionFilterSql, actionRowsInOrder } from "@/lib/actions/queries";
import { createActionSchema } from "@/lib/actions/schemas";
import { NotFoundError } from "@/lib/errors";

// Scoped like the list page: the same filters, always inside what the caller may see (lib/actions/access.ts).
export const GET = apiRoute({ query: actionItemListQuerySchema }, async ({ user, query }) => {
  const after = readCursor(query.cursor, actionItemCursorSchema);
  const { where } = await actionFilterSql(user, query);
  // The page's ids first, then their rows: relation joins would build every match's owner, team and COE.
  const ids = await pageActionIds(after ? Prisma.sql`${where} AND ${createdAfterCursorSql(after)}` : where, "created", 0, query.limit + 1);
  const rows = await actionRowsInOrder(user.organizationId, ids, actionItemSelect);
  return pageOf(
    rows.map((row) => actionItemJson(row)),
    query.limit,
    (row) => [row.createdAt, row.id],
  );
});

// The same write path as the page: action.update on the team is checked in createCorrectiveAction.
export const POST = apiRoute({ body: createActionSchema }, async ({ user, body }) => {
  const created = await createCorrectiveAction(user, body);
  const action = await actionItemFor(user, created.id);
  if (!action) throw new NotFoundError("The corrective action");
  return Response.json(action, { status: 201 });
});
