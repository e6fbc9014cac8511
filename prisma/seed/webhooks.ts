import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { DEMO_ORG_ID, DEMO_TEAMS } from "./constants";

/** A webhook endpoint row with a fresh `whsec_` secret (tests and the demo). */
function webhookEndpointData(input: Omit<Prisma.WebhookEndpointUncheckedCreateInput, "secret">): Prisma.WebhookEndpointUncheckedCreateInput {
  return { ...input, secret: `whsec_${randomBytes(32).toString("base64")}` };
}

/**
 * Demo endpoints, disabled so a fresh install sends nothing anywhere: an organization-wide signed one
 * with a delivered test message in its log, and a Slack one for Retail Engineering's subtree.
 */
export async function seedDemoWebhooks(db: PrismaClient): Promise<void> {
  const sentAt = new Date(Date.now() - 2 * 3_600_000);
  await db.webhookEndpoint.create({
    data: webhookEndpointData({
      id: "webhook_demo_raw",
      organizationId: DEMO_ORG_ID,
      createdById: "user_admin",
      url: "https://webhooks.example.com/andon",
      description: "Demo: incident tooling (signed)",
      format: "RAW",
      eventTypes: ["coe.approved", "coe.closed", "action.overdue", "cord.pulled"],
      enabled: false,
      createdAt: new Date(Date.now() - 3 * 86_400_000),
    }),
  });
  const body = JSON.stringify({ type: "webhook.test", id: "test_demo", timestamp: sentAt.toISOString(), data: { message: "A test event from Andon." } });
  await db.webhookMessage.create({
    data: {
      id: "msg_demo_test",
      endpointId: "webhook_demo_raw",
      eventType: "webhook.test",
      payload: JSON.parse(body) as Prisma.InputJsonValue,
      status: "SUCCEEDED",
      attemptCount: 1,
      nextAttemptAt: null,
      createdAt: sentAt,
      attempts: {
        create: {
          number: 1,
          startedAt: sentAt,
          durationMs: 212,
          requestHeaders: {
            "content-type": "application/json",
            "webhook-id": "msg_demo_test",
            "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
          },
          requestBody: body,
          responseStatus: 204,
          responseBody: "",
          succeeded: true,
        },
      },
    },
  });
  await db.webhookEndpoint.create({
    data: webhookEndpointData({
      id: "webhook_demo_slack",
      organizationId: DEMO_ORG_ID,
      teamId: DEMO_TEAMS.retail.id,
      createdById: "user_manager",
      url: "https://hooks.slack.com/services/T000/B000/demo",
      description: "Demo: #retail-ops Slack channel",
      format: "SLACK",
      eventTypes: ["cord.pulled", "coe.approved", "action.overdue"],
      enabled: false,
    }),
  });
}
