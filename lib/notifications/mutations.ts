import "server-only";
import type { NotificationKind } from "@/lib/generated/prisma/client";
import { db, type DbClient } from "@/lib/db";

/** Marks the caller's own notifications read (all unread ones when no ids are given). */
export async function markNotificationsRead(userId: string, ids?: string[]): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
  return { marked: count };
}

/** One notification that is not an action reminder: what happened, to whom, and where it leads. */
export interface NotificationInput {
  organizationId: string;
  kind: NotificationKind;
  title: string;
  /** The exact place in the app the notification opens, e.g. `/coes/abc#thread-1`. */
  href: string;
  /** Names the subject and occasion (e.g. `cord:<id>:pulled`); a user never gets the same key and kind twice. */
  dedupeKey: string;
}

/**
 * Notifies each user once per (kind, dedupeKey): the one write path for every notification that is
 * not an action reminder (COE review, cords, findings, verifications, webhooks…). Pass the caller's
 * transaction so the notification commits with the change it announces. The acting user is left
 * out: nobody is told about what they did themselves; so are users who opted out of the kind
 * (NotificationOptOut) and deactivated users. Email follows from the reminder job's mailer
 * when SMTP is configured.
 */
export async function notifyUsers(client: DbClient, userIds: Iterable<string>, notification: NotificationInput, actorId?: string): Promise<number> {
  const recipients = [...new Set(userIds)].filter((userId) => userId !== actorId);
  if (recipients.length === 0) return 0;
  // One statement: who already has this one, and who opted out of the kind in account settings.
  const existing = await client.user.findMany({
    where: {
      id: { in: recipients },
      OR: [
        { notifications: { some: { kind: notification.kind, dedupeKey: notification.dedupeKey, actionId: null } } },
        { notificationOptOuts: { some: { kind: notification.kind } } },
        { deactivatedAt: { not: null } },
      ],
    },
    select: { id: true },
  });
  const already = new Set(existing.map((row) => row.id));
  const fresh = recipients.filter((userId) => !already.has(userId));
  if (fresh.length === 0) return 0;
  const { count } = await client.notification.createMany({
    data: fresh.map((userId) => ({ ...notification, userId })),
  });
  return count;
}

/**
 * notifyUsers for many notifications at once, under the same rules (once per user, kind and key;
 * not to the actor, to users who opted out of the kind or to deactivated users), in one statement
 * whatever their number: a policy evaluation tells each of hundreds of teams about its new findings.
 */
export async function notifyUsersInBulk(
  client: DbClient,
  batch: { userIds: Iterable<string>; notification: NotificationInput }[],
  actorId?: string,
): Promise<number> {
  const rows = batch.flatMap(({ userIds, notification }) =>
    [...new Set(userIds)]
      .filter((userId) => userId !== actorId)
      .map((userId) => ({
        user_id: userId,
        organization_id: notification.organizationId,
        kind: notification.kind,
        title: notification.title,
        href: notification.href,
        dedupe_key: notification.dedupeKey,
      })),
  );
  if (rows.length === 0) return 0;
  return client.$executeRaw`
    INSERT INTO notifications (id, organization_id, user_id, kind, dedupe_key, title, href, created_at)
    SELECT DISTINCT ON (x.user_id, x.kind, x.dedupe_key)
      gen_random_uuid()::text, x.organization_id, x.user_id, x.kind::"NotificationKind", x.dedupe_key, x.title, x.href, now() AT TIME ZONE 'UTC'
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(user_id text, organization_id text, kind text, title text, href text, dedupe_key text)
    JOIN users u ON u.id = x.user_id AND u.deactivated_at IS NULL
    WHERE NOT EXISTS (SELECT 1 FROM notification_opt_outs o WHERE o.user_id = x.user_id AND o.kind = x.kind::"NotificationKind")
      AND NOT EXISTS (
        SELECT 1 FROM notifications n
        WHERE n.user_id = x.user_id AND n.kind = x.kind::"NotificationKind" AND n.dedupe_key = x.dedupe_key AND n.action_id IS NULL
      )`;
}

/** Turns one optional kind on or off for the caller (account settings); idempotent. */
export async function setNotificationPreference(userId: string, kind: NotificationKind, enabled: boolean): Promise<void> {
  if (enabled) await db.notificationOptOut.deleteMany({ where: { userId, kind } });
  else await db.notificationOptOut.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind }, update: {} });
}
