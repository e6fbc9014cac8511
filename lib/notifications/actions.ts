"use server";

import { z } from "zod";
import { authedAction } from "@/lib/action";
import { markNotificationsRead } from "@/lib/notifications/mutations";

/** Any signed-in user, on their own notifications only (the mutation scopes by the caller's id). */
export const markNotificationsReadAction = authedAction(
  "markNotificationsRead",
  z.object({ ids: z.array(z.string().max(100)).max(100).optional() }),
  async (input, user) => markNotificationsRead(user.userId, input.ids),
);
