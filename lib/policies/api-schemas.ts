import { AcknowledgmentStatus, FactValueType } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { instantStringSchema } from "@/lib/validation/dates";
import { pageSchema, paginationQuerySchema } from "@/lib/api/pagination";
import { ACK_CATEGORIES, FINDING_STATUSES, RULE_KINDS, RULE_STATUSES, SEVERITIES } from "@/lib/policies/schemas";

export const idParamsSchema = z.object({ id: z.string().min(1).max(100).meta({ description: "The record's id." }) });

export const ruleDeleteQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional().meta({ description: "The version you read: a rule changed since is not deleted (409)." }),
});

/** Documentation of the condition tree (the handlers parse with the recursive schema in conditions.ts). */
const conditionsDocSchema = z.record(z.string(), z.unknown()).meta({
  id: "PolicyConditions",
  description:
    'json-rules-engine conditions describing the failing state: `{"all"|"any": [{"fact": "tls.expiresAt", "operator": "daysUntilLessThan", "value": 30}, …]}`, groups nest. ' +
    "Operators: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, daysUntilLessThan, daysSinceGreaterThan, missing, present. " +
    "A bad condition is answered 400 with the path of the bad part, e.g. `conditions.all.0.operator`.",
});

const factSchema = z
  .object({
    key: z.string(),
    type: z.enum(FactValueType),
    value: z.union([z.number(), z.boolean(), z.string(), z.null()]),
    source: z.string(),
    observedAt: z.string(),
    changedAt: z.string(),
  })
  .meta({ id: "ServiceFact" });

export const factListSchema = z.object({ serviceId: z.string(), data: z.array(factSchema) }).meta({ id: "ServiceFactList" });

export const factPushDocSchema = z
  .object({
    source: z.string().optional().meta({ description: "Who computed the facts, e.g. `ci` or `aws-config` (default `api`)." }),
    facts: z
      .array(
        z.object({
          key: z.string().meta({ example: "tls.expiresAt" }),
          value: z.union([z.number(), z.boolean(), z.string(), z.null()]),
          type: z.enum(["number", "boolean", "string", "datetime"]).optional(),
          observedAt: z.string().optional(),
        }),
      )
      .max(1000),
  })
  .meta({ id: "ServiceFactPush" });

export const factPushResultSchema = z.object({ accepted: z.number().int(), changed: z.boolean() }).meta({ id: "ServiceFactPushResult" });

export const factListQuerySchema = z.object({ service: z.string().min(1, "Pass ?service=<service id>.").max(100).meta({ description: "The service's id." }) });

export const ruleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    remediation: z.string(),
    kind: z.enum(RULE_KINDS),
    severity: z.enum(SEVERITIES),
    category: z.string(),
    status: z.enum(RULE_STATUSES),
    conditions: conditionsDocSchema,
    scopeTeamId: z.string().nullable(),
    applicableFactKey: z.string().nullable(),
    ownerTeamId: z.string().nullable(),
    libraryKey: z.string().nullable(),
    sourceCoeId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "PolicyRule" });

export const ruleListSchema = z.object({ data: z.array(ruleSchema) }).meta({ id: "PolicyRuleList" });

export const ruleWriteDocSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    remediation: z.string().optional(),
    kind: z.enum(RULE_KINDS).optional(),
    severity: z.enum(SEVERITIES).optional(),
    category: z.string().optional(),
    status: z.enum(RULE_STATUSES).optional(),
    scopeTeamId: z
      .string()
      .optional()
      .meta({ description: "A team's id: the rule checks that team's subtree. Omit for the whole organization (admins only)." }),
    applicableFactKey: z.string().optional().meta({ description: "Only services that have this fact are checked." }),
    ownerTeamId: z.string().optional(),
    sourceCoeId: z.string().optional(),
    conditions: conditionsDocSchema,
  })
  .meta({ id: "PolicyRuleWrite" });

