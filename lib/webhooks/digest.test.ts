// The weekly digest against real HTTP receivers on loopback ports (allow-listed), with the test
// database: announcing a review agenda queues one digest per covering endpoint (its own subtree's
// overdue actions, new COEs and metric breaches), signed for raw endpoints and as Block Kit, Adaptive
// Card and cardsV2 messages for chat; announcing again that week sends nothing more.
import { afterAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { announceAgenda } from "@/lib/reviews/mutations";
import { reviewWorld, testDb, userFor, WEEK } from "@/lib/reviews/test-fixtures";
import { runDeliveryPass } from "@/lib/webhooks/delivery";
import type { WeeklyDigestData } from "@/lib/webhooks/digest-format";
import { queueWeeklyDigests } from "@/lib/webhooks/digest-mutations";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";
import { startReceiver } from "@/lib/webhooks/test-receiver";
import { createUser } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

const allowedHosts = ["127.0.0.1"];
const DAY_MS = 86_400_000;
// Only the digest reaches these endpoints: they subscribe to an event nothing here emits.
const quiet = { description: "", eventTypes: ["coe.approved" as const], enabled: true };

async function digestWorld() {
  const world = await reviewWorld();
  const admin = await userFor((await createUser(testDb, world.org.id, { isAdmin: true, passwordHash: "not-a-real-hash" })).id);
  const { retail, checkout, payments, platform } = world.teams;
  const late = await world.action("Rotate the gateway certificate", payments.id, "2026-11-01");
  await world.action("Already done", payments.id, "2026-11-01", "DONE", "2026-11-20T10:00:00Z");
  await world.action("Due later", payments.id, "2099-01-01");
  const platformLate = await world.action("Renew the DNS contract", platform.id, "2026-11-15");
  const fresh = await world.coe("Checkout double charges", checkout.id, { status: "DRAFT", severity: "SEV1", createdAt: "2026-11-24T09:00:00Z" });
  const secret = await world.coe("Leaked card numbers", payments.id, { status: "DRAFT", createdAt: "2026-11-25T09:00:00Z" });
  await testDb.coe.update({ where: { id: secret.id }, data: { restricted: true } });
  await world.coe("Last month's outage", retail.id, { status: "APPROVED", createdAt: "2026-10-10T09:00:00Z", approvedAt: "2026-10-20T09:00:00Z" });
  await world.breachedMetric(world.services.gateway.id, "Availability");
  await world.breachedMetric(world.services.dns.id, "Resolution success");
  return { ...world, admin, late, platformLate, fresh, secret };
}

describe("weekly digest", () => {
  it("sends each endpoint covering the announced team its own subtree's digest, once per ISO week, signed or as a chat card", async () => {
    const world = await digestWorld();
    const { retail, checkout, platform } = world.teams;
    const [raw, slack, teams, googleChat, never] = await Promise.all([startReceiver(), startReceiver(), startReceiver(), startReceiver(), startReceiver()]);
    const { id: rawId, secret } = await createWebhookEndpoint(world.users.manager, {
      ...quiet,
      url: raw.url,
      format: "RAW",
      teamId: retail.id,
      weeklyDigest: true,
    });
    await createWebhookEndpoint(world.users.manager, { ...quiet, url: slack.url, format: "SLACK", teamId: retail.id, weeklyDigest: true });
    await createWebhookEndpoint(world.admin, { ...quiet, url: teams.url, format: "TEAMS", teamId: null, weeklyDigest: true });
    await createWebhookEndpoint(world.users.manager, { ...quiet, url: googleChat.url, format: "GOOGLE_CHAT", teamId: retail.id, weeklyDigest: true });
    // Not covering Retail (a sub-team's, another tree's), or without the option: no digest.
    await createWebhookEndpoint(world.users.manager, { ...quiet, url: never.url, format: "RAW", teamId: checkout.id, weeklyDigest: true });
    await createWebhookEndpoint(world.users.outsider, { ...quiet, url: never.url, format: "RAW", teamId: platform.id, weeklyDigest: true });
    await createWebhookEndpoint(world.users.manager, { ...quiet, url: never.url, format: "RAW", teamId: retail.id, weeklyDigest: false });

    const { version } = await announceAgenda(world.users.manager, { seriesId: world.series.id, isoWeek: WEEK, version: 1 });
    await runDeliveryPass({ allowedHosts });
    // Announcing again the same week (a rebuilt agenda) sends no second digest.
    await announceAgenda(world.users.manager, { seriesId: world.series.id, isoWeek: WEEK, version });
    await runDeliveryPass({ allowedHosts });

    expect([raw, slack, teams, googleChat].map((receiver) => receiver.received.length)).toEqual([1, 1, 1, 1]);
    expect(never.received).toHaveLength(0);

    const event = new Webhook(secret).verify(raw.received[0]!.body, raw.received[0]!.headers as Record<string, string>) as {
      type: string;
      id: string;
      data: WeeklyDigestData;
    };
    expect(event).toMatchObject({ type: "review.weekly_digest", id: `weekly_digest_${WEEK}_${rawId}` });
    const daysLate = Math.round((Date.UTC(...today()) - Date.UTC(2026, 10, 1)) / DAY_MS);
    expect(event.data).toMatchObject({
      isoWeek: WEEK,
      teamId: retail.id,
      teamName: "Retail",
      review: { seriesId: world.series.id, seriesName: "Retail weekly", path: `/reviews/${world.series.id}/weeks/${WEEK}` },
      overdueActions: {
        total: 1,
        items: [{ id: world.late.id, title: "Rotate the gateway certificate", teamName: "Payments", dueDate: "2026-11-01", daysOverdue: daysLate }],
      },
      metricBreaches: { total: 1, items: [{ serviceName: world.services.gateway.name, name: "Availability", latestValue: 98.5, target: 99.9 }] },
    });
    expect(event.data.newCoes.total).toBe(2);
    expect(event.data.newCoes.items.map((coe) => coe.title).sort()).toEqual(["Checkout double charges", "Restricted COE"]);
    expect(JSON.stringify(event.data)).not.toContain("Leaked card numbers");

    const slackBody = JSON.parse(slack.received[0]!.body) as { text: string; blocks: { type: string; text?: { text: string } }[] };
    expect(slack.received[0]!.headers["webhook-signature"]).toBeUndefined();
    expect(slackBody.text).toContain(`Weekly digest — Retail, ${WEEK}: 1 corrective action overdue, 2 new COEs, 1 metric breach`);
    expect(slackBody.blocks[0]).toMatchObject({ type: "header", text: { text: `Weekly digest — Retail, ${WEEK}` } });
    expect(slackBody.blocks.map((block) => block.text?.text ?? "").join("\n")).toMatch(
      new RegExp(`<http[^|>]*/actions/${world.late.id}\\|Rotate the gateway certificate> — Payments, ${daysLate} days overdue`),
    );

    // The organization-wide endpoint's digest covers every team: Platform's action and metric too.
    const card = (JSON.parse(teams.received[0]!.body) as { attachments: { content: { type: string; body: { text: string }[]; actions: { url: string }[] } }[] })
      .attachments[0]!.content;
    expect(card.type).toBe("AdaptiveCard");
    const cardText = card.body.map((block) => block.text).join("\n");
    expect(cardText).toContain("2 corrective actions overdue, 2 new COEs, 2 metric breaches");
    expect(cardText).toContain(`[Renew the DNS contract](`);
    expect(card.actions[0]!.url).toMatch(new RegExp(`/reviews/${world.series.id}/weeks/${WEEK}$`));

    const chat = JSON.parse(googleChat.received[0]!.body) as { cardsV2: { card: { header: { title: string }; sections: { widgets: unknown[] }[] } }[] };
    expect(chat.cardsV2[0]!.card.header.title).toBe(`📋 Weekly digest — Retail, ${WEEK}`);
    expect(JSON.stringify(chat.cardsV2[0]!.card.sections)).toContain(`/coes/${world.fresh.id}\\">Checkout double charges</a>`);

    expect(await testDb.webhookMessage.count({ where: { endpoint: { organizationId: world.org.id }, eventType: "review.weekly_digest" } })).toBe(4);
    await Promise.all([raw, slack, teams, googleChat, never].map((receiver) => receiver.close()));
  });

  it("queues nothing when the announcing transaction rolls back", async () => {
    const world = await digestWorld();
    const receiver = await startReceiver();
    await createWebhookEndpoint(world.users.manager, { ...quiet, url: receiver.url, format: "RAW", teamId: world.teams.retail.id, weeklyDigest: true });
    const trigger = {
      organizationId: world.org.id,
      isoWeek: WEEK,
      window: { from: new Date("2026-11-22T23:00:00Z"), to: new Date("2026-11-29T23:00:00Z") },
      review: { id: "review", seriesId: world.series.id, seriesName: "Retail weekly", teamId: world.teams.retail.id, path: "/reviews" },
      loadContent: async () => ({ overdueActions: { total: 0, items: [] }, newCoes: { total: 0, items: [] }, metricBreaches: { total: 0, items: [] } }),
    };
    await expect(
      db.$transaction(async (tx) => {
        expect(await queueWeeklyDigests(tx, trigger)).toBe(1);
        throw new Error("the announcement failed");
      }),
    ).rejects.toThrow("the announcement failed");
    await runDeliveryPass({ allowedHosts });
    expect(receiver.received).toHaveLength(0);
    // Committed, it is queued once; a second call that week finds it there.
    expect(await db.$transaction((tx) => queueWeeklyDigests(tx, trigger))).toBe(1);
    expect(await db.$transaction((tx) => queueWeeklyDigests(tx, trigger))).toBe(0);
    await runDeliveryPass({ allowedHosts });
    expect(receiver.received).toHaveLength(1);
    await receiver.close();
  });
});

function today(): [number, number, number] {
  const now = new Date();
  return [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()];
}
