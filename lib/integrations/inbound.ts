import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { ConflictError, isUserError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { isDatabaseUnavailable } from "@/lib/ops/database-unavailable";
import { changeCorrectiveActionStatus } from "@/lib/actions/mutations";
import { type CorrectiveActionStatus } from "@/lib/generated/prisma/enums";
import { decryptSecret } from "@/lib/security/secret-box";
import { integrationActor } from "@/lib/integrations/actor";
import { andonStatusForJira } from "@/lib/integrations/jira";
import type { MappableStatus } from "@/lib/integrations/schemas";

/**
 * Inbound ticket webhooks (POST /api/integrations/github and /api/integrations/jira): a verified
 * delivery about a linked ticket records the ticket's state, then moves the action through the
 * actions' one write path (lib/actions/mutations.ts) as the integration's actor. Closed → done (never
 * verified: verification stays in Andon); reopened → in progress. A repeated delivery id is ignored.
 * Because the ticket's state is recorded before the action moves, the sync job sees the two in step
 * and sends nothing back.
 */
export type InboundResult = { status: number; body: Record<string, unknown> };

const answer = (status: number, body: Record<string, unknown>): InboundResult => ({ status, body });

/** A `sha256=<hex>` HMAC of the raw body (GitHub X-Hub-Signature-256, Jira X-Hub-Signature), compared in constant time. */
function validHubSignature(secret: string, rawBody: string, header: string | null): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(rawBody).digest("hex"));
  const given = Buffer.from(header.slice("sha256=".length).trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sameSecret(secret: string, given: string | null): boolean {
  if (!given) return false;
  const [a, b] = [Buffer.from(secret), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
}

async function loadIntegration(integrationId: string | null, provider: "GITHUB" | "JIRA") {
  if (!integrationId) return null;
  return db.ticketIntegration.findFirst({
    where: { id: integrationId, provider },
    select: {
      id: true,
      provider: true,
      repository: true,
      statusMapping: true,
      webhookSecretEncrypted: true,
      enabled: true,
      organization: { select: { id: true, name: true } },
    },
  });
}
type Integration = NonNullable<Awaited<ReturnType<typeof loadIntegration>>>;

async function alreadyHandled(integrationId: string, deliveryId: string | null): Promise<boolean> {
  if (!deliveryId) return false;
  const seen = await db.ticketWebhookDelivery.findUnique({ where: { integrationId_deliveryId: { integrationId, deliveryId } }, select: { deliveryId: true } });
  return seen !== null;
}

async function rememberDelivery(integrationId: string, deliveryId: string | null): Promise<void> {
  if (!deliveryId) return;
  await db.ticketWebhookDelivery.createMany({ data: [{ integrationId, deliveryId: deliveryId.slice(0, 200) }], skipDuplicates: true });
}

/** The action status a remote change asks for, or null when the action already matches (or may only change in Andon). */
function targetStatus(current: CorrectiveActionStatus, remote: MappableStatus): CorrectiveActionStatus | null {
  if (remote === "DONE") return current === "OPEN" || current === "IN_PROGRESS" ? "DONE" : null;
  if (current === "VERIFIED") return null; // a verified action is reopened in Andon, by a reviewer
  if (current === "WONT_DO") return "OPEN"; // won't do reopens to open only (lib/actions/status-rules.ts)
  if (current === "DONE") return remote;
  return current === remote ? null : remote;
}

/** Records the ticket's state and moves its action; answers what happened. */
async function applyRemoteState(
  integration: Integration,
  externalId: string,
  remote: { status: MappableStatus; statusName: string | null; by: string | null; url: string | null },
): Promise<InboundResult> {
  const ticket = await db.externalTicket.findFirst({
    where: { integrationId: integration.id, externalId },
    select: { id: true, key: true, url: true, action: { select: { id: true, teamId: true, status: true, version: true } } },
  });
  if (!ticket) return answer(202, { ignored: "No corrective action is linked to this ticket." });
  await db.externalTicket.update({
    where: { id: ticket.id },
    data: { remoteClosed: remote.status === "DONE", ...(remote.statusName ? { remoteStatus: remote.statusName } : {}) },
    select: { id: true },
  });
  const to = targetStatus(ticket.action.status, remote.status);
  if (!to) return answer(200, { actionId: ticket.action.id, unchanged: ticket.action.status });
  const actor = await integrationActor(db, integration.organization, integration.provider, ticket.action.teamId);
  const where = remote.url ?? ticket.url ?? ticket.key ?? "the ticket";
  const source = integration.provider === "GITHUB" ? "GitHub" : "Jira";
  const evidence = `Closed in ${source}${remote.by ? ` by ${remote.by}` : ""}: ${where}`;
  let version = ticket.action.version;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await changeCorrectiveActionStatus(actor, { actionId: ticket.action.id, version, status: to, ...(to === "DONE" ? { evidence } : {}) });
      return answer(200, { actionId: ticket.action.id, status: to });
    } catch (error) {
      // Someone changed the action meanwhile: look again (it may already be where the ticket says).
      if (!(error instanceof ConflictError)) throw error;
      const fresh = await db.correctiveAction.findUnique({ where: { id: ticket.action.id }, select: { status: true, version: true } });
      if (!fresh || targetStatus(fresh.status, remote.status) !== to) return answer(200, { actionId: ticket.action.id, unchanged: fresh?.status ?? null });
      version = fresh.version;
    }
  }
  return answer(409, { error: "The action kept changing; send the delivery again." });
}

