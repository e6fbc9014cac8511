import "server-only";
import { db, type DbClient } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { logError } from "@/lib/log";
import { servingRequests } from "@/lib/ops/in-flight";
import { ancestorIndex } from "@/lib/org/tree";
import { markTicketsDue } from "@/lib/integrations/ticket-due";
import { decryptSecret, SecretKeyError } from "@/lib/security/secret-box";
import { fanOutMessages, type FanOutMessage } from "@/lib/webhooks/fan-out";
import { attemptLog, ENDPOINT_FOR_SEND_SELECT, type AttemptLog, type EndpointForSend } from "@/lib/webhooks/attempt-log";
import { keepAliveAgents, sendWebhook, type SendAgents } from "@/lib/webhooks/send";
import { standardWebhookHeaders } from "@/lib/webhooks/signing";
import { turnPacer } from "@/lib/webhooks/turn-pacer";

/**
 * Delivery, in two steps run by the webhook job (lib/jobs/webhooks.ts) on any number of instances:
 * 1. fan-out: outbox rows (domain_events) not yet dispatched are claimed with FOR UPDATE SKIP LOCKED,
 *    turned into one webhook_messages row per subscribed endpoint (chat channels get a batch's
 *    reminders as one message per team: lib/webhooks/fan-out.ts), and marked dispatched, in one
 *    transaction — an event is fanned out exactly once;
 * 2. delivery: due messages are claimed by moving their attempt count and a lock time in one UPDATE
 *    (… FOR UPDATE SKIP LOCKED), so no two workers ever make the same attempt, then sent in parallel.
 */
const FAN_OUT_BATCH = 500;
const CLAIM_BATCH = 100;
const SEND_CONCURRENCY = 32;
/** Sends started per turn of the event loop (lib/webhooks/turn-pacer.ts): requests in the same process stay quick. */
const SENDS_PER_TURN = 2;
/**
 * While this instance is answering requests, one send starts per this many milliseconds (100 per
 * second): a write's latency does not depend on whether endpoints are subscribed, and a backlog
 * still drains on an instance that is never idle. Idle, sends start SENDS_PER_TURN per turn.
 */
const BUSY_SEND_INTERVAL_MS = 10;
/**
 * Finished attempts are logged this many at a time, or this long after the first one waited
 * (lib/webhooks/attempt-log.ts): one statement per batch keeps the pool and the event loop free
 * for requests while a backlog drains.
 */
const LOG_BATCH = 50;
const LOG_WAIT_MS = 50;
/** While requests are in flight, the log's statements wait for a full batch or this long: fewer of them beside the requests'. */
const LOG_WAIT_BUSY_MS = 1_000;
/** Longer than the 15 s timeout plus bookkeeping: a claimed message is not taken by another worker. */
const CLAIM_LOCK_SECONDS = 60;

