// The batched delivery log against the test database: one batch of mixed outcomes moves each message
// as the retry schedule says and keeps endpoint health right (a later success in the same batch clears
// the failing state), a row that cannot be stored costs only itself, and a message deleted meanwhile
// is skipped. A whole run with healthy, failing and gone receivers is in delivery.test.ts (it claims
// every due message, so it needs a database of its own).
import { afterAll, describe, expect, it } from "vitest";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { attemptLog, ENDPOINT_FOR_SEND_SELECT, recordAttempts, type FinishedAttempt } from "@/lib/webhooks/attempt-log";
import { retailEndpoint } from "@/lib/webhooks/test-endpoint";
import { RETRY_SCHEDULE_MS } from "@/lib/webhooks/retry";

afterAll(() => testDb.$disconnect());

/** A queued message of `endpointId`, claimed `attemptCount` times so far. */
async function queuedMessage(endpointId: string, attemptCount = 1) {
  const { id } = await testDb.webhookMessage.create({
    data: { endpointId, eventType: "webhook.test", payload: { type: "webhook.test" }, attemptCount, lockedUntil: new Date(Date.now() + 60_000) },
    select: { id: true },
  });
  return id;
}

function finished(
  endpoint: FinishedAttempt["endpoint"],
  messageId: string,
  number: number,
  status: number | null,
  error: string | null = null,
): FinishedAttempt {
  return {
    endpoint,
    messageId,
    number,
    headers: { "webhook-id": messageId },
    body: `{"n":${number}}`,
    outcome: { status, body: status === null ? null : `answered ${status}`, error, durationMs: 7 },
    startedAt: new Date(),
  };
}

describe("batched webhook attempt log", () => {
  it("in one batch: the last scheduled failure exhausts its message, and a success after a failure clears the endpoint's failing state", async () => {
    const world = await actionWorld();
    const endpointId = await retailEndpoint(world, "https://hooks.example.com/a", "flaky");
    const endpoint = await testDb.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: ENDPOINT_FOR_SEND_SELECT });
    const last = RETRY_SCHEDULE_MS.length;
    const lastTry = await queuedMessage(endpointId, last);
    const failed = await queuedMessage(endpointId);
    const recovered = await queuedMessage(endpointId);

    await recordAttempts([
      finished(endpoint, lastTry, last, null, "No answer within 15 s."),
      finished(endpoint, failed, 1, 500),
      finished(endpoint, recovered, 1, 200),
    ]);

    const messages = new Map(
      (await testDb.webhookMessage.findMany({ where: { endpointId }, select: { id: true, status: true, nextAttemptAt: true } })).map((message) => [
        message.id,
        message,
      ]),
    );
    expect(messages.get(lastTry)).toMatchObject({ status: "EXHAUSTED", nextAttemptAt: null });
    expect(messages.get(failed)).toMatchObject({ status: "PENDING", nextAttemptAt: expect.any(Date) });
    expect(messages.get(recovered)).toMatchObject({ status: "SUCCEEDED", nextAttemptAt: null });
    expect(await testDb.webhookAttempt.findFirstOrThrow({ where: { messageId: lastTry } })).toMatchObject({
      number: last,
      succeeded: false,
      responseStatus: null,
      error: "No answer within 15 s.",
      durationMs: 7,
    });
    expect(await testDb.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { enabled: true, failingSince: true } })).toEqual({
      enabled: true,
      failingSince: null,
    });
  });

  it("records the rest of a batch when one attempt cannot be stored, and skips a message deleted meanwhile", async () => {
    const world = await actionWorld();
    const endpointId = await retailEndpoint(world, "https://hooks.example.com/b", "");
    const endpoint = await testDb.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: ENDPOINT_FOR_SEND_SELECT });
    const ids = [await queuedMessage(endpointId), await queuedMessage(endpointId), await queuedMessage(endpointId), await queuedMessage(endpointId)];
    await testDb.webhookMessage.delete({ where: { id: ids[1]! } });
    const unstorable = finished(endpoint, ids[3]!, 1, 200);
    unstorable.outcome.body = "a NUL \u0000 byte PostgreSQL text cannot hold";

    const log = attemptLog({ batchSize: 10, maxWaitMs: () => 1_000 });
    for (const attempt of [finished(endpoint, ids[0]!, 1, 200), finished(endpoint, ids[1]!, 1, 200), finished(endpoint, ids[2]!, 1, 200), unstorable])
      await log.add(attempt);
    await log.flush();

    const recorded = await testDb.webhookMessage.findMany({
      where: { endpointId },
      select: { id: true, status: true, lockedUntil: true, _count: { select: { attempts: true } } },
    });
    const byId = new Map(recorded.map(({ id, ...rest }) => [id, rest]));
    expect(byId.size).toBe(3);
    expect(byId.get(ids[0]!)).toEqual({ status: "SUCCEEDED", lockedUntil: null, _count: { attempts: 1 } });
    expect(byId.get(ids[2]!)).toEqual({ status: "SUCCEEDED", lockedUntil: null, _count: { attempts: 1 } });
    // Not recorded: still claimed, so it is made again once its lock runs out.
    expect(byId.get(ids[3]!)).toEqual({ status: "PENDING", lockedUntil: expect.any(Date), _count: { attempts: 0 } });
  });
});
