import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { deleteFreezeWindow } from "@/lib/freeze-windows/mutations";
import { getFreezeWindow } from "@/lib/freeze-windows/queries";

const params = z.object({ id: z.string().max(64) });

export const GET = apiRoute({ params }, async ({ user, params }) => {
  const window = await getFreezeWindow(user, params.id);
  if (!window) throw new NotFoundError("The freeze window");
  return window;
});

export const DELETE = apiRoute({ params }, async ({ user, params }) => {
  await deleteFreezeWindow(user, params.id);
  return new Response(null, { status: 204 });
});
