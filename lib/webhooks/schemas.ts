import { WebhookFormat, WebhookMessageStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { SUBSCRIBABLE_EVENT_TYPES } from "@/lib/events/catalog";

export const WEBHOOK_FORMATS = Object.values(WebhookFormat);
export const WEBHOOK_FORMAT_LABELS: Record<WebhookFormat, string> = {
  RAW: "Standard Webhooks JSON (signed)",
  SLACK: "Slack incoming webhook (unsigned)",
  TEAMS: "Microsoft Teams workflow (unsigned)",
  GOOGLE_CHAT: "Google Chat (unsigned)",
};

const eventTypeNames = SUBSCRIBABLE_EVENT_TYPES as [(typeof SUBSCRIBABLE_EVENT_TYPES)[number], ...(typeof SUBSCRIBABLE_EVENT_TYPES)[number][]];
const id = z.string().min(1).max(64);

/** One schema for the endpoint form, the server action and the API. */
export const webhookEndpointInputSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, message: "Enter the full http(s) URL the receiver listens on." })),
  description: z.string().trim().max(200).default(""),
  format: z.enum(WEBHOOK_FORMATS).default("RAW"),
  eventTypes: z
    .array(z.enum(eventTypeNames, { message: "Unknown event type (the weekly digest is its own option, weeklyDigest)." }))
    .max(eventTypeNames.length)
    .default([]),
  /** Only this team's subtree; empty: the whole organization (admins only). */
  teamId: z
    .string()
    .max(64)
    .optional()
    .transform((value) => (value ? value : null)),
  enabled: z.boolean().default(true),
  /** Also the subtree's weekly digest, when a review agenda in it is announced (once per ISO week). */
  weeklyDigest: z.boolean().default(false),
});
export type WebhookEndpointInput = z.input<typeof webhookEndpointInputSchema>;

export const webhookEndpointUpdateSchema = webhookEndpointInputSchema.extend({ endpointId: id, version: z.int().min(1) });

export const webhookEndpointRefSchema = z.object({ endpointId: id });
export const webhookMessageRefSchema = z.object({ messageId: id });

export const MESSAGE_STATUSES = Object.values(WebhookMessageStatus);
export const MESSAGE_STATUS_LABELS: Record<WebhookMessageStatus, string> = {
  PENDING: "Retrying",
  SUCCEEDED: "Delivered",
  EXHAUSTED: "Failed (exhausted)",
};

/** Filters of the delivery log, from the URL. */
export const deliveryLogFilterSchema = z.object({
  status: z.enum(MESSAGE_STATUSES).optional().catch(undefined),
  eventType: z.string().max(80).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
