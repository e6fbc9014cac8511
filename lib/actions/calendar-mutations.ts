import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/principal";

/**
 * Per-user calendar feeds. The URL carries a secret (calendar apps cannot send a token header);
 * only its SHA-256 is stored, the secret is shown once, and a new feed revokes the old one.
 */
export const FEED_PREFIX = "cal_";

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Creates a new feed secret, revoking any earlier one. Returns the secret, shown once. */
export async function createFeed(user: CurrentUser): Promise<{ secret: string }> {
  const secret = FEED_PREFIX + randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.updateMany({ where: { userId: user.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    const feed = await tx.calendarFeed.create({ data: { userId: user.userId, tokenHash: hashSecret(secret) }, select: { id: true } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "calendar_feed.created",
      entityType: "calendar_feed",
      entityId: feed.id,
      summary: "Created a calendar feed URL",
    });
  });
  return { secret };
}

export async function revokeFeed(user: CurrentUser): Promise<{ revoked: number }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.calendarFeed.updateMany({ where: { userId: user.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count > 0)
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.userId,
        action: "calendar_feed.revoked",
        entityType: "calendar_feed",
        entityId: user.userId,
        summary: "Revoked the calendar feed URL",
      });
    return { revoked: count };
  });
}

/** A calendar app fetched the feed (the settings page shows when it last did). */
export async function recordFeedUse(feedId: string): Promise<void> {
  await db.calendarFeed.update({ where: { id: feedId }, data: { lastUsedAt: new Date() } });
}
