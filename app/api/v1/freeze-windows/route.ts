import { apiRoute } from "@/lib/api/handler";
import { paginationQuerySchema } from "@/lib/api/pagination";
import { createFreezeWindow } from "@/lib/freeze-windows/mutations";
import { listFreezeWindows } from "@/lib/freeze-windows/queries";
import { freezeWindowSchema } from "@/lib/freeze-windows/schemas";

// Freeze windows are readable by everyone in the organization; a manager of the team creates them.
export const GET = apiRoute({ query: paginationQuerySchema.pick({ limit: true }) }, async ({ user }) => ({
  data: await listFreezeWindows(user),
}));

export const POST = apiRoute({ body: freezeWindowSchema }, async ({ user, body }) => Response.json(await createFreezeWindow(user, body), { status: 201 }));
