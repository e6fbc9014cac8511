import { z } from "zod";
import { calendarDaySchema } from "@/lib/validation/dates";
import { SEVERITIES } from "@/lib/coes/questions";
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES } from "@/lib/actions/labels";
import { ACTION_SORTS, ACTION_VIEWS, VERIFICATION_METHODS } from "@/lib/actions/labels";
import { markdownTextSchema } from "@/lib/markdown-limits";

/**
 * Zod schemas for corrective actions, shared by the forms, the server actions and the API
 * (CONTRIBUTING.md rule 1). Dates are calendar days, `YYYY-MM-DD`.
 */
const isoDay = calendarDaySchema("Use a date like 2026-12-31.");
const id = z.string().min(1).max(100);
const optionalId = z
  .string()
  .max(100)
  .optional()
  .transform((value) => (value ? value : undefined));
const many = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
const optionalDay = z
  .union([isoDay, z.literal("")])
  .optional()
  .transform((value) => (value ? value : undefined));

/** The list filters: in the page URL, the CSV export and the API query alike. */
export const actionFilterSchema = z.object({
  view: z.enum(ACTION_VIEWS).default("all"),
  status: many(z.enum(ACTION_STATUSES)),
  type: many(z.enum(ACTION_TYPES)),
  priority: many(z.enum(ACTION_PRIORITIES)),
  severity: many(z.enum(SEVERITIES)),
  ownerId: optionalId,
  teamId: optionalId,
  coeId: optionalId,
  dueFrom: optionalDay,
  dueTo: optionalDay,
  overdue: z
    .enum(["true", "false", ""])
    .optional()
    .transform((value) => value === "true"),
  sort: z.enum(ACTION_SORTS).default("due"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type ActionFilter = z.output<typeof actionFilterSchema>;

const title = z.string().trim().min(3, "Give the action a title of at least 3 characters.").max(300);
const description = z.string().trim().max(10_000);
// Reasons, evidence, proof and comments are shown as Markdown: the same rendering limits as COE answers.
const reason = markdownTextSchema(2000, { trim: true }).min(3, "Say why, in a few words.");

export const createActionSchema = z.object({
  title,
  description: description.default(""),
  ownerId: z.string().min(1, "Choose who owns the action.").max(100),
  /** Defaults to the owner's team when the owner is on exactly one team. */
  teamId: optionalId,
  coeId: optionalId,
  type: z.enum(ACTION_TYPES),
  priority: z.enum(ACTION_PRIORITIES).default("MEDIUM"),
  dueDate: isoDay,
});
export type CreateActionInput = z.output<typeof createActionSchema>;

/** A version-checked edit of the fields; a due-date change needs `dueDateReason`. */
export const updateActionSchema = z.object({
  actionId: id,
  version: z.number().int().min(1),
  title: title.optional(),
  description: description.optional(),
  ownerId: id.optional(),
  teamId: id.optional(),
  type: z.enum(ACTION_TYPES).optional(),
  priority: z.enum(ACTION_PRIORITIES).optional(),
  dueDate: isoDay.optional(),
  dueDateReason: reason.optional(),
});
export type UpdateActionInput = z.output<typeof updateActionSchema>;

export const changeStatusSchema = z
  .object({
    actionId: id,
    version: z.number().int().min(1),
    status: z.enum(ACTION_STATUSES),
    evidence: markdownTextSchema(5000, { trim: true }).optional(),
    verificationMethod: z.enum(VERIFICATION_METHODS).optional(),
    verificationNote: markdownTextSchema(5000, { trim: true }).optional(),
    wontDoReason: markdownTextSchema(2000, { trim: true }).optional(),
  })
  .superRefine((input, context) => {
    if (input.status === "DONE" && (input.evidence ?? "").length < 3) {
      context.addIssue({ code: "custom", path: ["evidence"], message: "Link or describe the evidence: the merged change, the new alarm, the runbook." });
    }
    if (input.status === "VERIFIED") {
      if (!input.verificationMethod) context.addIssue({ code: "custom", path: ["verificationMethod"], message: "Say how it was proven to work." });
      if ((input.verificationNote ?? "").length < 3)
        context.addIssue({ code: "custom", path: ["verificationNote"], message: "Describe the proof: which test, game day or alarm." });
    }
    if (input.status === "WONT_DO" && (input.wontDoReason ?? "").length < 3) {
      context.addIssue({ code: "custom", path: ["wontDoReason"], message: "Say why this action will not be done." });
    }
  });
export type ChangeStatusInput = z.output<typeof changeStatusSchema>;

export const decideWontDoSchema = z.object({ actionId: id, version: z.number().int().min(1), approve: z.boolean() });

export const commentSchema = z.object({ actionId: id, body: markdownTextSchema(5000, { trim: true }).min(1, "Write a comment.") });
export const linkSchema = z.object({
  actionId: id,
  url: z.url({ protocol: /^https?$/, message: "Use a full http(s) link." }).max(2000),
  label: z.string().trim().max(200).default(""),
});

export const bulkActionSchema = z
  .object({
    actionIds: z.array(id).min(1, "Select at least one action.").max(200),
    ownerId: id.optional(),
    dueDate: isoDay.optional(),
    dueDateReason: reason.optional(),
    status: z.enum(["OPEN", "IN_PROGRESS"]).optional(),
  })
  .superRefine((input, context) => {
    if (!input.ownerId && !input.dueDate && !input.status)
      context.addIssue({ code: "custom", path: ["_form"], message: "Choose a new owner, a due date or a status." });
    if (input.dueDate && !input.dueDateReason) context.addIssue({ code: "custom", path: ["dueDateReason"], message: "Say why the due date changes." });
  });
export type BulkActionInput = z.output<typeof bulkActionSchema>;

export const graceDaysSchema = z.object({
  graceDays: z.array(z.number().int().min(0).max(365)).min(1).max(6),
});
