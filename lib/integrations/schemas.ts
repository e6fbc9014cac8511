import { TicketProvider, type CorrectiveActionStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";

export const TICKET_PROVIDERS = Object.values(TicketProvider);
export const TICKET_PROVIDER_LABELS: Record<TicketProvider, string> = { GITHUB: "GitHub Issues", JIRA: "Jira" };

/** Andon statuses a Jira status may stand for: verification stays in Andon, won't do is decided in Andon. */
export const MAPPABLE_STATUSES = ["OPEN", "IN_PROGRESS", "DONE"] as const satisfies readonly CorrectiveActionStatus[];
export type MappableStatus = (typeof MAPPABLE_STATUSES)[number];

export const DEFAULT_JIRA_STATUS_MAPPING: Record<string, MappableStatus> = { "To Do": "OPEN", "In Progress": "IN_PROGRESS", Done: "DONE" };

const id = z.string().min(1).max(64);
const httpsUrl = (message: string) =>
  z
    .string()
    .trim()
    .max(500)
    .pipe(z.url({ protocol: /^https?$/, message }))
    .transform((value) => value.replace(/\/+$/, ""));
/** A secret the form may leave empty on edit, meaning "keep the stored one". */
const secretText = z.string().trim().max(2000);

const common = {
  teamId: id,
  enabled: z.boolean().default(true),
  token: secretText,
  /** The secret inbound webhooks are signed with; empty on create: Andon generates one and shows it once. */
  webhookSecret: secretText.default(""),
};

/**
 * One schema for the integration form, the server action and the API. Tokens are write-only: an
 * empty token on edit keeps the stored one.
 */
export const ticketIntegrationInputSchema = z.discriminatedUnion("provider", [
  z.object({
    provider: z.literal("GITHUB"),
    ...common,
    baseUrl: httpsUrl("Enter the API root, e.g. https://api.github.com (GitHub Enterprise Server: https://github.example.com/api/v3).").default(
      "https://api.github.com",
    ),
    repository: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, "Enter the repository as owner/name, e.g. acme/operations."),
  }),
  z.object({
    provider: z.literal("JIRA"),
    ...common,
    baseUrl: httpsUrl("Enter your Jira site, e.g. https://acme.atlassian.net."),
    jiraEmail: z.email("Enter the email of the account the API token belongs to.").max(200),
    projectKey: z
      .string()
      .trim()
      .regex(/^[A-Z][A-Z0-9_]{0,19}$/, "Enter the project key in capitals, e.g. OPS."),
    issueType: z.string().trim().min(1, "Enter the issue type new tickets get, e.g. Task.").max(60).default("Task"),
    statusMapping: z
      .record(z.string().trim().min(1).max(100), z.enum(MAPPABLE_STATUSES))
      .refine((mapping) => Object.keys(mapping).length <= 50, "Map at most 50 statuses.")
      .default(DEFAULT_JIRA_STATUS_MAPPING),
  }),
]);
export type TicketIntegrationInput = z.input<typeof ticketIntegrationInputSchema>;

/** The same fields, flat (so field errors name the same inputs), with the integration and the version edited. */
export const ticketIntegrationUpdateSchema = z.intersection(z.object({ integrationId: id, version: z.int().min(1) }), ticketIntegrationInputSchema);
export const ticketIntegrationRefSchema = z.object({ integrationId: id });
export const actionRefSchema = z.object({ actionId: id });
export const coeRefSchema = z.object({ coeId: id });
