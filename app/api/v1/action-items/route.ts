import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { actionItemCursorSchema, actionItemListQuerySchema } from "@/lib/actions/api-schemas";
import { actionItemJson, actionItemSelect } from "@/lib/actions/api-json";
import { createAction } from "@/lib/actions/mutations";
import { actionFilterWhere } from "@/lib/actions/queries";
import { createActionSchema } from "@/lib/actions/schemas";
import { NotFoundError } from "@/lib/errors";

// Scoped like the list page: the same filters, always inside what the caller may see (lib/actions/access.ts).
export const GET = apiRoute({ query: actionItemListQuerySchema }, async ({ user, query }) => {
  const after = readCursor(query.cursor, actionItemCursorSchema);
  const where = await actionFilterWhere(user, query);
  const cursorWhere = after ? [{ OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { gt: after[1] } }] }] : [];
  const rows = await db.correctiveAction.findMany({
    where: { AND: [where, ...cursorWhere] },
    select: actionItemSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: query.limit + 1,
  });
  return pageOf(rows.map((row) => actionItemJson(row)), query.limit, (row) => [row.createdAt, row.id]);
});

// The same write path as the page: action.update on the team is checked in createAction.
export const POST = apiRoute({ body: createActionSchema }, async ({ user, body }) => {
  const created = await createAction(user, body);
  const row = await db.correctiveAction.findFirst({ where: { id: created.id, organizationId: user.organizationId }, select: actionItemSelect });
  if (!row) throw new NotFoundError("The corrective action");
  return Response.json(actionItemJson(row), { status: 201 });
});
