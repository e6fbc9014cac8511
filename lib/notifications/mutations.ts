import "server-only";
import { db } from "@/lib/db";

/** Marks the caller's own notifications read (all unread ones when no ids are given). */
export async function markNotificationsRead(userId: string, ids?: string[]): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
  return { marked: count };
}
