import "server-only";
import type { DbClient } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Transition } from "@/lib/coes/schemas";
import { notifyUsers } from "@/lib/notifications/mutations";
import { usersWithRoleOver } from "@/lib/notifications/recipients";

// The COE review loop's notifications, written in the transaction of the change they announce
// (lib/coes/mutations.ts and review-thread-mutations.ts call these). The actor is never told about their own move.

type CoeFacts = { id: string; organizationId: string; teamId: string; title: string; createdById: string | null; authorIds: readonly string[] };

function authorsOf(coe: CoeFacts): string[] {
  return [...new Set([...(coe.createdById ? [coe.createdById] : []), ...coe.authorIds])];
}

/** Who can review a COE of the team: its reviewers and managers, and those of every team above it, authors excepted. */
async function reviewersFor(client: DbClient, coe: CoeFacts): Promise<string[]> {
  const authors = new Set(authorsOf(coe));
  return (await usersWithRoleOver(client, coe.teamId, ["REVIEWER", "MANAGER"])).filter((userId) => !authors.has(userId));
}

/**
 * Submitted: the team's reviewers and managers. Changes requested, approved, closed: the authors.
 * `version` is the COE's version after the move, so a second submission notifies again.
 */
export async function notifyCoeTransition(client: DbClient, actor: CurrentUser, coe: CoeFacts, transition: Transition, version: number): Promise<number> {
  const base = { organizationId: coe.organizationId, href: `/coes/${coe.id}`, dedupeKey: `coe:${coe.id}:${transition}:${version}` };
  switch (transition) {
    case "submit":
      return notifyUsers(
        client,
        await reviewersFor(client, coe),
        { ...base, kind: "COE_SUBMITTED", title: `${actor.name} submitted “${coe.title}” for review` },
        actor.userId,
      );
    case "requestChanges":
      return notifyUsers(
        client,
        authorsOf(coe),
        { ...base, href: `/coes/${coe.id}#review`, kind: "COE_CHANGES_REQUESTED", title: `${actor.name} requested changes on “${coe.title}”` },
        actor.userId,
      );
    case "approve":
      return notifyUsers(client, authorsOf(coe), { ...base, kind: "COE_APPROVED", title: `${actor.name} approved “${coe.title}”` }, actor.userId);
    case "close":
      return notifyUsers(
        client,
        authorsOf(coe),
        { ...base, kind: "COE_CLOSED", title: `“${coe.title}” is closed: every corrective action is finished` },
        actor.userId,
      );
    case "withdraw":
      return 0;
  }
}

/** A comment or reply in a review thread: everyone who wrote in the thread, and the COE's authors. */
export async function notifyThreadComment(
  client: DbClient,
  actor: CurrentUser,
  coe: CoeFacts,
  threadId: string,
  commentId: string,
  sectionLabel: string,
): Promise<number> {
  const writers = await client.reviewComment.findMany({ where: { threadId, authorId: { not: null } }, select: { authorId: true }, distinct: ["authorId"] });
  const recipients = [...authorsOf(coe), ...writers.map((writer) => writer.authorId!)];
  return notifyUsers(
    client,
    recipients,
    {
      organizationId: coe.organizationId,
      kind: "REVIEW_COMMENT",
      title: `${actor.name} commented on ${sectionLabel} of “${coe.title}”`,
      href: `/coes/${coe.id}#thread-${threadId}`,
      dedupeKey: `comment:${commentId}`,
    },
    actor.userId,
  );
}