export function publicBaseUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** Fans one batch of the outbox out to the subscribed endpoints; answers how many events it took. */
export async function fanOutEvents(limit = FAN_OUT_BATCH): Promise<number> {
  return db.$transaction(async (tx) => {
    const events = await tx.$queryRaw<{ id: string; organization_id: string; type: string; team_id: string | null; data: unknown; occurred_at: Date }[]>`
      SELECT id, organization_id, type, team_id, data, occurred_at FROM domain_events
      WHERE dispatched_at IS NULL ORDER BY occurred_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    if (events.length === 0) return 0;
    const organizationIds = [...new Set(events.map((event) => event.organization_id))];
    const endpoints = await tx.webhookEndpoint.findMany({
      where: { organizationId: { in: organizationIds }, enabled: true },
      select: { id: true, organizationId: true, teamId: true, eventTypes: true, format: true },
    });
    if (endpoints.length > 0) {
      const needsTree = endpoints.some((endpoint) => endpoint.teamId !== null);
      const teams = needsTree ? await tx.team.findMany({ where: { organizationId: { in: organizationIds } }, select: { id: true, parentId: true } }) : [];
      const ancestors = ancestorIndex(teams);
      const messages = fanOutMessages(
        events.map((event) => ({
          id: event.id,
          organizationId: event.organization_id,
          type: event.type,
          teamId: event.team_id,
          occurredAt: event.occurred_at,
          data: event.data,
        })),
        endpoints,
        (teamId) => ancestors.get(teamId) ?? [],
        publicBaseUrl(),
      );
      await insertMessages(tx, messages);
    }
    // Ticket sync rides on the same exactly-once fan-out: an action's status change makes its ticket due.
    const changedActions = events.filter((event) => event.type === "action.status_changed").map((event) => (event.data as { id?: string } | null)?.id);
    await markTicketsDue(
      tx,
      changedActions.filter((id): id is string => typeof id === "string"),
    );
    await tx.$executeRaw`UPDATE domain_events SET dispatched_at = now() AT TIME ZONE 'UTC' WHERE id = ANY(${events.map((event) => event.id)}::text[])`;
    return events.length;
  });
}

/**
 * Inserts fanned-out messages in one statement, the rows as one JSON parameter (an event fanned out
 * twice to an endpoint is inserted once). Prisma's createMany held the event loop 20–80 ms for 30–170
 * rows — in the web server's process, so the requests in flight waited as long.
 */
async function insertMessages(tx: DbClient, messages: readonly FanOutMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const rows = JSON.stringify(
    messages.map((message) => ({ endpoint_id: message.endpointId, event_id: message.eventId, event_type: message.eventType, payload: message.payload })),
  );
  await tx.$executeRaw`
    INSERT INTO webhook_messages (id, endpoint_id, event_id, event_type, payload, status, attempt_count, next_attempt_at, created_at)
    SELECT gen_random_uuid()::text, x.endpoint_id, x.event_id, x.event_type, x.payload, 'PENDING', 0, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM jsonb_to_recordset(${rows}::jsonb) AS x(endpoint_id text, event_id text, event_type text, payload jsonb)
    ON CONFLICT (endpoint_id, event_id) DO NOTHING`;
}

type ClaimedMessage = { id: string; endpoint_id: string; payload: string; attempt_count: number; created_at: Date };

/**
 * Claims up to `limit` due messages of enabled endpoints for this worker. The due ids are picked once
 * (an init plan: `= ANY(ARRAY(…))`), then updated by primary key: as a join (`UPDATE … FROM (…) due`)
 * a planner that believes the table tiny re-ran the pick for every row it scanned, and a claim over
 * a backlog of 10,000 messages ran into the statement timeout.
 */
async function claimDueMessages(limit: number, messageId: string | null): Promise<ClaimedMessage[]> {
  // Two statements rather than one with "$id IS NULL OR id = $id", which would keep a generic plan off the index.
  const only = messageId === null ? Prisma.empty : Prisma.sql`AND wm.id = ${messageId}`;
  return db.$queryRaw<ClaimedMessage[]>`
    UPDATE webhook_messages m
    SET attempt_count = m.attempt_count + 1, locked_until = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${CLAIM_LOCK_SECONDS})
    WHERE m.id = ANY(ARRAY(
      SELECT wm.id FROM webhook_messages wm JOIN webhook_endpoints e ON e.id = wm.endpoint_id AND e.enabled
      WHERE wm.status = 'PENDING' AND wm.next_attempt_at <= (now() AT TIME ZONE 'UTC') ${only}
        AND (wm.locked_until IS NULL OR wm.locked_until < (now() AT TIME ZONE 'UTC'))
      ORDER BY wm.next_attempt_at LIMIT ${limit}
      FOR UPDATE OF wm SKIP LOCKED
    ))
    RETURNING m.id, m.endpoint_id, m.payload::text AS payload, m.attempt_count, m.created_at`;
}

/**
 * A stored signing secret: encrypted (lib/security/secret-box.ts), or a `whsec_` one stored before
 * encryption. Decrypted once per delivery run (`plain` holds them until the run ends), not per message.
 */
function readSecret(stored: string, plain: Map<string, string>): string {
  let secret = plain.get(stored);
  if (secret === undefined) {
    secret = stored.startsWith("whsec_") ? stored : decryptSecret(stored);
    plain.set(stored, secret);
  }
  return secret;
}

type SecretsOf = Pick<EndpointForSend, "secret" | "previousSecret" | "previousSecretExpiresAt">;

/** Secrets that sign now: the current one, and the previous one during its 24 h after a rotation. */
function activeSecrets(endpoint: SecretsOf, plain: Map<string, string>, now: Date): string[] {
  const secrets = [readSecret(endpoint.secret, plain)];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now)
    secrets.push(readSecret(endpoint.previousSecret, plain));
  return secrets;
}

/** The headers and body of one attempt: signed for raw endpoints, unsigned for chat services. */
function buildRequest(endpoint: SecretsOf & Pick<EndpointForSend, "format">, messageId: string, payload: string, plain: Map<string, string>, now: Date) {
  const body = JSON.stringify(JSON.parse(payload));
  const headers = endpoint.format === "RAW" ? standardWebhookHeaders(activeSecrets(endpoint, plain, now), messageId, now, body) : {};
  return { headers, body };
}

/**
 * Claims and sends due messages until none are due (or `maxMessages` were sent, or `budgetMs` has
 * passed); answers the count. SEND_CONCURRENCY senders share the claimed batch, and the next batch is
 * claimed as soon as the current one is handed out, so one slow receiver never holds the rest back and
 * a backlog drains without waiting for the job's next tick. Each claim moves the messages' attempt
 * count under FOR UPDATE SKIP LOCKED: other instances claim other messages, never the same attempt.
 */
export async function deliverDueMessages(
  options: {
    maxMessages?: number;
    allowedHosts?: readonly string[];
    /** Only this message (send test event, redeliver: an answer at once). */ messageId?: string;
    /** Stop claiming after this long (a job pass ends well before pg-boss expires it). */ budgetMs?: number;
  } = {},
): Promise<number> {
  const allowedHosts = options.allowedHosts ?? env().WEBHOOK_ALLOWED_HOSTS;
  const max = options.maxMessages ?? 5_000;
  const messageId = options.messageId ?? null;
  const deadline = Date.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  const endpoints = new Map<string, EndpointForSend>();
  const queue: ClaimedMessage[] = [];
  let claimed = 0;
  let done = false;
  let claiming: Promise<void> | null = null;

  const claimBatch = async () => {
    const limit = Math.min(CLAIM_BATCH, max - claimed);
    const batch = await claimDueMessages(limit, messageId);
    claimed += batch.length;
    // A claim short of its limit found every due message: the next round takes what falls due meanwhile.
    if (batch.length < limit || messageId !== null || claimed >= max || Date.now() >= deadline) done = true;
    const unknown = [...new Set(batch.map((message) => message.endpoint_id))].filter((id) => !endpoints.has(id));
    if (unknown.length > 0)
      for (const endpoint of await db.webhookEndpoint.findMany({ where: { id: { in: unknown } }, select: ENDPOINT_FOR_SEND_SELECT }))
        endpoints.set(endpoint.id, endpoint);
    queue.push(...batch);
  };
  /** The next claimed message; claims a batch (one claim at a time for all senders) when none is left. */
  const nextMessage = async (): Promise<ClaimedMessage | undefined> => {
    while (queue.length === 0 && !done) {
      claiming ??= claimBatch().finally(() => (claiming = null));
      await claiming;
    }
    return queue.shift();
  };
  const senders = messageId === null ? SEND_CONCURRENCY : 1;
  const run: DeliveryRun = {
    allowedHosts,
    agents: keepAliveAgents(senders),
    log: attemptLog({ batchSize: messageId === null ? LOG_BATCH : 1, maxWaitMs: () => (instanceBusy() ? LOG_WAIT_BUSY_MS : LOG_WAIT_MS) }),
    secrets: new Map(),
  };
  const pace = turnPacer(SENDS_PER_TURN, { busy: instanceBusy, busyIntervalMs: BUSY_SEND_INTERVAL_MS });
  const sender = async () => {
    for (let message = await nextMessage(); message; message = await nextMessage()) {
      const endpoint = endpoints.get(message.endpoint_id);
      if (!endpoint) continue;
      await pace();
      await attempt(endpoint, message, run).catch((error: unknown) => logError("webhook attempt could not be made", error, { messageId: message.id }));
    }
  };
  try {
    await Promise.all(Array.from({ length: senders }, sender));
  } finally {
    // Whatever was sent is recorded, even when a claim failed on the way (the flush itself never throws).
    await run.log.flush();
    run.agents.http.destroy();
    run.agents.https.destroy();
  }
  return claimed;
}

/** How long after its last answer an instance still counts as serving (a client's next request is usually on its way). */
const QUIET_AFTER_REQUEST_MS = 100;
/** This instance is serving requests: delivery gives way (fewer sends and log statements at a time). */
const instanceBusy = () => servingRequests(QUIET_AFTER_REQUEST_MS);

/** What the senders of one run share: the address rule, keep-alive connections, the log, decrypted secrets. */
type DeliveryRun = { allowedHosts: readonly string[]; agents: SendAgents; log: AttemptLog; secrets: Map<string, string> };

async function attempt(endpoint: EndpointForSend, message: ClaimedMessage, run: DeliveryRun): Promise<void> {
  const startedAt = new Date();
  const finished = { endpoint, messageId: message.id, number: message.attempt_count, startedAt };
  let request: { headers: Record<string, string>; body: string };
  try {
    request = buildRequest(endpoint, message.id, message.payload, run.secrets, startedAt);
  } catch (error) {
    // The signing secret cannot be read (another ANDON_ENCRYPTION_KEY): a failed attempt that says so, retried later.
    if (!(error instanceof SecretKeyError)) throw error;
    const outcome = { status: null, body: null, error: error.message, durationMs: 0 };
    await run.log.add({ ...finished, headers: {}, body: message.payload, outcome });
    return;
  }
  const { headers, body } = request;
  const outcome = await sendWebhook(endpoint.url, headers, body, run);
  await run.log.add({ ...finished, headers, body, outcome });
}

/** How long one job pass keeps going while work remains (pg-boss expires a pass after 300 s). */
const PASS_BUDGET_MS = 120_000;
/**
 * A round that found work is followed by the next one no sooner than this after it began. While
 * writes trickle in, back-to-back rounds would each fan out and deliver one write's few messages,
 * paying a round's fixed statements (outbox claim, message claim, endpoint read, log) for every
 * write; a round per half second carries them all. A backlog is unaffected: one round delivers it.
 */
const ROUND_MS = 500;

/**
 * One pass of the job: fan the outbox out, deliver what is due, and again while either found work
 * (events written meanwhile, a backlog larger than one round), within PASS_BUDGET_MS.
 */
export async function runDeliveryPass(
  options: { allowedHosts?: readonly string[]; maxMessages?: number; budgetMs?: number } = {},
): Promise<{ events: number; sent: number }> {
  const deadline = Date.now() + (options.budgetMs ?? PASS_BUDGET_MS);
  let events = 0;
  let sent = 0;
  for (;;) {
    const started = Date.now();
    let fannedOut = 0;
    let taken: number;
    // A batch short of the limit emptied the outbox; what is written meanwhile waits for the next round.
    do {
      taken = await fanOutEvents(FAN_OUT_BATCH);
      fannedOut += taken;
    } while (taken === FAN_OUT_BATCH);
    const delivered = await deliverDueMessages({ ...options, budgetMs: Math.max(0, deadline - Date.now()) });
    events += fannedOut;
    sent += delivered;
    if ((fannedOut === 0 && delivered === 0) || Date.now() >= deadline || (options.maxMessages !== undefined && sent >= options.maxMessages)) break;
    const rest = Math.min(started + ROUND_MS, deadline) - Date.now();
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
  return { events, sent };
}
