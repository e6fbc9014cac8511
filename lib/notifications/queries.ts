import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { preparedSql } from "@/lib/prepared-statements";
import type { Principal } from "@/lib/permissions";
import { groupBellRows, type BellRow } from "@/lib/notifications/group";

/**
 * The bell shows "99+" past 99, so counting stops at 100: a manager with tens of thousands of unread
 * escalations would otherwise pay for counting them all on every page.
 */
export const BELL_UNREAD_CAP = 100;

/** How many notifications the open bell lists. */
export const BELL_LIST_SIZE = 15;

/**
 * The signed-in user's unread count, up to BELL_UNREAD_CAP. Cached per request, as the frame draws
 * the bell twice (sidebar and mobile header). Plain SQL: Prisma's `count({ take })` adds an
 * ORDER BY id that sorts every unread row before counting the first hundred.
 */
export const unreadCountFor = cache(async (userId: string): Promise<number> => {
  const rows = await db.$queryRaw<{ unread: number }[]>(preparedSql`
    SELECT count(*)::int AS unread
    FROM (SELECT 1 FROM notifications WHERE user_id = ${userId} AND read_at IS NULL LIMIT ${BELL_UNREAD_CAP}) AS capped`);
  return rows[0]?.unread ?? 0;
});

/**
 * How many of the latest notifications the bell groups into its rows: enough that a busy COE's
 * comments fold into one row and the list still fills, without reading a user's whole history.
 */
const BELL_GROUPING_WINDOW = BELL_LIST_SIZE * 4;

/** The open bell's list: the user's latest notifications (their own only), newest first, one row per subject. */
export async function latestNotificationsFor(user: Principal): Promise<BellRow[]> {
  const rows = await db.notification.findMany({
    where: { userId: user.userId },
    select: { id: true, kind: true, title: true, actionId: true, href: true, readAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: BELL_GROUPING_WINDOW,
  });
  return groupBellRows(
    rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      href: notificationHref(row),
      read: row.readAt !== null,
      createdAt: row.createdAt.toISOString(),
    })),
    BELL_LIST_SIZE,
  );
}

/** Where a notification leads: its own link, or the corrective action it is about. */
export function notificationHref(notification: { href: string | null; actionId: string | null }): string {
  return notification.href ?? (notification.actionId ? `/actions/${notification.actionId}` : "/");
}

/** The kinds the user turned off in account settings. */
export async function notificationOptOutsFor(user: Principal): Promise<string[]> {
  const rows = await db.notificationOptOut.findMany({ where: { userId: user.userId }, select: { kind: true } });
  return rows.map((row) => row.kind);
}
