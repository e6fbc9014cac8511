import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/**
 * The bell shows "99+" past 99, so counting stops at 100: a manager with tens of thousands of unread
 * escalations would otherwise pay for counting them all on every page.
 */
export const BELL_UNREAD_CAP = 100;

/**
 * The bell: unread count (up to BELL_UNREAD_CAP) and the latest notifications of the signed-in user
 * (their own only). Cached per request, as the frame draws the bell twice (sidebar and mobile header).
 */
export const bellFor = cache(async (userId: string) => {
  const [unread, latest] = await Promise.all([
    db.notification.count({ where: { userId, readAt: null }, take: BELL_UNREAD_CAP }),
    db.notification.findMany({
      where: { userId },
      select: { id: true, kind: true, title: true, actionId: true, readAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 15,
    }),
  ]);
  return { unread, latest };
});
