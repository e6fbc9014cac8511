import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logError } from "@/lib/log";
import { decryptSecret } from "@/lib/security/secret-box";
import { publicBaseUrl } from "@/lib/webhooks/delivery";
import { RETRY_SCHEDULE_MS } from "@/lib/webhooks/retry";
import { createGithubIssue, setGithubIssueClosed, type RemoteTicket } from "@/lib/integrations/github";
import { createJiraIssue, setJiraIssueClosed } from "@/lib/integrations/jira";
import { isFinished, type ActionForTicket, type TicketLinks } from "@/lib/integrations/ticket-content";
import { TicketApiError, type TicketHttp } from "@/lib/integrations/ticket-http";
import type { MappableStatus } from "@/lib/integrations/schemas";

/**
 * The ticket sync job (lib/jobs/tickets.ts), safe on any number of instances: due tickets are
 * claimed with FOR UPDATE SKIP LOCKED and a lock time, then each is brought in step with its action —
 * created if it does not exist yet, closed or reopened when the action's finished-ness differs from
 * the ticket's last known state. Inbound changes record that state first, so a change that came
 * from the ticket is never sent back (no loops). A failure keeps the ticket due on the retry
 * schedule (the webhooks' one, then every 10 h) with the reason shown on the action; nothing is lost.
 */
const CLAIM_BATCH = 20;
const CLAIM_LOCK_SECONDS = 90;
const LAST_DELAY_MS = RETRY_SCHEDULE_MS[RETRY_SCHEDULE_MS.length - 1]!;

function ticketRetryDelay(failures: number): number {
  return RETRY_SCHEDULE_MS[Math.min(failures, RETRY_SCHEDULE_MS.length - 1)] ?? LAST_DELAY_MS;
}

type Claimed = { id: string; next_sync_at: Date };

async function claimDueTickets(limit: number, ticketId: string | null): Promise<Claimed[]> {
  // Two statements rather than one with "$id IS NULL OR id = $id", which would keep a generic plan off the index.
  return ticketId
    ? await db.$queryRaw<Claimed[]>`
        UPDATE external_tickets t SET locked_until = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${CLAIM_LOCK_SECONDS})
        FROM (SELECT id FROM external_tickets WHERE id = ${ticketId} AND next_sync_at IS NOT NULL
                AND (locked_until IS NULL OR locked_until < (now() AT TIME ZONE 'UTC')) FOR UPDATE SKIP LOCKED) due
        WHERE t.id = due.id RETURNING t.id, t.next_sync_at`
    : await db.$queryRaw<Claimed[]>`
        UPDATE external_tickets t SET locked_until = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${CLAIM_LOCK_SECONDS})
        FROM (SELECT id FROM external_tickets WHERE next_sync_at <= (now() AT TIME ZONE 'UTC')
                AND (locked_until IS NULL OR locked_until < (now() AT TIME ZONE 'UTC'))
              ORDER BY next_sync_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) due
        WHERE t.id = due.id RETURNING t.id, t.next_sync_at`;
}

const ticketSelect = {
  id: true,
  externalId: true,
  remoteClosed: true,
  integration: {
    select: {
      provider: true,
      baseUrl: true,
      repository: true,
      jiraEmail: true,
      projectKey: true,
      issueType: true,
      statusMapping: true,
      tokenEncrypted: true,
      enabled: true,
    },
  },
  action: {
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      dueDate: true,
      evidence: true,
      wontDoReason: true,
      verificationNote: true,
      owner: { select: { name: true, email: true } },
      completedBy: { select: { name: true } },
      verifiedBy: { select: { name: true } },
      team: { select: { name: true } },
      coe: { select: { id: true, title: true } },
    },
  },
} satisfies Prisma.ExternalTicketSelect;
type TicketForSync = Prisma.ExternalTicketGetPayload<{ select: typeof ticketSelect }>;

function linksFor(action: ActionForTicket): TicketLinks {
  const origin = publicBaseUrl();
  return { actionUrl: `${origin}/actions/${action.id}`, coeUrl: action.coe ? `${origin}/coes/${action.coe.id}` : null };
}

/** The provider's two operations for this ticket's integration, with its token decrypted. */
function clientFor(integration: TicketForSync["integration"], http: TicketHttp) {
  const token = decryptSecret(integration.tokenEncrypted);
  if (integration.provider === "GITHUB") {
    const target = { baseUrl: integration.baseUrl, repository: integration.repository ?? "", token };
    return {
      create: (action: ActionForTicket, links: TicketLinks) => createGithubIssue(target, action, links, http),
      setClosed: (externalId: string, action: ActionForTicket, links: TicketLinks) => setGithubIssueClosed(target, externalId, action, links, http),
    };
  }
  const target = {
    baseUrl: integration.baseUrl,
    email: integration.jiraEmail ?? "",
    token,
    projectKey: integration.projectKey ?? "",
    issueType: integration.issueType ?? "Task",
    statusMapping: (integration.statusMapping ?? {}) as Record<string, MappableStatus>,
  };
  return {
    create: (action: ActionForTicket, links: TicketLinks) => createJiraIssue(target, action, links, http),
    setClosed: (externalId: string, action: ActionForTicket, links: TicketLinks) => setJiraIssueClosed(target, externalId, action, links, http),
  };
}

