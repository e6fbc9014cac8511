import "server-only";
import { db } from "@/lib/db";
import { notifyUsers } from "@/lib/notifications/mutations";
import { currentTreeVersion, teamTreeAtVersion } from "@/lib/org/team-tree-cache";
import { subtreeIds } from "@/lib/org/tree";

const DAY_MS = 86_400_000;

/** "2026-W49" of a UTC day: the digest's dedupe key, so a job that runs twice sends it once. */
function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * The weekly learnings digest, per person for their part of the org tree: best practices promoted
 * in the last seven days (organization-wide), and confirmed lessons of COEs approved in those days
 * in the subtrees of the teams they belong to. In-app (and by email when SMTP is set, through the
 * notification mailer); people who turned LEARNINGS_DIGEST off in account settings are skipped by
 * notifyUsers. Nobody is told about an empty week.
 */
export async function sendLearningsDigests(now = new Date()): Promise<{ notified: number }> {
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const week = isoWeekOf(now);
  let notified = 0;
  for (const { id: organizationId } of await db.organization.findMany({ select: { id: true } })) {
    const [practices, lessonsByTeam, members] = await Promise.all([
      db.bestPractice.count({ where: { organizationId, createdAt: { gte: since, lte: now } } }),
      db.$queryRaw<{ teamId: string; lessons: number }[]>`
        SELECT c.team_id AS "teamId", count(*)::int AS lessons
        FROM lessons l JOIN coes c ON c.id = l.coe_id
        WHERE l.organization_id = ${organizationId} AND l.status = 'CONFIRMED' AND c.approved_at >= ${since} AND c.approved_at <= ${now}
        GROUP BY c.team_id`,
      db.membership.findMany({ where: { team: { organizationId }, user: { deactivatedAt: null } }, select: { userId: true, teamId: true } }),
    ]);
    if (practices === 0 && lessonsByTeam.length === 0) continue;
    const teams = await teamTreeAtVersion(organizationId, await currentTreeVersion(organizationId));
    const lessonsOf = new Map(lessonsByTeam.map((row) => [row.teamId, row.lessons]));
    const teamsOfUser = new Map<string, Set<string>>();
    for (const membership of members) {
      const set = teamsOfUser.get(membership.userId) ?? new Set<string>();
      for (const teamId of subtreeIds(teams, membership.teamId)) set.add(teamId);
      teamsOfUser.set(membership.userId, set);
    }
    // People grouped by what their digest says, so each group is one notifyUsers call.
    const groups = new Map<number, string[]>();
    for (const [userId, teamIds] of teamsOfUser) {
      let lessons = 0;
      for (const teamId of teamIds) lessons += lessonsOf.get(teamId) ?? 0;
      if (practices === 0 && lessons === 0) continue;
      groups.set(lessons, [...(groups.get(lessons) ?? []), userId]);
    }
    for (const [lessons, userIds] of groups) {
      const parts = [
        practices ? `${practices} new best practice${practices === 1 ? "" : "s"}` : null,
        lessons ? `${lessons} lesson${lessons === 1 ? "" : "s"} from your teams' COEs` : null,
      ].filter(Boolean);
      notified += await notifyUsers(db, userIds, {
        organizationId,
        kind: "LEARNINGS_DIGEST",
        title: `Learnings this week: ${parts.join(", ")}`,
        href: `/learnings?from=${since.toISOString().slice(0, 10)}&sort=recent`,
        dedupeKey: `learnings-digest:${week}`,
      });
    }
  }
  return { notified };
}
