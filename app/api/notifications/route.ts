import { getCurrentUser } from "@/lib/auth/session";
import { problemResponse } from "@/lib/api/problem";
import { logError } from "@/lib/log";
import { latestNotificationsFor, unreadCountFor } from "@/lib/notifications/queries";

/**
 * The bell's list, loaded when the bell is opened (the frame renders only the unread count, so
 * pages don't carry fifteen notifications each). The browser session's own notifications only.
 */
export async function GET(): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) return problemResponse(401, "Sign in to continue.");
    const [unread, items] = await Promise.all([unreadCountFor(user.userId), latestNotificationsFor(user)]);
    return Response.json({ unread, items }, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    logError("loading notifications failed", error);
    return problemResponse(500, "Something went wrong on our side. The error has been logged; try again in a moment.");
  }
}
