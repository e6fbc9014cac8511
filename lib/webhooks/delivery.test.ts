// Delivery against real HTTP receivers on loopback ports (allow-listed), with the test database:
// outbox fan-out, signatures the standardwebhooks verifier accepts, two workers never sending a
// message twice, retries after the receiver comes back, 410 disabling, rolled-back changes sending nothing.
import { afterAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { changeCorrectiveActionStatus } from "@/lib/actions/mutations";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { db } from "@/lib/db";
import { emitEvent } from "@/lib/events/mutations";
import { ForbiddenError } from "@/lib/errors";
import { deliverDueMessages, runDeliveryPass } from "@/lib/webhooks/delivery";
import { createWebhookEndpoint, redeliverMessage, rotateWebhookSecret, sendTestEvent } from "@/lib/webhooks/mutations";
import { retailEndpoint } from "@/lib/webhooks/test-endpoint";
import { startReceiver } from "@/lib/webhooks/test-receiver";
import { encryptLegacyWebhookSecrets } from "@/lib/integrations/startup-check";

afterAll(() => testDb.$disconnect());

const allowedHosts = ["127.0.0.1"];
const pass = () => runDeliveryPass({ allowedHosts });

describe("webhook delivery", () => {
  it("sends each event once, signed, across two workers; a rolled-back change sends nothing", async () => {
    const world = await actionWorld();
    const receiver = await startReceiver();
    const { id, secret } = await createWebhookEndpoint(world.users.retailManager, {
      url: receiver.url,
      description: "retail hooks",
      format: "RAW",
      eventTypes: ["action.status_changed", "action.verified", "coe.closed", "webhook.test"],
      teamId: world.teams.retail.id,
      enabled: true,
    });
    const first = await world.action("Automate renewal", 3);
    await changeCorrectiveActionStatus(world.users.owner, { actionId: first.id, version: 1, status: "DONE", evidence: "PR 1" });
    await changeCorrectiveActionStatus(world.users.reviewer, {
      actionId: first.id,
      version: 2,
      status: "VERIFIED",
      verificationMethod: "TEST",
      verificationNote: "Tested",
    });
    await expect(
      db.$transaction(async (tx) => {
        await emitEvent(tx, { organizationId: world.org.id, type: "coe.approved", teamId: world.teams.payments.id, data: { id: "rolled-back" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    await Promise.all([pass(), pass()]);
    await Promise.all([pass(), pass()]);

    const ids = receiver.received.map((entry) => entry.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(ids.length);
    const bodies = receiver.received.map(
      (entry) => new Webhook(secret).verify(entry.body, entry.headers as Record<string, string>) as { type: string; data: { id: string } },
    );
    expect(bodies.map((body) => body.type).sort()).toEqual(["action.status_changed", "action.status_changed", "action.verified", "coe.closed"].sort());
    expect(bodies.find((body) => body.type === "action.verified")!.data).toMatchObject({ id: first.id, status: "VERIFIED", teamName: "Payments" });
    expect(bodies.some((body) => body.data.id === "rolled-back")).toBe(false);
    const attempts = await testDb.webhookAttempt.findMany({ where: { message: { endpointId: id } }, select: { number: true, succeeded: true } });
    expect(attempts).toHaveLength(4);
    expect(attempts.every((attempt) => attempt.number === 1 && attempt.succeeded)).toBe(true);
    await receiver.close();
  });

  it("retries after the receiver was down, disables on 410 and tells the owner", async () => {
    const world = await actionWorld();
    let status = 503;
    const receiver = await startReceiver(() => status);
    const { id } = await createWebhookEndpoint(world.users.retailManager, {
      url: receiver.url,
      description: "",
      format: "RAW",
      eventTypes: [],
      teamId: world.teams.retail.id,
      enabled: true,
    });
    const { messageId } = await sendTestEvent(world.users.retailManager, id);
    await deliverDueMessages({ allowedHosts });
    let message = await testDb.webhookMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(message).toMatchObject({ status: "PENDING", attemptCount: 1 });
    expect(message.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(3_000);
    expect((await testDb.webhookEndpoint.findUniqueOrThrow({ where: { id } })).failingSince).not.toBeNull();

    // Not due yet: nothing is sent. Then the 5 s have passed and the receiver is back.
    expect(await deliverDueMessages({ allowedHosts })).toBe(0);
    status = 200;
    await testDb.webhookMessage.update({ where: { id: messageId }, data: { nextAttemptAt: new Date() } });
    await deliverDueMessages({ allowedHosts });
    message = await testDb.webhookMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(message).toMatchObject({ status: "SUCCEEDED", attemptCount: 2 });
    expect(receiver.received.map((entry) => entry.headers["webhook-id"])).toEqual([messageId, messageId]);
    expect((await testDb.webhookEndpoint.findUniqueOrThrow({ where: { id } })).failingSince).toBeNull();

    // Redeliver by hand: the same webhook-id again, attempt 3; then the receiver says 410 Gone.
    status = 410;
    await redeliverMessage(world.users.retailManager, messageId);
    await deliverDueMessages({ allowedHosts });
    const endpoint = await testDb.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: "The receiver answered 410 Gone." });
    const notices = await testDb.notification.findMany({ where: { userId: world.users.retailManager.userId, kind: "WEBHOOK_ENDPOINT_DISABLED" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.href).toBe(`/settings/webhooks/${id}`);
    await receiver.close();
  });

  it("signs with the old and the new secret for a day after a rotation", async () => {
    const world = await actionWorld();
    const receiver = await startReceiver();
    const { id, secret: oldSecret } = await createWebhookEndpoint(world.users.retailManager, {
      url: receiver.url,
      description: "",
      format: "RAW",
      eventTypes: [],
      teamId: world.teams.payments.id,
      enabled: true,
    });
    const { secret: newSecret } = await rotateWebhookSecret(world.users.retailManager, id);
    const other = await sendTestEvent(world.users.retailManager, id);
    const { messageId } = await sendTestEvent(world.users.retailManager, id);
    expect(await deliverDueMessages({ allowedHosts, messageId })).toBe(1);
    expect(receiver.received.map((entry) => entry.headers["webhook-id"])).toEqual([messageId]);
    expect(await testDb.webhookMessage.findUniqueOrThrow({ where: { id: other.messageId } })).toMatchObject({ status: "PENDING", attemptCount: 0 });
    const [entry] = receiver.received;
    expect(() => new Webhook(oldSecret).verify(entry!.body, entry!.headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(entry!.body, entry!.headers as Record<string, string>)).not.toThrow();
    await receiver.close();
  });

  it("stores signing secrets encrypted, and encrypts ones stored before that in place (still signing alike)", async () => {
    const world = await actionWorld();
    const receiver = await startReceiver();
    const { id, secret } = await createWebhookEndpoint(world.users.retailManager, {
      url: receiver.url,
      description: "",
      format: "RAW",
      eventTypes: [],
      teamId: world.teams.payments.id,
      enabled: true,
    });
    const stored = await testDb.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { secret: true } });
    expect(stored.secret).toMatch(/^v1:/);
    expect(stored.secret).not.toContain(secret.slice("whsec_".length));
    // An endpoint from before encryption: its plaintext secret still signs, then is sealed at start.
    await testDb.webhookEndpoint.update({ where: { id }, data: { secret } });
    const first = await sendTestEvent(world.users.retailManager, id);
    expect(await deliverDueMessages({ allowedHosts, messageId: first.messageId })).toBe(1);
    expect(await encryptLegacyWebhookSecrets()).toBeGreaterThanOrEqual(1);
    expect((await testDb.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { secret: true } })).secret).toMatch(/^v1:/);
    const second = await sendTestEvent(world.users.retailManager, id);
    expect(await deliverDueMessages({ allowedHosts, messageId: second.messageId })).toBe(1);
    for (const entry of receiver.received) expect(() => new Webhook(secret).verify(entry.body, entry.headers as Record<string, string>)).not.toThrow();
    expect(receiver.received).toHaveLength(2);
    await receiver.close();
  });

  it("sends chat formats unsigned, and only the subtree's events to a team's endpoint", async () => {
    const world = await actionWorld();
    const receiver = await startReceiver();
    await createWebhookEndpoint(world.users.outsider, {
      url: receiver.url,
      description: "",
      format: "SLACK",
      eventTypes: ["action.status_changed"],
      teamId: world.teams.platform.id,
      enabled: true,
    });
    const payments = await world.action("Payments action", 3);
    const platformAction = await world.action("Platform action", 3, { teamId: world.teams.platform.id, ownerId: world.users.outsider.userId, coeId: null });
    await changeCorrectiveActionStatus(world.users.owner, { actionId: payments.id, version: 1, status: "IN_PROGRESS" });
    await changeCorrectiveActionStatus(world.users.outsider, { actionId: platformAction.id, version: 1, status: "IN_PROGRESS" });
    await pass();
    expect(receiver.received).toHaveLength(1);
    const [entry] = receiver.received;
    expect(entry!.headers["webhook-signature"]).toBeUndefined();
    const body = JSON.parse(entry!.body) as { text: string; blocks: { text: { text: string } }[] };
    expect(body.text).toContain("Platform action");
    expect(body.blocks[0]!.text.text).toMatch(/<http.*\/actions\/.*\|open in Andon>/);
    await receiver.close();
  });

  it("refuses an organization-wide endpoint from a manager, and another subtree's", async () => {
    const world = await actionWorld();
    const input = { url: "https://hooks.example.com/x", format: "RAW" as const, eventTypes: [], enabled: true, description: "" };
    await expect(createWebhookEndpoint(world.users.retailManager, { ...input, teamId: null })).rejects.toThrow(ForbiddenError);
    await expect(createWebhookEndpoint(world.users.retailManager, { ...input, teamId: world.teams.platform.id })).rejects.toThrow(ForbiddenError);
    await expect(createWebhookEndpoint(world.users.owner, { ...input, teamId: world.teams.payments.id })).rejects.toThrow(ForbiddenError);
    const { id } = await createWebhookEndpoint(world.users.retailManager, { ...input, teamId: world.teams.payments.id });
    await expect(sendTestEvent(world.users.outsider, id)).rejects.toThrow(/not found|does not exist/i);
  });

  it("records one run's mixed answers in its batch: delivered, retried, and a gone receiver disabled with its owner told", async () => {
    const world = await actionWorld();
    const [healthy, failing, gone] = await Promise.all([startReceiver(() => 200), startReceiver(() => 503), startReceiver(() => 410)]);
    const healthyId = await retailEndpoint(world, healthy.url, "healthy");
    const failingId = await retailEndpoint(world, failing.url, "failing");
    const goneId = await retailEndpoint(world, gone.url, "gone");
    const queue = (endpointId: string, count: number) =>
      testDb.webhookMessage.createMany({
        data: Array.from({ length: count }, () => ({ endpointId, eventType: "webhook.test", payload: { type: "webhook.test" } })),
      });
    await Promise.all([queue(healthyId, 20), queue(failingId, 3), queue(goneId, 1)]);

    const before = Date.now();
    expect(await deliverDueMessages({ allowedHosts })).toBeGreaterThanOrEqual(24);

    const messages = await testDb.webhookMessage.findMany({
      where: { endpointId: { in: [healthyId, failingId, goneId] } },
      select: { endpointId: true, status: true, attemptCount: true, nextAttemptAt: true, lockedUntil: true, attempts: true },
    });
    expect(messages).toHaveLength(24);
    for (const message of messages) {
      expect(message).toMatchObject({ attemptCount: 1, lockedUntil: null });
      expect(message.attempts).toHaveLength(1);
      const [attempt] = message.attempts;
      expect(attempt).toMatchObject({ number: 1, requestBody: '{"type":"webhook.test"}', responseBody: "ok" });
      expect(attempt!.requestHeaders).toMatchObject({ "content-type": "application/json", "webhook-signature": expect.stringMatching(/^v1,/) });
      if (message.endpointId === healthyId) {
        expect(message).toMatchObject({ status: "SUCCEEDED", nextAttemptAt: null });
        expect(attempt).toMatchObject({ succeeded: true, responseStatus: 200, error: null });
      } else {
        expect(message.status).toBe("PENDING");
        expect(message.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 5_000);
        expect(attempt).toMatchObject({ succeeded: false, responseStatus: message.endpointId === goneId ? 410 : 503 });
      }
    }
    const endpoint = (id: string) =>
      testDb.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { enabled: true, failingSince: true, disabledReason: true } });
    expect(await endpoint(healthyId)).toEqual({ enabled: true, failingSince: null, disabledReason: null });
    expect(await endpoint(failingId)).toEqual({ enabled: true, failingSince: expect.any(Date), disabledReason: null });
    expect(await endpoint(goneId)).toMatchObject({ enabled: false, disabledReason: "The receiver answered 410 Gone." });
    const notices = await testDb.notification.findMany({ where: { userId: world.users.retailManager.userId, kind: "WEBHOOK_ENDPOINT_DISABLED" } });
    expect(notices.map((notice) => notice.title)).toEqual(["Webhook gone was disabled: The receiver answered 410 Gone."]);
    await Promise.all([healthy.close(), failing.close(), gone.close()]);
  });

  it("logs an answer whose body holds NUL (which PostgreSQL text cannot) without it, instead of retrying forever", async () => {
    const world = await actionWorld();
    const receiver = await startReceiver(() => 200, "ok\u0000done");
    const endpointId = await retailEndpoint(world, receiver.url, "nul");
    await testDb.webhookMessage.create({ data: { endpointId, eventType: "webhook.test", payload: { type: "webhook.test" } } });
    expect(await deliverDueMessages({ allowedHosts })).toBe(1);
    const message = await testDb.webhookMessage.findFirstOrThrow({ where: { endpointId }, select: { status: true, attempts: true } });
    expect(message.status).toBe("SUCCEEDED");
    expect(message.attempts.map((attempt) => attempt.responseBody)).toEqual(["okdone"]);
    await receiver.close();
  });

  it("drains queued deliveries once each, two workers side by side (rate reported)", async () => {
    const count = Number(process.env.WEBHOOK_DRAIN_COUNT ?? 1000);
    const world = await actionWorld();
    const receiver = await startReceiver();
    const { id } = await createWebhookEndpoint(world.users.retailManager, {
      url: receiver.url,
      description: "",
      format: "RAW",
      eventTypes: [],
      teamId: world.teams.retail.id,
      enabled: true,
    });
    const payload = { type: "webhook.test", id: "evt", timestamp: new Date().toISOString(), data: { n: 1 } };
    for (let start = 0; start < count; start += 2000) {
      await testDb.webhookMessage.createMany({
        data: Array.from({ length: Math.min(2000, count - start) }, () => ({ endpointId: id, eventType: "webhook.test", payload })),
      });
    }
    const started = performance.now();
    await Promise.all([deliverDueMessages({ allowedHosts, maxMessages: count }), deliverDueMessages({ allowedHosts, maxMessages: count })]);
    const seconds = (performance.now() - started) / 1000;
    const rate = count / seconds;
    console.log(`[webhook-drain] ${count} deliveries in ${seconds.toFixed(1)} s: ${rate.toFixed(0)} per second (two workers)`);
    expect(await testDb.webhookMessage.count({ where: { endpointId: id, status: "SUCCEEDED" } })).toBe(count);
    expect(new Set(receiver.received.map((entry) => entry.headers["webhook-id"])).size).toBe(count);
    // The target (≥ 100/s) is asserted when measuring on purpose (WEBHOOK_DRAIN_COUNT=10000): in the
    // regular suite other processes share the two cores, and the figure is only reported.
    if (process.env.WEBHOOK_DRAIN_COUNT) expect(rate).toBeGreaterThanOrEqual(100);
    await receiver.close();
  }, 300_000);
});
