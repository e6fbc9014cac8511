import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { BENCH_ORG_ID } from "./seed-org";
import type { BenchFixtures } from "./seed-large";
import { summarizeLatencies, type LatencySummary } from "./stats";

/**
 * The webhooks step of the benchmark (issue 15, Performance): emitting events must not slow writes,
 * and queued deliveries must drain fast. Against the running app server (jobs on, WEBHOOK_ALLOWED_HOSTS
 * allowing 127.0.0.1, a fixed ANDON_ENCRYPTION_KEY), with a receiver on a loopback port here:
 * 1. p95 of a status change through PATCH /api/v1/action-items/{id} (sequential, each with the version
 *    the last answered) with no endpoint, and with 5 endpoints subscribed to action.status_changed that
 *    the app's delivery job sends to meanwhile; blocks of each alternate, so drift hits both alike,
 *    and each block ends once its events are fanned out and delivered, so a block with endpoints
 *    pays for its own deliveries and a block without gets none of them;
 * 2. `drainMessages` deliveries queued at once for one endpoint, timed from the queueing until the
 *    app's delivery job has delivered the last one (its 2 s pick-up tick included).
 */
/**
 * Blocks long enough (100 writes, several seconds) that the job's 2 s delivery tick falls inside them.
 * A smoke size only shows the step runs: ten samples and a drain shorter than the tick judge nothing.
 */
export type WebhookBenchSize = { writesPerVariant: number; blockSize: number; drainMessages: number; smoke: boolean };
export const FULL_WEBHOOK_BENCH: WebhookBenchSize = { writesPerVariant: 200, blockSize: 100, drainMessages: 10_000, smoke: false };
export const TINY_WEBHOOK_BENCH: WebhookBenchSize = { writesPerVariant: 10, blockSize: 10, drainMessages: 100, smoke: true };
/** The step's name for `--only`. */
export const WEBHOOK_STEP_NAME = "webhooks: write p95 with 5 endpoints, drain rate";

const ENDPOINTS = 5;
const WARM_UP_WRITES = 10;

export type WebhookBenchResult = {
  route: string;
  writesPerVariant: number;
  withoutEndpoints: LatencySummary;
  withEndpoints: LatencySummary;
  /** Messages the receiver got from the writes (5 per write fanned out while the endpoints were enabled). */
  deliveredDuringWrites: number;
  drain: { messages: number; seconds: number; perSecond: number };
  /** A smoke run: the table shows the figures but does not judge them against the targets. */
  smoke: boolean;
};

type Receiver = { url: string; count: () => number; close: () => Promise<void> };

