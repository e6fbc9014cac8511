import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { coeCursorSchema, coeJson, coeListQuerySchema } from "@/lib/coes/api-schemas";
import { createCoe } from "@/lib/coes/mutations";
import { listCoesForApi } from "@/lib/coes/queries";
import { createCoeSchema } from "@/lib/coes/schemas";

// Scoped like the list page: only COEs the caller may read (lib/coes/access.ts).
export const GET = apiRoute({ query: coeListQuerySchema }, async ({ user, query }) => {
  const rows = await listCoesForApi(user, query, readCursor(query.cursor, coeCursorSchema));
  return pageOf(rows, query.limit, (row) => [row.updatedAt, row.id]);
});

// The same write path as the "New COE" page: coe.write on the team is checked in createCoe.
export const POST = apiRoute({ body: createCoeSchema }, async ({ user, body }) => {
  const created = await createCoe(user, body);
  return Response.json(coeJson(created), { status: 201 });
});
