import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { EVENT_TYPES } from "@/lib/events/catalog";

describe("OpenAPI webhooks section", () => {
  it("lists every event of the catalog with the signed headers and the resource shape", () => {
    const document = buildOpenApiDocument() as unknown as {
      webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> }; parameters: { name: string }[] } }>;
    };
    expect(Object.keys(document.webhooks).sort()).toEqual(Object.keys(EVENT_TYPES).sort());
    const approved = document.webhooks["coe.approved"]!.post;
    expect(approved.parameters.map((parameter) => parameter.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    expect(JSON.stringify(approved.requestBody.content["application/json"]!.schema)).toContain("#/components/schemas/Coe");
    expect(JSON.stringify(document.webhooks["action.overdue"]!.post.requestBody)).toContain("#/components/schemas/ActionItem");
    expect(JSON.stringify(document.webhooks["review.weekly_digest"]!.post.requestBody)).toContain("#/components/schemas/WeeklyDigestData");
  });

  it("offers the weekly digest as the endpoint's own option, not as an event type to subscribe to", () => {
    const document = buildOpenApiDocument() as unknown as {
      components: { schemas: Record<string, { properties: Record<string, { items?: { enum?: string[] } }> }> };
    };
    const input = document.components.schemas.WebhookEndpointInput!.properties;
    expect(input.weeklyDigest).toBeDefined();
    expect(input.eventTypes!.items!.enum).toContain("review.agenda_ready");
    expect(input.eventTypes!.items!.enum).not.toContain("review.weekly_digest");
  });
});
