import { sessionRoute } from "@/lib/api/session-route";
import { latestNotificationsFor, unreadCountFor } from "@/lib/notifications/queries";

/**
 * The bell's list, loaded when the bell is opened (the frame renders only the unread count, so
 * pages don't carry fifteen notifications each). The browser session's own notifications only.
 */
export const GET = sessionRoute(async ({ user }) => {
  const [unread, items] = await Promise.all([unreadCountFor(user.userId), latestNotificationsFor(user)]);
  return Response.json({ unread, items }, { headers: { "cache-control": "private, no-store" } });
});