/** Brings one claimed ticket in step; answers what it did (for the log and the tests). */
async function syncOne(claimed: Claimed, http: TicketHttp): Promise<"created" | "updated" | "in-step" | "failed"> {
  const ticket = await db.externalTicket.findUnique({ where: { id: claimed.id }, select: ticketSelect });
  if (!ticket) return "in-step";
  try {
    if (!ticket.integration.enabled) throw new TicketApiError("The integration is disabled in Settings → Ticket sync.");
    const client = clientFor(ticket.integration, http);
    const action = ticket.action as ActionForTicket;
    const links = linksFor(action);
    let outcome: "created" | "updated" | "in-step" = "in-step";
    let remote: Pick<RemoteTicket, "closed" | "status"> & { externalId: string } = {
      externalId: ticket.externalId ?? "",
      closed: ticket.remoteClosed ?? false,
      status: null,
    };
    if (!ticket.externalId) {
      const created = await client.create(action, links);
      // Recorded at once, so a failure below never creates a second ticket on the retry.
      await db.externalTicket.update({
        where: { id: ticket.id },
        data: { externalId: created.externalId, key: created.key, url: created.url, remoteClosed: created.closed, remoteStatus: created.status },
        select: { id: true },
      });
      remote = created;
      outcome = "created";
    }
    if (isFinished(action.status) !== remote.closed) {
      const changed = await client.setClosed(remote.externalId, action, links);
      await db.externalTicket.update({
        where: { id: ticket.id },
        data: { remoteClosed: changed.closed, ...(changed.status ? { remoteStatus: changed.status } : {}) },
        select: { id: true },
      });
      if (outcome === "in-step") outcome = "updated";
    }
    await db.$transaction([
      // Still due only if the action changed again while this sync ran (its fan-out moved next_sync_at on).
      db.externalTicket.updateMany({ where: { id: ticket.id, nextSyncAt: claimed.next_sync_at }, data: { nextSyncAt: null } }),
      db.externalTicket.update({
        where: { id: ticket.id },
        data: { lockedUntil: null, syncError: null, failingSince: null, attemptCount: 0, syncedAt: new Date() },
        select: { id: true },
      }),
    ]);
    return outcome;
  } catch (error) {
    const message = error instanceof TicketApiError || (error instanceof Error && error.name === "SecretKeyError") ? error.message : null;
    if (!message) logError("ticket sync failed", error, { ticketId: ticket.id });
    const current = await db.externalTicket.findUnique({ where: { id: ticket.id }, select: { attemptCount: true, failingSince: true } });
    const failures = (current?.attemptCount ?? 0) + 1;
    await db.externalTicket.update({
      where: { id: ticket.id },
      data: {
        lockedUntil: null,
        attemptCount: failures,
        syncError: (message ?? "The sync failed unexpectedly; it is logged on the server.").slice(0, 500),
        failingSince: current?.failingSince ?? new Date(),
        nextSyncAt: new Date(Date.now() + ticketRetryDelay(failures)),
      },
      select: { id: true },
    });
    return "failed";
  }
}

/** Claims and syncs due tickets until none are due (or `ticketId`'s only); answers the counts. */
export async function runTicketSyncPass(options: { allowedHosts?: readonly string[]; ticketId?: string; max?: number } = {}) {
  const http = { allowedHosts: options.allowedHosts ?? env().WEBHOOK_ALLOWED_HOSTS };
  const counts = { created: 0, updated: 0, "in-step": 0, failed: 0 };
  const max = options.max ?? 500;
  let seen = 0;
  while (seen < max) {
    const claimed = await claimDueTickets(Math.min(CLAIM_BATCH, max - seen), options.ticketId ?? null);
    if (claimed.length === 0) break;
    // A few at a time: ticket systems rate-limit, and one slow answer should not hold the rest.
    for (let start = 0; start < claimed.length; start += 4) {
      const outcomes = await Promise.all(claimed.slice(start, start + 4).map((ticket) => syncOne(ticket, http)));
      for (const outcome of outcomes) counts[outcome] += 1;
    }
    seen += claimed.length;
    if (options.ticketId) break;
  }
  return counts;
}
