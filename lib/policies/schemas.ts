import { AcknowledgmentCategory, PolicyFindingStatus, PolicyRuleKind, PolicyRuleStatus, PolicySeverity } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { calendarDaySchema, instantStringSchema, parseInstant } from "@/lib/validation/dates";
import { FACT_KEY_PATTERN, conditionsSchema } from "@/lib/policies/conditions";
import { markdownTextSchema } from "@/lib/markdown-limits";

export const RULE_KINDS = Object.values(PolicyRuleKind);
export const SEVERITIES = Object.values(PolicySeverity);
export const RULE_STATUSES = Object.values(PolicyRuleStatus);
export const FINDING_STATUSES = Object.values(PolicyFindingStatus);
export const ACK_CATEGORIES = Object.values(AcknowledgmentCategory);
const FACT_TYPES = ["number", "boolean", "string", "datetime"] as const;
const MAX_ACK_DAYS = 180;
export const MAX_FACTS_PER_PUSH = 1000;

const id = z.string().trim().min(1).max(100);
const optionalId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((value) => (value ? value : undefined));

const factKeySchema = z.string().trim().min(1, "Enter a fact key.").max(120).regex(FACT_KEY_PATTERN, "A fact key is dotted words, e.g. tls.expiresAt.");

/** One pushed fact. `type` is inferred from the value when omitted (a string in ISO date form stays a string unless type says datetime). */
export const factInputSchema = z
  .object({
    key: factKeySchema,
    value: z.union([z.number().finite(), z.boolean(), z.string().max(2000), z.null()]),
    type: z.enum(FACT_TYPES).optional(),
    observedAt: instantStringSchema("observedAt must be an ISO 8601 date-time.").optional(),
  })
  .superRefine((fact, context) => {
    if (fact.type === "datetime" && fact.value !== null && (typeof fact.value !== "string" || parseInstant(fact.value) === null)) {
      context.addIssue({ code: "custom", path: ["value"], message: "A datetime fact's value is an ISO 8601 date-time string." });
    }
    if (fact.type === "number" && fact.value !== null && typeof fact.value !== "number") {
      context.addIssue({ code: "custom", path: ["value"], message: "A number fact's value is a number." });
    }
    if (fact.type === "boolean" && fact.value !== null && typeof fact.value !== "boolean") {
      context.addIssue({ code: "custom", path: ["value"], message: "A boolean fact's value is true or false." });
    }
  });
export type FactInput = z.output<typeof factInputSchema>;

export const factPushSchema = z.object({
  facts: z.array(factInputSchema).min(1, "Send at least one fact.").max(MAX_FACTS_PER_PUSH, `Send at most ${MAX_FACTS_PER_PUSH} facts per request.`),
  source: z.string().trim().min(1).max(80).default("api"),
});

const ruleFields = {
  name: z.string().trim().min(3, "Give the rule a name of at least 3 characters.").max(160),
  description: z.string().trim().max(2000).default(""),
  remediation: z.string().trim().pipe(markdownTextSchema(20000)).default(""),
  kind: z.enum(RULE_KINDS).default("RISK"),
  severity: z.enum(SEVERITIES).default("MEDIUM"),
  category: z
    .string()
    .trim()
    .min(1, "Choose a category.")
    .max(60)
    .regex(/^[a-z0-9][a-z0-9 _-]*$/i, "Letters, digits, spaces and dashes only.")
    .default("operations"),
  scopeTeamId: optionalId,
  applicableFactKey: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.string().regex(FACT_KEY_PATTERN, "A fact key is dotted words, e.g. tls.expiresAt.").optional()),
  ownerTeamId: optionalId,
  conditions: conditionsSchema,
  sourceCoeId: optionalId,
};

export const createRuleSchema = z.object({ ...ruleFields, status: z.enum(RULE_STATUSES).default("DRAFT") });
export type CreateRuleInput = z.output<typeof createRuleSchema>;

export const updateRuleSchema = z.object({
  ruleId: id,
  version: z.number().int().min(1),
  ...ruleFields,
});
export type UpdateRuleInput = z.output<typeof updateRuleSchema>;

export const deleteRuleSchema = z.object({ ruleId: id, version: z.number().int().min(1) });

export const setRuleStatusSchema = z.object({ ruleId: id, version: z.number().int().min(1), status: z.enum(RULE_STATUSES) });

export const dryRunSchema = z.object({
  conditions: conditionsSchema,
  scopeTeamId: optionalId,
  applicableFactKey: ruleFields.applicableFactKey,
});
export type DryRunInput = z.output<typeof dryRunSchema>;

function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * 86_400_000);
}

export const requestAcknowledgmentSchema = z.object({
  findingId: id,
  category: z.enum(ACK_CATEGORIES, { error: "Choose why: accepted risk, mitigated elsewhere or false positive." }),
  reason: z.string().trim().min(10, "Say why in at least 10 characters.").max(4000),
  expiresOn: calendarDaySchema("Choose an expiry date.")
    .refine((day) => new Date(`${day}T23:59:59Z`) > new Date(), "The expiry date must be in the future.")
    .refine((day) => new Date(`${day}T00:00:00Z`) <= daysFromNow(MAX_ACK_DAYS), `An acknowledgment lasts at most ${MAX_ACK_DAYS} days.`),
});
export type RequestAcknowledgmentInput = z.output<typeof requestAcknowledgmentSchema>;

export const decideAcknowledgmentSchema = z.object({
  acknowledgmentId: id,
  decision: z.enum(["APPROVED", "DENIED"]),
  note: z.string().trim().max(2000).default(""),
});
export type DecideAcknowledgmentInput = z.output<typeof decideAcknowledgmentSchema>;

export const findingActionSchema = z.object({
  findingId: id,
  ownerId: id,
  dueDate: calendarDaySchema("Choose a due date."),
});

export const SEVERITY_LABELS: Record<PolicySeverity, string> = { CRITICAL: "Critical", HIGH: "High", MEDIUM: "Medium", LOW: "Low" };
export const ACK_CATEGORY_LABELS: Record<AcknowledgmentCategory, string> = {
  ACCEPTED_RISK: "Accepted risk",
  MITIGATED_ELSEWHERE: "Mitigated elsewhere",
  FALSE_POSITIVE: "False positive",
};
export const RULE_STATUS_LABELS: Record<PolicyRuleStatus, string> = { DRAFT: "Draft", ENFORCED: "Enforced", DISABLED: "Disabled" };
export const FINDING_STATUS_LABELS: Record<PolicyFindingStatus, string> = { OPEN: "Open", ACKNOWLEDGED: "Acknowledged", RESOLVED: "Resolved" };

/** A Backstage catalog to import: pasted or uploaded text, or a URL the server fetches. `dryRun` previews only. */
export const catalogImportSchema = z
  .object({
    yaml: z.string().max(1_000_000, "The file is larger than 1 MB: split it.").optional(),
    url: z.string().trim().max(2000).optional(),
    dryRun: z.boolean().default(true),
  })
  .refine((input) => Boolean(input.yaml?.trim()) !== Boolean(input.url), {
    message: "Paste or upload a catalog-info.yaml, or give its URL (one of them).",
    path: ["yaml"],
  });
