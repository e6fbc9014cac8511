import { z } from "zod";
import { instantStringSchema } from "@/lib/validation/dates";
import { pageSchema, paginationQuerySchema } from "@/lib/api/pagination";
import { SEVERITIES } from "@/lib/coes/questions";
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES } from "@/lib/actions/labels";
import { ACTION_SOURCES, VERIFICATION_METHODS } from "@/lib/actions/labels";
import { actionFilterSchema, changeStatusSchema, updateActionSchema } from "@/lib/actions/schemas";

// Shapes of corrective actions in /api/v1. Filters and bodies reuse lib/actions/schemas.ts.

const day = z.string().nullable().meta({ description: "A calendar day, YYYY-MM-DD." });
const timestamp = z.iso.datetime().nullable();

export const actionItemSchema = z
  .object({
    id: z.string(),
    version: z.int().meta({ description: "Send it back as `version` in PATCH; a stale one is answered with 409." }),
    title: z.string(),
    description: z.string(),
    status: z.enum(ACTION_STATUSES),
    type: z.enum(ACTION_TYPES),
    priority: z.enum(ACTION_PRIORITIES),
    source: z.enum(ACTION_SOURCES),
    dueDate: day,
    daysOverdue: z.int().nullable().meta({ description: "Days past due for open actions; null when not overdue." }),
    teamId: z.string(),
    teamName: z.string(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    coe: z.object({ id: z.string(), title: z.string(), severity: z.enum(SEVERITIES) }).nullable(),
    cordId: z
      .string()
      .nullable()
      .meta({ description: "The Andon cord the action follows up (source `ANDON_EVENT`), readable at `/api/v1/cords/{id}`; null otherwise." }),
    evidence: z.string().nullable(),
    verificationMethod: z.enum(VERIFICATION_METHODS).nullable(),
    verificationNote: z.string().nullable(),
    wontDoReason: z.string().nullable(),
    wontDoRequested: z.boolean().meta({ description: "A won't-do request waits for a manager's decision." }),
    completedAt: timestamp,
    verifiedAt: timestamp,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "ActionItem" });
export const actionItemPageSchema = pageSchema(actionItemSchema).meta({ id: "ActionItemPage" });

export const actionItemListQuerySchema = actionFilterSchema.omit({ page: true, sort: true }).extend(paginationQuerySchema.shape);
export const actionItemCursorSchema = z.tuple([instantStringSchema(), z.string().min(1).max(100)]);
export const actionItemIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

/**
 * PATCH body: `version` plus field edits, and optionally a status change in the same request
 * (`status` with `evidence`, `verificationMethod`/`verificationNote` or `wontDoReason`).
 */
export const actionItemPatchSchema = updateActionSchema
  .omit({ actionId: true })
  .extend({
    status: z.enum(ACTION_STATUSES).optional(),
    evidence: z.string().trim().max(5000).optional(),
    verificationMethod: z.enum(VERIFICATION_METHODS).optional(),
    verificationNote: z.string().trim().max(5000).optional(),
    wontDoReason: z.string().trim().max(2000).optional(),
  })
  .meta({ id: "ActionItemPatch" });
export { changeStatusSchema };
