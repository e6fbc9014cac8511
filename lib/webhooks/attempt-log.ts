import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logError } from "@/lib/log";
import { notifyUsers } from "@/lib/notifications/mutations";
import { DISABLE_AFTER_FAILING_MS, nextAttemptDelay } from "@/lib/webhooks/retry";
import type { SendOutcome } from "@/lib/webhooks/send";

/**
 * The delivery log of lib/webhooks/delivery.ts: finished attempts are written in batches, one
 * statement per batch (the attempts inserted and their messages moved on together), not one
 * transaction of 2–4 statements per attempt. A thousand deliveries then cost the database and the
 * event loop a few dozen statements instead of four thousand, which is what kept a concurrent write
 * waiting. An endpoint's health (failing since, disabled, its owner told) changes only on a failure
 * or the first success after failures — rare — and is written in the same transaction as its batch.
 */
/** What a run reads of each endpoint it sends to. */
export const ENDPOINT_FOR_SEND_SELECT = {
  id: true,
  organizationId: true,
  url: true,
  format: true,
  secret: true,
  previousSecret: true,
  previousSecretExpiresAt: true,
  failingSince: true,
  createdById: true,
  description: true,
} as const;
export type EndpointForSend = Prisma.WebhookEndpointGetPayload<{ select: typeof ENDPOINT_FOR_SEND_SELECT }>;

export type FinishedAttempt = {
  endpoint: EndpointForSend;
  messageId: string;
  /** The attempt's number: the message's attempt count after its claim. */
  number: number;
  headers: Record<string, string>;
  body: string;
  outcome: SendOutcome;
  startedAt: Date;
};

const succeeded = (outcome: SendOutcome) => outcome.status !== null && outcome.status >= 200 && outcome.status < 300;

type HealthChange = (tx: DbClient) => Promise<unknown>;

/**
 * Walks the batch in the order its attempts finished and answers the endpoint changes they make,
 * keeping each endpoint's in-memory health current so the next attempt of the pass sees it.
 */
function healthChanges(batch: readonly FinishedAttempt[]): HealthChange[] {
  const changes: HealthChange[] = [];
  for (const { endpoint, outcome, startedAt } of batch) {
    if (succeeded(outcome)) {
      if (endpoint.failingSince === null) continue;
      endpoint.failingSince = null;
      changes.push((tx) => tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: { not: null } }, data: { failingSince: null } }));
      continue;
    }
    const gone = outcome.status === 410;
    const failingSince = endpoint.failingSince ?? startedAt;
    const failingTooLong = startedAt.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS;
    if (gone || failingTooLong) {
      const reason = gone ? "The receiver answered 410 Gone." : "Every delivery failed for 5 days.";
      changes.push(async (tx) => {
        const { count } = await tx.webhookEndpoint.updateMany({
          where: { id: endpoint.id, enabled: true },
          data: { enabled: false, disabledReason: reason, failingSince },
        });
        if (count === 1 && endpoint.createdById)
          await notifyUsers(tx, [endpoint.createdById], {
            organizationId: endpoint.organizationId,
            kind: "WEBHOOK_ENDPOINT_DISABLED",
            title: `Webhook ${endpoint.description || endpoint.url} was disabled: ${reason}`,
            href: `/settings/webhooks/${endpoint.id}`,
            dedupeKey: `webhook-disabled:${endpoint.id}:${startedAt.toISOString()}`,
          });
      });
    } else if (endpoint.failingSince === null) {
      endpoint.failingSince = startedAt;
      changes.push((tx) => tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: startedAt } }));
    }
  }
  return changes;
}

/** The log row and the message's next state of one attempt, as jsonb_to_recordset reads them. */
function attemptRow({ messageId, number, headers, body, outcome, startedAt }: FinishedAttempt, recordedAt: number) {
  const ok = succeeded(outcome);
  const delay = ok ? null : nextAttemptDelay(number);
  return {
    message_id: messageId,
    number,
    started_at: startedAt.toISOString(),
    duration_ms: outcome.durationMs,
    request_headers: { "content-type": "application/json", ...headers },
    request_body: body,
    response_status: outcome.status,
    response_body: outcome.body,
    error: outcome.error,
    succeeded: ok,
    status: ok ? "SUCCEEDED" : delay === null ? "EXHAUSTED" : "PENDING",
    next_attempt_at: ok || delay === null ? null : new Date(recordedAt + delay).toISOString(),
  };
}