export const rulePatchSchema = z.object({
  version: z.number().int().min(1),
  status: z.enum(RULE_STATUSES).optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  remediation: z.string().optional(),
  kind: z.enum(RULE_KINDS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  category: z.string().optional(),
  scopeTeamId: z.string().nullable().optional(),
  applicableFactKey: z.string().nullable().optional(),
  ownerTeamId: z.string().nullable().optional(),
  conditions: z.unknown().optional(),
});

export const rulePatchDocSchema = ruleWriteDocSchema.partial().extend({ version: z.number().int() }).meta({ id: "PolicyRulePatch" });

export const dryRunDocSchema = z
  .object({ conditions: conditionsDocSchema, scopeTeamId: z.string().optional(), applicableFactKey: z.string().optional() })
  .meta({ id: "PolicyDryRun" });

export const dryRunResultSchema = z
  .object({
    applicable: z.number().int(),
    total: z.number().int(),
    failing: z.array(z.object({ id: z.string(), name: z.string(), teamName: z.string(), facts: z.record(z.string(), z.unknown()) })),
  })
  .meta({ id: "PolicyDryRunResult" });

const findingSchema = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    ruleName: z.string(),
    severity: z.enum(SEVERITIES),
    kind: z.enum(RULE_KINDS),
    category: z.string(),
    serviceId: z.string(),
    serviceName: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    status: z.enum(FINDING_STATUSES),
    factValues: z.record(z.string(), z.unknown()),
    episode: z.number().int(),
    firstOpenedAt: z.string(),
    openedAt: z.string(),
    resolvedAt: z.string().nullable(),
    lastEvaluatedAt: z.string(),
    correctiveActionId: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "PolicyFinding" });

export const findingPageSchema = pageSchema(findingSchema).meta({ id: "PolicyFindingPage" });

export const findingListQuerySchema = paginationQuerySchema.extend({
  team: z.string().max(100).optional().meta({ description: "A team's id: findings of its whole subtree." }),
  service: z.string().max(100).optional(),
  rule: z.string().max(100).optional(),
  status: z.enum(FINDING_STATUSES).optional().meta({ description: "Default: open and acknowledged." }),
  severity: z.enum(SEVERITIES).optional(),
  kind: z.enum(RULE_KINDS).optional(),
  category: z.string().max(60).optional(),
});

export const findingCursorSchema = z.tuple([instantStringSchema(), z.string().min(1).max(100)]);

export const acknowledgmentSchema = z
  .object({
    id: z.string(),
    findingId: z.string(),
    category: z.enum(ACK_CATEGORIES),
    reason: z.string(),
    expiresAt: z.string(),
    status: z.enum(AcknowledgmentStatus),
    requestedById: z.string().nullable(),
    decidedById: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "FindingAcknowledgment" });

export const acknowledgmentRequestBodySchema = z
  .object({
    category: z.enum(ACK_CATEGORIES),
    reason: z.string().meta({ description: "Why (at least 10 characters)." }),
    expiresOn: z.string().meta({ description: "YYYY-MM-DD, at most 180 days ahead." }),
  })
  .meta({ id: "FindingAcknowledgmentRequest" });

export const complianceQuerySchema = z.object({
  team: z.string().max(100).optional().meta({ description: "A team's id (default: the highest team the caller reads)." }),
  kind: z.enum(RULE_KINDS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  category: z.string().max(60).optional(),
});

const countsSchema = z.object({
  applicable: z.number().int(),
  passing: z.number().int(),
  failing: z.number().int(),
  acknowledged: z.number().int(),
  failingCritical: z.number().int(),
  failingHigh: z.number().int(),
  passingPercent: z.number().nullable(),
});

export const complianceSchema = z
  .object({
    team: z.object({ id: z.string(), name: z.string() }),
    total: countsSchema,
    children: z.array(z.object({ id: z.string(), name: z.string(), counts: countsSchema })),
    trend: z.array(z.object({ weekStart: z.string(), counts: countsSchema.nullable() })),
    rules: z.array(z.object({ ruleId: z.string(), ruleName: z.string(), severity: z.string(), open: z.number().int(), acknowledged: z.number().int() })),
  })
  .meta({ id: "Compliance" });

export const catalogImportDocSchema = z
  .object({
    yaml: z.string().optional().meta({ description: "The catalog-info.yaml text (several documents separated by `---`)." }),
    url: z.string().optional().meta({ description: "Or the raw file's http(s) address, fetched by the server (no redirects, 1 MB at most)." }),
    dryRun: z.boolean().optional().meta({ description: "true (the default): answer the plan and write nothing; false: apply it." }),
  })
  .meta({ id: "CatalogImport" });

const catalogChange = z.enum(["create", "update", "unchanged"]);
export const catalogPlanSchema = z
  .object({
    applied: z.boolean(),
    teams: z.array(z.object({ name: z.string(), change: catalogChange, parent: z.string().nullable(), details: z.array(z.string()) })),
    services: z.array(z.object({ name: z.string(), change: catalogChange, team: z.string(), details: z.array(z.string()), facts: z.number().int() })),
    skipped: z.array(z.object({ document: z.number().int(), kind: z.string(), name: z.string().nullable() })),
    warnings: z.array(z.string()),
  })
  .meta({ id: "CatalogImportPlan" });
