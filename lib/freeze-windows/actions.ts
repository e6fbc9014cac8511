"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { createFreezeWindow, deleteFreezeWindow } from "@/lib/freeze-windows/mutations";
import { deleteFreezeWindowSchema, freezeWindowSchema } from "@/lib/freeze-windows/schemas";

// Thin doors onto lib/freeze-windows/mutations.ts, which the API calls too; the manager check lives there.

export const createFreezeWindowAction = authedAction("freezeWindow.create", freezeWindowSchema, async (input, user) => {
  const window = await createFreezeWindow(user, input);
  revalidatePath("/freeze-windows");
  return { id: window.id, nextStartsAt: window.nextOccurrences[0]?.startsAt ?? null };
});

export const deleteFreezeWindowAction = authedAction("freezeWindow.delete", deleteFreezeWindowSchema, async (input, user) => {
  await deleteFreezeWindow(user, input.windowId);
  revalidatePath("/freeze-windows");
  return { id: input.windowId };
});
