import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/**
 * The bell: unread count and the latest notifications of the signed-in user (their own only).
 * Cached per request, as the frame draws the bell twice (sidebar and mobile header).
 */
export const bellFor = cache(async (userId: string) => {
  const [unread, latest] = await Promise.all([
    db.notification.count({ where: { userId, readAt: null } }),
    db.notification.findMany({
      where: { userId },
      select: { id: true, kind: true, title: true, actionId: true, readAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 15,
    }),
  ]);
  return { unread, latest };
});
