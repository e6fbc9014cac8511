import { z } from "zod";
import { instantStringSchema } from "@/lib/validation/dates";
import { pageSchema, paginationQuerySchema } from "@/lib/api/pagination";
import { ValidationError } from "@/lib/errors";
import { COE_STATUSES, SEVERITIES } from "@/lib/coes/questions";
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES } from "@/lib/actions/labels";
import { COE_DOCUMENT_KEYS, coeDocumentFields } from "@/lib/coes/schemas";
import type { CoeSnapshot } from "@/lib/coes/snapshot";

// Shapes of COEs in /api/v1. Request bodies reuse lib/coes/schemas.ts, the editor's schema.

const timestamp = z.iso.datetime().nullable();

const coeSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    teamId: z.string(),
    severity: z.enum(SEVERITIES),
    status: z.enum(COE_STATUSES),
    restricted: z.boolean(),
    startedAt: timestamp,
    updatedAt: z.iso.datetime(),
    version: z.int(),
  })
  .meta({ id: "CoeSummary" });
export const coePageSchema = pageSchema(coeSummarySchema).meta({ id: "CoePage" });

export const coeSchema = z
  .object({
    id: z.string(),
    version: z.int().meta({ description: "Send it back as `version` in PATCH; a stale one is answered with 409." }),
    updatedAt: z.iso.datetime(),
    title: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    severity: z.enum(SEVERITIES),
    status: z.enum(COE_STATUSES),
    restricted: z.boolean(),
    services: z.array(z.object({ id: z.string(), name: z.string() })),
    authors: z.array(z.object({ id: z.string(), name: z.string() })),
    startedAt: timestamp,
    detectedAt: timestamp,
    mitigatedAt: timestamp,
    resolvedAt: timestamp,
    whatHappened: z.string().meta({ description: "Markdown answer to “What happened?”" }),
    customerImpact: z.string().meta({ description: "Markdown answer to “What was the impact on customers and your business?”" }),
    contributingFactors: z.string().meta({ description: "Markdown answer to “What were the contributing factors?”" }),
    supportingData: z.string().meta({ description: "Markdown answer to “What data do you have to support this?”" }),
    lessonsLearned: z.string().meta({ description: "Markdown answer to “What lessons did you learn?”" }),
    correctiveActionsSummary: z.string().meta({ description: "Markdown answer to “What corrective actions are you taking?”" }),
    timeline: z.array(z.object({ id: z.string(), occurredAt: z.iso.datetime(), description: z.string() })),
    factors: z.array(z.object({ id: z.string(), categoryId: z.string(), categoryName: z.string(), description: z.string(), fiveWhys: z.array(z.string()) })),
    links: z.array(z.object({ id: z.string(), url: z.string(), label: z.string() })),
    actions: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        ownerId: z.string().nullable(),
        ownerName: z.string().nullable(),
        type: z.enum(ACTION_TYPES),
        priority: z.enum(ACTION_PRIORITIES),
        dueDate: z.string().nullable(),
        status: z.enum(ACTION_STATUSES),
      }),
    ),
  })
  .meta({ id: "Coe" });

export function coeJson(coe: { id: string; version: number; updatedAt: Date | string; snapshot: CoeSnapshot }) {
  return { id: coe.id, version: coe.version, updatedAt: new Date(coe.updatedAt).toISOString(), ...coe.snapshot };
}

export const coeListQuerySchema = paginationQuerySchema.extend({
  status: z.enum(COE_STATUSES).optional().meta({ description: "Only COEs in this state." }),
  severity: z.enum(SEVERITIES).optional(),
  teamId: z.string().max(64).optional().meta({ description: "Only COEs of this team and every team below it." }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Full-text search over titles and the six answers (web-search syntax: quotes, OR, -word). Order stays most recently updated first." }),
});

/** Keyset cursor of the COE list: last `updatedAt` and id (newest first). */
export const coeCursorSchema = z.tuple([instantStringSchema(), z.string().min(1).max(64)]);

export const coeIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * PATCH: `version` plus any document fields; the rest keep their current values. Validated after
 * merging, with the editor's schema, so the field rules are the same as in the UI.
 */
export const coePatchSchema = z.looseObject({
  version: z.int({ error: "Send the `version` you read; it guards against overwriting someone else's change." }).min(1),
});
export const coePatchDocsSchema = coeDocumentFields
  .partial()
  .extend({ version: z.int().min(1) })
  .meta({ id: "CoePatch" });

export function documentPatch(body: Record<string, unknown>): Record<string, unknown> {
  const allowed = new Set<string>([...COE_DOCUMENT_KEYS, "version"]);
  const unknown = Object.keys(body).filter((key) => !allowed.has(key));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Unknown field${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}.`,
      Object.fromEntries(unknown.map((key) => [key, ["This field does not exist or cannot be changed here."]])),
    );
  }
  const { version: _version, ...fields } = body;
  return fields;
}
