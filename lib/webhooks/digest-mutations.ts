import "server-only";
import type { DbClient } from "@/lib/db";
import { WEEKLY_DIGEST_EVENT } from "@/lib/events/catalog";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ancestorIds, subtreeIds } from "@/lib/org/tree";
import { publicBaseUrl } from "@/lib/webhooks/delivery";
import { digestChatMessage, type WeeklyDigestContent, type WeeklyDigestData } from "@/lib/webhooks/digest-format";

/** The message's `eventId`: with the (endpoint, eventId) unique key, one digest per endpoint and ISO week. */
const weeklyDigestEventId = (isoWeek: string) => `${WEEKLY_DIGEST_EVENT}:${isoWeek}`;

export type WeeklyDigestTrigger = {
  organizationId: string;
  isoWeek: string;
  window: { from: Date; to: Date };
  /** The review whose agenda was announced; its team decides which endpoints' subtrees it is in. */
  review: WeeklyDigestData["review"];
  /** Reads one subtree's digest (all the organization's teams for an organization-wide endpoint). */
  loadContent: (teamIds: readonly string[]) => Promise<WeeklyDigestContent>;
};

/**
 * Queues the weekly digest for every enabled endpoint with the weekly digest option whose subtree
 * holds the review's team (organization-wide ones too), in the caller's transaction: the webhook
 * messages are the outbox here, so a rolled-back announcement sends nothing. Each endpoint gets its
 * own subtree's digest, once per ISO week: endpoints that already have this week's are skipped, and
 * the unique (endpoint, event id) key settles a race between two announcements. Answers how many were queued.
 */
export async function queueWeeklyDigests(tx: DbClient, trigger: WeeklyDigestTrigger): Promise<number> {
  const eventId = weeklyDigestEventId(trigger.isoWeek);
  const candidates = await tx.webhookEndpoint.findMany({
    where: { organizationId: trigger.organizationId, enabled: true, weeklyDigest: true, messages: { none: { eventId } } },
    select: { id: true, teamId: true, format: true, team: { select: { name: true } } },
  });
  if (candidates.length === 0) return 0;
  const teams = await tx.team.findMany({ where: { organizationId: trigger.organizationId }, select: { id: true, parentId: true } });
  const chain = ancestorIds(teams, trigger.review.teamId);
  const endpoints = candidates.filter((endpoint) => endpoint.teamId === null || chain.includes(endpoint.teamId));
  if (endpoints.length === 0) return 0;

  // One read per distinct subtree: several endpoints of one team (Slack and a raw receiver) share it.
  const contents = new Map<string, WeeklyDigestContent>();
  for (const scope of new Set(endpoints.map((endpoint) => endpoint.teamId))) {
    const teamIds = scope === null ? teams.map((team) => team.id) : subtreeIds(teams, scope);
    contents.set(scope ?? "", await trigger.loadContent(teamIds));
  }
  const origin = publicBaseUrl();
  const timestamp = new Date().toISOString();
  const messages: Prisma.WebhookMessageCreateManyInput[] = endpoints.map((endpoint) => {
    const data: WeeklyDigestData = {
      isoWeek: trigger.isoWeek,
      weekStart: trigger.window.from.toISOString(),
      weekEnd: trigger.window.to.toISOString(),
      teamId: endpoint.teamId,
      teamName: endpoint.team?.name ?? null,
      review: trigger.review,
      ...contents.get(endpoint.teamId ?? "")!,
    };
    const payload =
      endpoint.format === "RAW"
        ? { type: WEEKLY_DIGEST_EVENT, id: `weekly_digest_${trigger.isoWeek}_${endpoint.id}`, timestamp, data }
        : digestChatMessage(endpoint.format, data, origin);
    return { endpointId: endpoint.id, eventId, eventType: WEEKLY_DIGEST_EVENT, payload: payload as unknown as Prisma.InputJsonValue };
  });
  const { count } = await tx.webhookMessage.createMany({ data: messages, skipDuplicates: true });
  return count;
}
