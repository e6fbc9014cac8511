import { z } from "zod";
import { instantSchema } from "@/lib/validation/dates";
import { pageSchema, paginationQuerySchema } from "@/lib/api/pagination";
import { CORD_EVENT_KINDS, CORD_SEVERITIES } from "@/lib/cords/labels";
import { cordReportFields } from "@/lib/cords/schemas";

// Shapes of cords in /api/v1. Bodies reuse lib/cords/schemas.ts.

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const cordSchema = z
  .object({
    id: z.string(),
    status: z.enum(["open", "resolved"]),
    severity: z.enum(CORD_SEVERITIES),
    problem: z.string().meta({ description: "What is wrong, in the puller's words." }),
    customerImpact: z.string(),
    link: z.string().nullable(),
    service: z.object({ id: z.string(), name: z.string() }),
    teamId: z.string().meta({ description: "The team that owned the service when the cord was pulled." }),
    pulledBy: person,
    pulledAt: z.iso.datetime(),
    plusOnes: z.int().meta({ description: "How many others pulled the cord on the stopped service (each a +1 on the timeline)." }),
    resolvedAt: z.iso.datetime().nullable(),
    resolvedBy: person,
    resolutionNote: z.string().nullable(),
    coeId: z.string().nullable(),
    coeDue: z.boolean().meta({ description: "A customer-facing cord without a COE past draft." }),
    url: z.string().meta({ description: "The cord's page in Andon (a path)." }),
  })
  .meta({ id: "Cord" });
export const cordPageSchema = pageSchema(cordSchema).meta({ id: "CordPage" });

const cordTimelineEntrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(CORD_EVENT_KINDS),
    actor: person,
    body: z.string(),
    deployRef: z.string().nullable().meta({ description: "For deploy attempts: the X-Andon-Deploy-Ref the pipeline sent." }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "CordTimelineEntry" });
export const cordDetailSchema = cordSchema.extend({ timeline: z.array(cordTimelineEntrySchema) }).meta({ id: "CordDetail" });

export const pullResultSchema = z
  .object({ cord: cordSchema, plusOne: z.boolean().meta({ description: "True when the service was already stopped and this pull became a +1." }) })
  .meta({ id: "CordPull" });

export const cordListQuerySchema = paginationQuerySchema.extend({
  serviceId: z.string().trim().max(64).optional().meta({ description: "Only cords on this service." }),
  teamId: z.string().trim().max(64).optional().meta({ description: "Only cords on services of this team and its sub-teams." }),
  status: z.enum(["open", "resolved"], { error: "status is open or resolved." }).optional(),
  since: instantSchema("since must be a date or date-time (ISO 8601).").optional().meta({ description: "Only cords pulled at or after this time." }),
});
export const cordIdParamsSchema = z.object({ id: z.string().max(64) });
export const serviceIdParamsSchema = z.object({ id: z.string().max(64) });

export const pullCordBodySchema = z.object(cordReportFields).meta({ id: "CordPullRequest" });
export const cordNoteBodySchema = z
  .object({ body: z.string().trim().min(1, "Write the note.").max(2000, "Keep a note under 2,000 characters.") })
  .meta({ id: "CordNote" });
export const resolveCordBodySchema = z
  .object({ resolutionNote: z.string().trim().min(1, "Say how the line was fixed.").max(5000, "Keep the resolution under 5,000 characters.") })
  .meta({ id: "CordResolve" });
export const overrideBodySchema = z
  .object({
    justification: z.string().trim().min(1, "Say why this deploy must go out during the stop.").max(2000, "Keep the justification under 2,000 characters."),
  })
  .meta({ id: "CordOverrideRequest" });
export const overrideSchema = z.object({ id: z.string(), expiresAt: z.iso.datetime() }).meta({ id: "CordOverride" });

export const gateAllowedSchema = z
  .object({
    allowed: z.literal(true),
    service: z.object({ id: z.string(), name: z.string() }),
    override: z.boolean().meta({ description: "True when a break-glass override let this deploy through (it is now used)." }),
  })
  .meta({ id: "DeployGateAllowed" });
export const gateBlockedSchema = z
  .object({
    type: z.string(),
    title: z.literal("Locked"),
    status: z.literal(423),
    detail: z.string().meta({ description: "Why, in a sentence a pipeline log can show." }),
    allowed: z.literal(false),
    service: z.object({ id: z.string(), name: z.string() }),
    reason: z.enum(["cord", "freeze_window"]),
    cord: z
      .object({
        id: z.string(),
        pulledBy: z.string().nullable(),
        pulledAt: z.iso.datetime(),
        problem: z.string(),
        link: z.string().nullable().meta({ description: "The link the puller gave (a ticket, a screenshot, the broken page), if any." }),
        url: z.string().meta({ description: "The cord's page in Andon." }),
      })
      .nullable(),
    freezeWindow: z.object({ id: z.string(), reason: z.string(), until: z.iso.datetime() }).nullable(),
  })
  .meta({ id: "DeployGateBlocked" });

/** The deploy gate's query (GET/HEAD /api/v1/deploy-gate). */
export const gateQuerySchema = z.object({
  service: z
    .string({ error: "Name the service: ?service=<id or name>." })
    .trim()
    .min(1, "Name the service: ?service=<id or name>.")
    .max(200, "That service name is too long."),
  environment: z.string().trim().min(1, "Leave environment out or give its name.").max(64, "That environment name is too long.").optional(),
});