async function startReceiver(): Promise<Receiver> {
  let count = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      count++;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/andon-bench`,
    count: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function api(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** An open or in-progress action in the manager's subtree, which the manager may move back and forth. */
async function pickAction(client: pg.Client, fixtures: BenchFixtures): Promise<{ id: string; version: number; status: string }> {
  const { rows } = await client.query<{ id: string; version: number; status: string }>(
    `WITH RECURSIVE subtree AS (SELECT id FROM teams WHERE id = $1 UNION ALL SELECT t.id FROM teams t JOIN subtree s ON t.parent_id = s.id)
     SELECT a.id, a.version, a.status::text AS status FROM corrective_actions a
     WHERE a.organization_id = $2 AND a.team_id IN (SELECT id FROM subtree) AND a.status IN ('OPEN', 'IN_PROGRESS')
     ORDER BY a.id LIMIT 1`,
    [fixtures.rootTeamId, BENCH_ORG_ID],
  );
  if (!rows[0]) throw new Error("no open corrective action in the bench manager's subtree to change");
  return rows[0];
}

/**
 * A refused or failed attempt ends the step at once with its reason, rather than after the timeout:
 * the endpoints' failing_since is set by the first failed attempt (one cheap read per poll).
 */
async function assertNoFailedAttempt(client: pg.Client, endpointIds: readonly string[]): Promise<void> {
  const { rows: failing } = await client.query("SELECT 1 FROM webhook_endpoints WHERE id = ANY($1::text[]) AND failing_since IS NOT NULL", [endpointIds]);
  if (failing.length === 0) return;
  const { rows } = await client.query<{ error: string | null; response_status: number | null }>(
    `SELECT a.error, a.response_status FROM webhook_attempts a JOIN webhook_messages m ON m.id = a.message_id
     WHERE m.endpoint_id = ANY($1::text[]) AND NOT a.succeeded LIMIT 1`,
    [endpointIds],
  );
  const failed = rows[0];
  if (failed)
    throw new Error(
      `webhooks bench: a delivery failed (${failed.error ?? `HTTP ${failed.response_status}`}); the server needs WEBHOOK_ALLOWED_HOSTS=127.0.0.1 and jobs on`,
    );
}

async function waitFor(what: string, timeoutMs: number, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`webhooks bench: ${what} did not happen within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function measureWebhooks(options: {
  baseUrl: string;
  databaseUrl: string;
  fixtures: BenchFixtures;
  size: WebhookBenchSize;
  log?: (line: string) => void;
}): Promise<WebhookBenchResult> {
  const { baseUrl, fixtures, size } = options;
  const log = options.log ?? (() => undefined);
  const token = fixtures.managerToken;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const receiver = await startReceiver();
  const endpointIds: string[] = [];
  try {
    for (let index = 0; index < ENDPOINTS; index++) {
      const created = await api(baseUrl, token, "POST", "/api/v1/webhook-endpoints", {
        url: receiver.url,
        description: `bench receiver ${index + 1}`,
        format: "RAW",
        eventTypes: ["action.status_changed"],
        teamId: fixtures.rootTeamId,
        enabled: false,
      });
      endpointIds.push(String(created.id));
    }
    const setEnabled = (enabled: boolean) => client.query("UPDATE webhook_endpoints SET enabled = $1 WHERE id = ANY($2::text[])", [enabled, endpointIds]);

    const action = await pickAction(client, fixtures);
    let { version, status } = action;
    const write = async (): Promise<number> => {
      const next = status === "OPEN" ? "IN_PROGRESS" : "OPEN";
      const started = performance.now();
      const answer = await api(baseUrl, token, "PATCH", `/api/v1/action-items/${action.id}`, { version, status: next });
      const elapsed = performance.now() - started;
      version = Number(answer.version);
      status = next;
      return elapsed;
    };
    // Until the outbox is fanned out and the endpoints' messages delivered, with the endpoints as they are.
    const settle = () =>
      waitFor("delivering the writes' messages", 120_000, async () => {
        await assertNoFailedAttempt(client, endpointIds);
        const { rows } = await client.query<{ pending: number }>(
          "SELECT count(*)::int AS pending FROM webhook_messages WHERE endpoint_id = ANY($1::text[]) AND status = 'PENDING'",
          [endpointIds],
        );
        const { rows: outbox } = await client.query<{ waiting: number }>(
          "SELECT count(*)::int AS waiting FROM domain_events WHERE organization_id = $1 AND dispatched_at IS NULL",
          [BENCH_ORG_ID],
        );
        return rows[0]!.pending === 0 && outbox[0]!.waiting === 0;
      });
    for (let index = 0; index < WARM_UP_WRITES; index++) await write();
    await settle();

    const without: number[] = [];
    const withEndpoints: number[] = [];
    while (without.length < size.writesPerVariant || withEndpoints.length < size.writesPerVariant) {
      for (const enabled of [false, true]) {
        const samples = enabled ? withEndpoints : without;
        if (samples.length >= size.writesPerVariant) continue;
        await setEnabled(enabled);
        for (let index = 0; index < size.blockSize && samples.length < size.writesPerVariant; index++) samples.push(await write());
        await settle();
      }
    }
    const deliveredDuringWrites = receiver.count();
    log(
      `writes: ${size.writesPerVariant} per variant, p95 ${summarizeLatencies(without).p95.toFixed(1)} ms without endpoints, ${summarizeLatencies(withEndpoints).p95.toFixed(1)} ms with 5; ${deliveredDuringWrites} messages delivered`,
    );

    // The drain: one endpoint, the others off, `drainMessages` messages queued in one statement.
    await client.query("UPDATE webhook_endpoints SET enabled = (id = $2) WHERE id = ANY($1::text[])", [endpointIds, endpointIds[0]]);
    const before = receiver.count();
    const payload = JSON.stringify({ type: "webhook.test", id: "bench", timestamp: new Date().toISOString(), data: { bench: true } });
    const queuedAt = performance.now();
    await client.query(
      `INSERT INTO webhook_messages (id, endpoint_id, event_type, payload, status, attempt_count, next_attempt_at, created_at)
       SELECT 'bwm_' || g, $1, 'webhook.test', $2::jsonb, 'PENDING', 0, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM generate_series(1, $3::int) g`,
      [endpointIds[0], payload, size.drainMessages],
    );
    // Polled on the receiver's own count, so the polling costs the database nothing while it drains.
    await waitFor(`draining ${size.drainMessages} deliveries`, 60_000 + size.drainMessages * 20, async () => {
      await assertNoFailedAttempt(client, endpointIds);
      return receiver.count() - before >= size.drainMessages;
    });
    const seconds = (performance.now() - queuedAt) / 1000;
    // Every queued message is marked delivered (no attempt was made twice or lost).
    await waitFor("recording the last deliveries", 30_000, async () => {
      const { rows } = await client.query<{ succeeded: number }>(
        "SELECT count(*)::int AS succeeded FROM webhook_messages WHERE endpoint_id = $1 AND id LIKE 'bwm_%' AND status = 'SUCCEEDED'",
        [endpointIds[0]],
      );
      return rows[0]!.succeeded === size.drainMessages;
    });
    if (receiver.count() - before !== size.drainMessages)
      throw new Error(`webhooks bench: the receiver got ${receiver.count() - before} deliveries for ${size.drainMessages} messages`);
    log(`drain: ${size.drainMessages} deliveries in ${seconds.toFixed(1)} s`);
    return {
      route: "PATCH /api/v1/action-items/{id} (status change)",
      writesPerVariant: size.writesPerVariant,
      withoutEndpoints: summarizeLatencies(without),
      withEndpoints: summarizeLatencies(withEndpoints),
      deliveredDuringWrites,
      drain: { messages: size.drainMessages, seconds, perSecond: size.drainMessages / seconds },
      smoke: size.smoke,
    };
  } finally {
    // Removing the endpoints removes their messages and attempts too (the e2e database outlives the step).
    for (const id of endpointIds) await api(baseUrl, token, "DELETE", `/api/v1/webhook-endpoints/${id}`).catch(() => undefined);
    await receiver.close();
    await client.end();
  }
}