/** Writes the attempts to the log and moves their messages on, in one statement. */
function logAttempts(client: DbClient, batch: readonly FinishedAttempt[]) {
  const recordedAt = Date.now();
  const rows = JSON.stringify(batch.map((attempt) => attemptRow(attempt, recordedAt)));
  // The ids again as an array, so the messages are found by primary key whatever the table's statistics say.
  const ids = batch.map((attempt) => attempt.messageId);
  return client.$executeRaw`
    WITH finished AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS x(
        message_id text, number int, started_at timestamptz, duration_ms int, request_headers jsonb, request_body text,
        response_status int, response_body text, error text, succeeded boolean, status text, next_attempt_at timestamptz)
    ),
    logged AS (
      INSERT INTO webhook_attempts (id, message_id, number, started_at, duration_ms, request_headers, request_body, response_status, response_body, error, succeeded)
      SELECT gen_random_uuid()::text, f.message_id, f.number, f.started_at AT TIME ZONE 'UTC', f.duration_ms, f.request_headers, f.request_body,
        f.response_status, f.response_body, f.error, f.succeeded
      FROM finished f JOIN webhook_messages m ON m.id = f.message_id AND m.id = ANY(${ids}::text[])
    )
    UPDATE webhook_messages m
    SET status = f.status::"WebhookMessageStatus", next_attempt_at = f.next_attempt_at AT TIME ZONE 'UTC', locked_until = NULL
    FROM finished f WHERE m.id = f.message_id AND m.id = ANY(${ids}::text[])`;
}

/** Records one batch: the log statement alone, or with the batch's endpoint changes in one transaction. */
export async function recordAttempts(batch: readonly FinishedAttempt[]): Promise<void> {
  if (batch.length === 0) return;
  const changes = healthChanges(batch);
  if (changes.length === 0) {
    await logAttempts(db, batch);
    return;
  }
  await db.$transaction(async (tx) => {
    await logAttempts(tx, batch);
    for (const change of changes) await change(tx);
  });
}

export type AttemptLog = {
  /** Queues a finished attempt; waits only while a full batch is already waiting behind a write. */
  add: (attempt: FinishedAttempt) => Promise<void>;
  /** Writes whatever is queued; answers once everything added so far is recorded. */
  flush: () => Promise<void>;
};

/**
 * Collects finished attempts and writes them `batchSize` at a time, or `maxWaitMs()` (asked when the
 * first one starts waiting) after the first one waited, one write at a time. (A message deleted with
 * its endpoint meanwhile is skipped.) A
 * batch that cannot be written is written again attempt by attempt, so one bad row (an answer
 * PostgreSQL cannot store as text) loses only itself; an attempt that still cannot be recorded stays
 * locked and is made again after its lock, as before batching.
 */
export function attemptLog(options: { batchSize: number; maxWaitMs: () => number }): AttemptLog {
  let waiting: FinishedAttempt[] = [];
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  const write = async (batch: FinishedAttempt[]) => {
    try {
      await recordAttempts(batch);
    } catch (error) {
      if (batch.length === 1) {
        logError("webhook attempt could not be recorded", error, { messageId: batch[0]!.messageId });
        return;
      }
      for (const attempt of batch) await write([attempt]);
    }
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      writing = writing.then(() => write(batch));
    }
    return writing;
  };
  const add = async (attempt: FinishedAttempt) => {
    waiting.push(attempt);
    if (waiting.length >= options.batchSize) {
      // Senders run ahead of the log by at most one batch: a second full batch waits for the first.
      const previous = writing;
      void flush();
      await previous;
    } else timer ??= setTimeout(() => void flush(), options.maxWaitMs());
  };
  return { add, flush };
}
