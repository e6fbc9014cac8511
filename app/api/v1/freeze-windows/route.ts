import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { pageOf, paginationQuerySchema, readCursor } from "@/lib/api/pagination";
import { createFreezeWindow } from "@/lib/freeze-windows/mutations";
import { listFreezeWindowsAfter } from "@/lib/freeze-windows/queries";
import { freezeWindowSchema } from "@/lib/freeze-windows/schemas";
import { instantStringSchema } from "@/lib/validation/dates";

const cursorSchema = z.tuple([instantStringSchema(), z.string().min(1).max(100)]);

// Freeze windows are readable by everyone in the organization; a manager of the team creates them.
export const GET = apiRoute({ query: paginationQuerySchema }, async ({ user, query }) => {
  const rows = await listFreezeWindowsAfter(user, readCursor(query.cursor, cursorSchema), query.limit + 1);
  return pageOf(rows, query.limit, (window) => [window.startsAt, window.id]);
});

export const POST = apiRoute({ body: freezeWindowSchema }, async ({ user, body }) => Response.json(await createFreezeWindow(user, body), { status: 201 }));
