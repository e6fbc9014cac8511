import { AdoptionStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { calendarDaySchema } from "@/lib/validation/dates";
import { LESSON_STATEMENT_MAX } from "@/lib/learnings/split-lessons";

const id = z.string().trim().min(1).max(100);
const isoDay = calendarDaySchema("Use a date like 2026-12-31.");

const lessonStatementSchema = z
  .string()
  .trim()
  .min(3, "Write the lesson in a sentence (at least 3 characters).")
  .max(LESSON_STATEMENT_MAX, `Keep the lesson to ${LESSON_STATEMENT_MAX} characters; put the rest in the detail.`);

/** Tags: lower-case words or dash-joined words, at most 10. A comma-separated string is accepted too (forms). */
const tagsSchema = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (typeof value === "string" ? value.split(",") : value).map((tag) => tag.trim().toLowerCase().replace(/\s+/g, "-")).filter(Boolean))
  .pipe(
    z
      .array(
        z
          .string()
          .max(40, "Keep each tag under 40 characters.")
          .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, "Tags are words, dashes allowed."),
      )
      .max(10, "At most 10 tags."),
  )
  .transform((tags) => [...new Set(tags)]);

const lessonFields = {
  statement: lessonStatementSchema,
  detail: z.string().trim().max(10_000).default(""),
  tags: tagsSchema.default([]),
  /** Default to the COE's contributing-factor categories and services when left out. */
  categoryIds: z.array(id).max(20).optional(),
  serviceIds: z.array(id).max(50).optional(),
};

export const createLessonSchema = z.object({ coeId: id, ...lessonFields, confirmed: z.boolean().default(true) });
export type CreateLessonInput = z.output<typeof createLessonSchema>;

export const lessonRefSchema = z.object({ lessonId: id });

export const relateCoesSchema = z.object({ coeId: id, relatedCoeId: id });

export const promoteLessonSchema = z.object({
  lessonId: id,
  title: lessonStatementSchema.optional(),
  description: z.string().trim().max(10_000).optional(),
});
export type PromoteLessonInput = z.output<typeof promoteLessonSchema>;

/** A best practice's title and description, edited by whoever promoted it or an admin (optimistic `version`). */
export const updateBestPracticeSchema = z.object({
  bestPracticeId: id,
  version: z.number().int().min(1),
  title: lessonStatementSchema,
  description: z.string().trim().max(10_000).default(""),
});
export type UpdateBestPracticeInput = z.output<typeof updateBestPracticeSchema>;

export const ADOPTION_STATUSES = Object.values(AdoptionStatus);

const adoptionFields = {
  teamId: id,
  status: z.enum(ADOPTION_STATUSES).default("ADOPTED"),
  /** Why it does not apply (NOT_APPLICABLE). */
  reason: z.string().trim().max(2000).default(""),
  /** ADOPTED: who owns the corrective action and when it is due (not needed with a policy rule). */
  ownerId: id.optional(),
  dueDate: isoDay.optional(),
  /** ADOPTED: link a policy rule that checks the practice instead of creating an action. */
  policyRuleId: id.optional(),
};

function checkAdoption(input: { status: string; reason: string; policyRuleId?: string; ownerId?: string }, ctx: z.RefinementCtx) {
  if (input.status === "NOT_APPLICABLE" && input.reason.length < 3)
    ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why it does not apply to the team." });
  if (input.status === "ADOPTED" && !input.policyRuleId && !input.ownerId)
    ctx.addIssue({ code: "custom", path: ["ownerId"], message: "Choose who owns the action that puts it in place." });
}

/** The API's adopt body (the practice is in the path). */
export const adoptionDecisionSchema = z.object(adoptionFields).superRefine(checkAdoption);
export const adoptBestPracticeSchema = z.object({ bestPracticeId: id, ...adoptionFields }).superRefine(checkAdoption);
export type AdoptBestPracticeInput = z.output<typeof adoptBestPracticeSchema>;

const LIBRARY_SORTS = ["relevance", "recent", "shared"] as const;
export const LIBRARY_PAGE_SIZE = 20;

/** The library's filters, from the URL (every field optional; bad values are dropped, not errors). */
export const libraryFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  category: id.optional().catch(undefined),
  service: id.optional().catch(undefined),
  team: id.optional().catch(undefined),
  tag: z.string().trim().toLowerCase().max(40).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  promoted: z.enum(["yes", "no"]).optional().catch(undefined),
  sort: z.enum(LIBRARY_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type LibraryFilter = z.output<typeof libraryFilterSchema>;
