// What an endpoint that misbehaves gets, against real HTTP servers on loopback ports (allow-listed):
// failing for 5 days in a row disables it and tells its owner, a redirect is a failed attempt that is
// never followed, only the first 4 KB of an answer is kept, and a disabled endpoint refuses "send test
// event" and "redeliver" with a reason instead of pretending to send. Every delivery here names its
// message, so the file shares the test database with the others.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { actionWorld, testDb } = await import("@/lib/actions/test-fixtures");
const { deliverDueMessages } = await import("@/lib/webhooks/delivery");
const { createWebhookEndpoint, redeliverMessage, sendTestEvent } = await import("@/lib/webhooks/mutations");
const { startReceiver } = await import("@/lib/webhooks/test-receiver");
const { DISABLE_AFTER_FAILING_MS } = await import("@/lib/webhooks/retry");
const { POST: testEventApi } = await import("@/app/api/v1/webhook-endpoints/[id]/test/route");
const { createApiToken } = await import("@/prisma/seed/factories");

afterAll(() => testDb.$disconnect());

const allowedHosts = ["127.0.0.1"];
type World = Awaited<ReturnType<typeof actionWorld>>;

/** A loopback server answering every request with `status`, `headers` and `body`. */
async function startServer(status: number, headers: Record<string, string>, body: string) {
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests += 1;
    request.resume();
    request.on("end", () => {
      response.writeHead(status, { "content-type": "text/plain", ...headers });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function endpointFor(world: World, url: string) {
  return createWebhookEndpoint(world.users.retailManager, {
    url,
    description: "ops hooks",
    format: "RAW",
    eventTypes: [],
    teamId: world.teams.retail.id,
    enabled: true,
  });
}

/** Queues a test event and makes its attempt now; answers the attempt as logged. */
async function attemptTest(world: World, endpointId: string) {
  const { messageId } = await sendTestEvent(world.users.retailManager, endpointId);
  await deliverDueMessages({ allowedHosts, messageId });
  const attempt = await testDb.webhookAttempt.findFirstOrThrow({ where: { messageId }, orderBy: { number: "desc" } });
  return { messageId, attempt };
}

describe("webhook endpoint health", () => {
  it("stays enabled while failing for less than 5 days, is disabled with its owner told once it has failed for 5", async () => {
    const world = await actionWorld();
    const receiver = await startReceiver(() => 500);
    const { id } = await endpointFor(world, receiver.url);
    const endpoint = () => testDb.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { enabled: true, disabledReason: true, failingSince: true } });

    await attemptTest(world, id);
    const since = (await endpoint()).failingSince!;
    expect(since).not.toBeNull();
    // Four days and 23 hours of failures: still enabled.
    await testDb.webhookEndpoint.update({ where: { id }, data: { failingSince: new Date(Date.now() - DISABLE_AFTER_FAILING_MS + 3_600_000) } });
    await attemptTest(world, id);
    expect(await endpoint()).toMatchObject({ enabled: true, disabledReason: null });

    // Five days: the next failure disables it.
    const fiveDaysAgo = new Date(Date.now() - DISABLE_AFTER_FAILING_MS - 60_000);
    await testDb.webhookEndpoint.update({ where: { id }, data: { failingSince: fiveDaysAgo } });
    await attemptTest(world, id);
    expect(await endpoint()).toMatchObject({ enabled: false, disabledReason: "Every delivery failed for 5 days.", failingSince: fiveDaysAgo });
    const notices = await testDb.notification.findMany({
      where: { userId: world.users.retailManager.userId, kind: "WEBHOOK_ENDPOINT_DISABLED" },
      select: { title: true, href: true },
    });
    expect(notices).toEqual([{ title: "Webhook ops hooks was disabled: Every delivery failed for 5 days.", href: `/settings/webhooks/${id}` }]);
    await receiver.close();
  });

  it("does not follow a redirect (a failed attempt) and keeps only the first 4 KB of an answer", async () => {
    const world = await actionWorld();
    const elsewhere = await startServer(200, {}, "reached");
    const redirecting = await startServer(307, { location: elsewhere.url }, "moved");
    const { id: redirectId } = await endpointFor(world, redirecting.url);
    const redirected = await attemptTest(world, redirectId);
    expect(redirected.attempt).toMatchObject({ responseStatus: 307, succeeded: false, responseBody: "moved" });
    expect(redirecting.requests()).toBe(1);
    expect(elsewhere.requests()).toBe(0);
    expect(await testDb.webhookMessage.findUniqueOrThrow({ where: { id: redirected.messageId }, select: { status: true } })).toEqual({ status: "PENDING" });

    // 1 MB answer: the log keeps its first 4,096 characters.
    const chatty = await startServer(200, {}, "a".repeat(4096) + "b".repeat(1_000_000));
    const { id: chattyId } = await endpointFor(world, chatty.url);
    const { attempt } = await attemptTest(world, chattyId);
    expect(attempt.succeeded).toBe(true);
    expect(attempt.responseBody).toBe("a".repeat(4096));
    await Promise.all([elsewhere.close(), redirecting.close(), chatty.close()]);
  });

  it("refuses to send a test event or redeliver to a disabled endpoint, saying why (409), and sends nothing", async () => {
    const world = await actionWorld();
    let status = 200;
    const receiver = await startReceiver(() => status);
    const { id } = await endpointFor(world, receiver.url);
    const { messageId } = await attemptTest(world, id);
    status = 410;
    await redeliverMessage(world.users.retailManager, messageId);
    await deliverDueMessages({ allowedHosts, messageId });
    expect(await testDb.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { enabled: true } })).toEqual({ enabled: false });
    const received = receiver.received.length;
    const messages = await testDb.webhookMessage.count({ where: { endpointId: id } });

    const token = (await createApiToken(testDb, world.users.retailManager.userId)).secret;
    const response = await testEventApi(
      new Request(`http://andon.test/api/v1/webhook-endpoints/${id}/test`, { method: "POST", headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status).toBe(409);
    const problem = (await response.json()) as { detail?: string; title?: string };
    expect(JSON.stringify(problem)).toContain("This endpoint is disabled (The receiver answered 410 Gone): nothing was sent.");

    await expect(redeliverMessage(world.users.retailManager, messageId)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/disabled/) });
    await deliverDueMessages({ allowedHosts, messageId });
    expect(receiver.received.length).toBe(received);
    expect(await testDb.webhookMessage.count({ where: { endpointId: id } })).toBe(messages);
    await receiver.close();
  });
});
