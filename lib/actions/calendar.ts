import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/principal";
import { visibleActionsWhere } from "@/lib/actions/access";
import { buildIcs } from "@/lib/actions/ics";

/**
 * Per-user calendar feeds. The URL carries a secret (calendar apps cannot send a token header);
 * only its SHA-256 is stored, the secret is shown once, and a new feed revokes the old one.
 */
const FEED_PREFIX = "cal_";

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export async function activeFeed(userId: string) {
  return db.calendarFeed.findFirst({ where: { userId, revokedAt: null }, select: { id: true, createdAt: true, lastUsedAt: true } });
}

/** Creates a new feed secret, revoking any earlier one. Returns the secret, shown once. */
export async function createFeed(user: CurrentUser): Promise<{ secret: string }> {
  const secret = FEED_PREFIX + randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.updateMany({ where: { userId: user.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    const feed = await tx.calendarFeed.create({ data: { userId: user.userId, tokenHash: hashSecret(secret) }, select: { id: true } });
    await recordAudit(tx, { organizationId: user.organizationId, actorId: user.userId, action: "calendar_feed.created", entityType: "calendar_feed", entityId: feed.id, summary: "Created a calendar feed URL" });
  });
  return { secret };
}

export async function revokeFeed(user: CurrentUser): Promise<{ revoked: number }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.calendarFeed.updateMany({ where: { userId: user.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count > 0) await recordAudit(tx, { organizationId: user.organizationId, actorId: user.userId, action: "calendar_feed.revoked", entityType: "calendar_feed", entityId: user.userId, summary: "Revoked the calendar feed URL" });
    return { revoked: count };
  });
}

/**
 * The ICS text for a feed secret, or null when the secret is unknown or revoked. The feed lists
 * the user's own open actions with a due date, within what the user may see.
 */
export async function feedIcs(secret: string, baseUrl: string): Promise<string | null> {
  if (!secret.startsWith(FEED_PREFIX) || secret.length > 200) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: { id: true, revokedAt: true, user: { select: { id: true, name: true, deactivatedAt: true, organizationId: true } } },
  });
  if (!feed || feed.revokedAt || feed.user.deactivatedAt) return null;
  // The same scope as the pages: an owner outside a restricted COE's team does not see its actions.
  const principal = await loadCurrentUser(feed.user.id);
  if (!principal) return null;
  await db.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: new Date() } });
  const actions = await db.correctiveAction.findMany({
    where: { AND: [visibleActionsWhere(principal), { ownerId: feed.user.id, status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { not: null } }] },
    select: { id: true, title: true, dueDate: true, status: true, updatedAt: true, team: { select: { name: true } } },
    orderBy: { dueDate: "asc" },
    take: 1000,
  });
  const host = new URL(baseUrl).hostname;
  return buildIcs(
    actions.map((action) => ({ id: action.id, title: action.title, dueDate: action.dueDate!, status: action.status, teamName: action.team.name, url: `${baseUrl}/actions/${action.id}`, updatedAt: action.updatedAt })),
    { calendarName: `Andon actions — ${feed.user.name}`, host },
  );
}
