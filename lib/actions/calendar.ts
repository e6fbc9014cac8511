import "server-only";
import { db } from "@/lib/db";
import { FEED_PREFIX, hashSecret, recordFeedUse } from "@/lib/actions/calendar-mutations";
import { loadCurrentUser } from "@/lib/auth/principal";
import { visibleActionsWhere } from "@/lib/actions/access";
import { buildIcs } from "@/lib/actions/ics";
import { freezeOccurrencesOfTeams, teamsTouching } from "@/lib/freeze-windows/queries";
import { calendarGameDays } from "@/lib/game-days/queries";
import { orgTeamTree } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";

/** Per-user calendar feeds, read here; created, revoked and marked used in calendar-mutations.ts. */
const DAY_MS = 24 * 60 * 60 * 1000;

export async function activeFeed(userId: string) {
  return db.calendarFeed.findFirst({ where: { userId, revokedAt: null }, select: { id: true, createdAt: true, lastUsedAt: true } });
}

/**
 * The ICS text for a feed secret, or null when the secret is unknown or revoked. The feed lists
 * the user's own open actions with a due date, within what the user may see, the deploy freeze
 * windows reaching their teams, and the game days of their teams (and below) or with them in it,
 * from a week ago to three months ahead.
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
  await recordFeedUse(feed.id);
  const actions = await db.correctiveAction.findMany({
    where: { AND: [visibleActionsWhere(principal), { ownerId: feed.user.id, status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { not: null } }] },
    select: { id: true, title: true, dueDate: true, status: true, updatedAt: true, team: { select: { name: true } } },
    orderBy: { dueDate: "asc" },
    take: 1000,
  });
  const now = Date.now();
  const from = new Date(now - 7 * DAY_MS);
  const until = new Date(now + 92 * DAY_MS);
  const tree = await orgTeamTree(principal.organizationId);
  const [freezes, gameDays] = await Promise.all([
    freezeOccurrencesOfTeams(principal, teamsTouching(tree, principal.directTeamIds), from, until),
    calendarGameDays(principal, [...new Set(principal.directTeamIds.flatMap((teamId) => subtreeIds(tree, teamId)))], from, until),
  ]);
  const host = new URL(baseUrl).hostname;
  return buildIcs(
    actions.map((action) => ({
      id: action.id,
      title: action.title,
      dueDate: action.dueDate!,
      status: action.status,
      teamName: action.team.name,
      url: `${baseUrl}/actions/${action.id}`,
      updatedAt: action.updatedAt,
    })),
    {
      calendarName: `Andon actions — ${feed.user.name}`,
      host,
      freezes: freezes.map((freeze) => ({ ...freeze, url: `${baseUrl}/freeze-windows#${freeze.windowId}` })),
      gameDays: gameDays.map((gameDay) => ({
        id: gameDay.id,
        title: gameDay.title,
        teamName: gameDay.team.name,
        environment: gameDay.environment,
        status: gameDay.status,
        startsAt: gameDay.scheduledAt,
        durationMinutes: gameDay.durationMinutes,
        facilitatorName: gameDay.facilitator?.name ?? null,
        url: `${baseUrl}/game-days/${gameDay.id}`,
        updatedAt: gameDay.updatedAt,
      })),
    },
  );
}
