"use server";

import { z } from "zod";
import { authedAction } from "@/lib/action";
import { markNotificationsRead, setNotificationPreference } from "@/lib/notifications/mutations";
import { notificationPreferenceSchema } from "@/lib/notifications/preferences";

/** Any signed-in user, on their own notifications only (the mutation scopes by the caller's id). */
export const markNotificationsReadAction = authedAction(
  "markNotificationsRead",
  z.object({ ids: z.array(z.string().max(100)).max(100).optional() }),
  async (input, user) => markNotificationsRead(user.userId, input.ids),
);

/** Any signed-in user, on their own preferences only. */
export const setNotificationPreferenceAction = authedAction("setNotificationPreference", notificationPreferenceSchema, async (input, user) => {
  await setNotificationPreference(user.userId, input.kind, input.enabled);
  return { kind: input.kind, enabled: input.enabled };
});
