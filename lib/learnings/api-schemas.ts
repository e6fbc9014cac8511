import { LessonStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { pageSchema, paginationQuerySchema } from "@/lib/api/pagination";
import { COE_STATUSES } from "@/lib/coes/questions";
import { ACTION_STATUSES } from "@/lib/actions/labels";
import { ADOPTION_STATUSES } from "@/lib/learnings/schemas";
import { epochMsSchema } from "@/lib/validation/dates";

// Shapes of lessons, best practices and similar COEs in /api/v1. Bodies reuse lib/learnings/schemas.ts.

const id = z.string().trim().min(1).max(100);

export const lessonSchema = z
  .object({
    id: z.string(),
    coeId: z.string(),
    statement: z.string().meta({ description: "At most 280 characters." }),
    detail: z.string(),
    tags: z.array(z.string()),
    status: z.enum(LessonStatus).meta({ description: "Drafts (e.g. split from an older COE's answer) wait for the author to confirm them." }),
    categoryIds: z.array(z.string()),
    serviceIds: z.array(z.string()),
    version: z.int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Lesson" });
export const lessonPageSchema = pageSchema(lessonSchema).meta({ id: "LessonPage" });

export const lessonListQuerySchema = paginationQuerySchema.extend({
  q: z.string().trim().max(200).optional().meta({ description: "Full-text search over statement and detail (web-style: quotes, OR, -word)." }),
  categoryId: id.optional(),
  serviceId: id.optional(),
  teamId: id.optional().meta({ description: "Lessons of COEs of this team and its sub-teams." }),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  coeId: id.optional().meta({ description: "One COE's lessons, drafts included." }),
  promoted: z.enum(["yes", "no"]).optional().meta({ description: "Only lessons promoted to a best practice (yes) or not (no)." }),
});
export const lessonCursorSchema = z.tuple([epochMsSchema(), z.string().min(1).max(64)]);

const adoptionSchema = z
  .object({
    teamId: z.string(),
    status: z.enum(ADOPTION_STATUSES),
    reason: z.string(),
    correctiveActionId: z.string().nullable(),
    policyRuleId: z.string().nullable(),
    decidedAt: z.iso.datetime(),
  })
  .meta({ id: "BestPracticeAdoption" });

export const bestPracticeSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    lessonId: z.string().nullable(),
    coeId: z.string().nullable(),
    reviewDecisionId: z.string().nullable(),
    promotedById: z.string().nullable(),
    adoptions: z.array(adoptionSchema).meta({ description: "Teams that decided; a team not listed has not decided yet." }),
    version: z.int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "BestPractice" });
export const bestPracticePageSchema = pageSchema(bestPracticeSchema).meta({ id: "BestPracticePage" });
export const bestPracticeListQuerySchema = paginationQuerySchema;
export const bestPracticeCursorSchema = z.tuple([epochMsSchema(), z.string().min(1).max(64)]);
export const idParamsSchema = z.object({ id });

export const adoptionResultSchema = z
  .object({
    practice: bestPracticeSchema,
    correctiveActionId: z.string().nullable().meta({ description: "The team's new corrective action (source BEST_PRACTICE)." }),
  })
  .meta({ id: "BestPracticeAdoptionResult" });

const similarCoeSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(COE_STATUSES),
    teamName: z.string(),
    startedAt: z.iso.datetime().nullable(),
    score: z.number().meta({ description: "0–1: text similarity × 0.5 + a shared service × 0.3 + a shared factor category × 0.2." }),
    textScore: z.number().meta({ description: "0–1: how similar the words of the title, what happened and the factors are." }),
    sharedServices: z.array(z.string()),
    sharedCategories: z.array(z.string()),
    related: z.boolean().meta({ description: "Already linked as related." }),
    lessons: z.array(z.object({ id: z.string(), statement: z.string() })),
    actions: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(ACTION_STATUSES), verifiedAt: z.iso.datetime().nullable() })),
  })
  .meta({ id: "SimilarCoe" });
export const similarCoeListSchema = z.object({ data: z.array(similarCoeSchema) }).meta({ id: "SimilarCoeList" });