async function handled(run: () => Promise<InboundResult>): Promise<InboundResult> {
  try {
    return await run();
  } catch (error) {
    if (isUserError(error)) return answer(422, { error: error.message });
    // The route answers 503 with Retry-After: the sender should deliver again, nothing is wrong with the delivery.
    if (isDatabaseUnavailable(error)) throw error;
    logError("inbound ticket webhook failed", error);
    return answer(500, { error: "Andon could not apply this delivery; it is logged. Send it again later." });
  }
}

type GithubIssuesPayload = {
  action?: string;
  issue?: { number?: number; html_url?: string };
  repository?: { full_name?: string };
  sender?: { login?: string };
};

/** GitHub: `issues` deliveries (closed, reopened) signed with X-Hub-Signature-256. */
export async function handleGithubWebhook(integrationId: string | null, headers: Headers, rawBody: string): Promise<InboundResult> {
  return handled(async () => {
    const integration = await loadIntegration(integrationId, "GITHUB");
    if (!integration) return answer(404, { error: "No GitHub integration has this id: copy the payload URL from Settings → Ticket sync." });
    if (!validHubSignature(decryptSecret(integration.webhookSecretEncrypted), rawBody, headers.get("x-hub-signature-256")))
      return answer(401, { error: "The X-Hub-Signature-256 signature does not match the integration's webhook secret." });
    if (!integration.enabled) return answer(202, { ignored: "The integration is disabled." });
    const event = headers.get("x-github-event");
    if (event === "ping") return answer(200, { ok: true });
    if (event !== "issues") return answer(202, { ignored: `Andon reads issues events only, not ${event ?? "this one"}.` });
    const deliveryId = headers.get("x-github-delivery");
    if (await alreadyHandled(integration.id, deliveryId)) return answer(200, { duplicate: true });
    const payload = JSON.parse(rawBody) as GithubIssuesPayload;
    if (payload.repository?.full_name?.toLowerCase() !== integration.repository?.toLowerCase())
      return answer(202, { ignored: `This integration syncs ${integration.repository}, not ${payload.repository?.full_name ?? "that repository"}.` });
    if ((payload.action !== "closed" && payload.action !== "reopened") || typeof payload.issue?.number !== "number")
      return answer(202, { ignored: `Andon reads closed and reopened, not ${payload.action ?? "this action"}.` });
    const result = await applyRemoteState(integration, String(payload.issue.number), {
      status: payload.action === "closed" ? "DONE" : "IN_PROGRESS",
      statusName: null,
      by: payload.sender?.login ? `@${payload.sender.login}` : null,
      url: payload.issue.html_url ?? null,
    });
    if (result.status < 300) await rememberDelivery(integration.id, deliveryId);
    return result;
  });
}

type JiraIssuePayload = {
  webhookEvent?: string;
  issue?: { id?: string; key?: string; fields?: { status?: { name: string; statusCategory?: { key?: string } } } };
  user?: { displayName?: string };
  changelog?: { items?: { field?: string; toString?: string | null }[] };
};

/**
 * Jira: `jira:issue_updated` deliveries whose changelog moves the status. An admin webhook with a
 * secret signs the body (X-Hub-Signature: sha256=…); a Jira Automation "Send web request" may send
 * the secret itself in an X-Andon-Webhook-Secret header instead.
 */
export async function handleJiraWebhook(integrationId: string | null, headers: Headers, rawBody: string): Promise<InboundResult> {
  return handled(async () => {
    const integration = await loadIntegration(integrationId, "JIRA");
    if (!integration) return answer(404, { error: "No Jira integration has this id: copy the webhook URL from Settings → Ticket sync." });
    const secret = decryptSecret(integration.webhookSecretEncrypted);
    if (!validHubSignature(secret, rawBody, headers.get("x-hub-signature")) && !sameSecret(secret, headers.get("x-andon-webhook-secret")))
      return answer(401, { error: "The X-Hub-Signature signature (or X-Andon-Webhook-Secret) does not match the integration's webhook secret." });
    if (!integration.enabled) return answer(202, { ignored: "The integration is disabled." });
    const deliveryId = headers.get("x-atlassian-webhook-identifier");
    if (await alreadyHandled(integration.id, deliveryId)) return answer(200, { duplicate: true });
    const payload = JSON.parse(rawBody) as JiraIssuePayload;
    const statusChange = payload.changelog?.items?.find((item) => item.field === "status");
    const status = payload.issue?.fields?.status;
    if (payload.webhookEvent !== "jira:issue_updated" || !statusChange || !status || !payload.issue?.id)
      return answer(202, { ignored: "Andon reads status changes of issues (jira:issue_updated) only." });
    const mapping = (integration.statusMapping ?? {}) as Record<string, MappableStatus>;
    const result = await applyRemoteState(integration, payload.issue.id, {
      status: andonStatusForJira(status, mapping),
      statusName: status.name,
      by: payload.user?.displayName ?? null,
      url: null,
    });
    if (result.status < 300) await rememberDelivery(integration.id, deliveryId);
    return result;
  });
}
