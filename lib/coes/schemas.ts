import { z } from "zod";
import { calendarDaySchema, instantSchema } from "@/lib/validation/dates";
import { COE_STATUSES, SECTION_KEYS, SEVERITIES } from "@/lib/coes/questions";
import { ACTION_PRIORITIES, ACTION_TYPES } from "@/lib/actions/labels";
import { markdownTextSchema } from "@/lib/markdown-limits";

/**
 * One schema for the COE editor and the server (CONTRIBUTING.md rule 1). The editor validates with it as
 * the user types; the server action and the API parse with it again.
 */
const id = (what: string) => z.string().trim().min(1, `Choose a ${what}.`).max(64, `That ${what} id is too long.`);
/** Row ids the editor makes for new rows (crypto.randomUUID) or the ones the server gave. */
const rowId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, "Row ids are 6–64 letters, digits, - or _.");

/** A timestamp or nothing: "" and null both mean "not known yet". */
const optionalTimestamp = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  instantSchema("Enter a valid date and time.").nullable(),
);
const timestamp = instantSchema("Enter a valid date and time.");
/** A calendar day, `YYYY-MM-DD`. */
const optionalDay = z.preprocess((value) => (value === "" || value === undefined ? null : value), calendarDaySchema("Enter a date as YYYY-MM-DD.").nullable());

const MAX_ANSWER_LENGTH = 50_000;
// Answers are rendered as Markdown: bounded so that no answer can cost readers seconds of parsing.
const answer = markdownTextSchema(MAX_ANSWER_LENGTH, { tooLong: "Keep each answer under 50,000 characters; link to longer material." }).default("");

export const timelineEntrySchema = z.object({
  id: rowId,
  occurredAt: timestamp,
  description: z.string().trim().min(1, "Say what happened at this time.").max(2000, "Keep a timeline entry under 2,000 characters."),
});

export const factorSchema = z.object({
  id: rowId,
  categoryId: id("category"),
  description: z.string().trim().min(1, "Describe the factor.").max(2000, "Keep a factor under 2,000 characters."),
  fiveWhys: z
    .array(z.string().trim().max(1000, "Keep each why under 1,000 characters."))
    .max(5, "Five whys at most.")
    .default([])
    .transform((whys) => {
      // Keep the chain's order but drop trailing blanks, so an unfinished chain saves cleanly.
      const trimmed = [...whys];
      while (trimmed.length > 0 && trimmed.at(-1) === "") trimmed.pop();
      return trimmed;
    }),
});

export const linkSchema = z.object({
  id: rowId,
  url: z
    .string()
    .trim()
    .max(2000, "That link is too long.")
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), "Links must start with http:// or https://."),
  label: z.string().trim().max(200, "Keep the label under 200 characters.").default(""),
});

export const inlineActionSchema = z.object({
  id: rowId,
  title: z.string().trim().min(1, "Give the action a title.").max(300, "Keep the title under 300 characters."),
  ownerId: id("owner").nullable().default(null),
  type: z.enum(ACTION_TYPES, { error: "Choose prevent, detect, mitigate or process." }),
  priority: z.enum(ACTION_PRIORITIES, { error: "Choose a priority." }).default("MEDIUM"),
  dueDate: optionalDay,
  /** Why a saved due date moves (the action keeps it in its history); needed only when it does. */
  dueDateReason: z.string().trim().min(3, "Say why, in a few words.").max(2000).optional(),
});

const TIMESTAMP_ORDER = [
  ["startedAt", "started"],
  ["detectedAt", "detected"],
  ["mitigatedAt", "mitigated"],
  ["resolvedAt", "resolved"],
] as const;

/** The document's fields without the cross-field checks (the API's PATCH merges onto these). */
export const coeDocumentFields = z.object({
  title: z.string().trim().min(1, "Give the COE a title.").max(200, "Keep the title under 200 characters."),
  teamId: id("owning team"),
  severity: z.enum(SEVERITIES, { error: "Choose a severity." }),
  restricted: z.boolean().default(false),
  serviceIds: z.array(id("service")).max(30, "At most 30 services.").default([]),
  authorIds: z.array(id("author")).min(1, "Name at least one author.").max(20, "At most 20 authors."),
  startedAt: optionalTimestamp,
  detectedAt: optionalTimestamp,
  mitigatedAt: optionalTimestamp,
  resolvedAt: optionalTimestamp,
  whatHappened: answer,
  customerImpact: answer,
  contributingFactors: answer,
  supportingData: answer,
  lessonsLearned: answer,
  correctiveActionsSummary: answer,
  timeline: z.array(timelineEntrySchema).max(500, "At most 500 timeline entries.").default([]),
  factors: z.array(factorSchema).max(50, "At most 50 contributing factors.").default([]),
  links: z.array(linkSchema).max(50, "At most 50 links.").default([]),
  actions: z.array(inlineActionSchema).max(100, "At most 100 corrective actions.").default([]),
});
export const COE_DOCUMENT_KEYS = Object.keys(coeDocumentFields.shape) as (keyof typeof coeDocumentFields.shape)[];

export const coeDocumentSchema = coeDocumentFields.superRefine((document, ctx) => {
  // Each known timestamp must not be before any earlier known one (started ≤ detected ≤ mitigated ≤ resolved).
  for (let later = 1; later < TIMESTAMP_ORDER.length; later++) {
    const [laterField, laterWord] = TIMESTAMP_ORDER[later]!;
    const laterValue = document[laterField];
    if (!laterValue) continue;
    for (let earlier = later - 1; earlier >= 0; earlier--) {
      const [earlierField, earlierWord] = TIMESTAMP_ORDER[earlier]!;
      const earlierValue = document[earlierField];
      if (!earlierValue) continue;
      if (laterValue < earlierValue) {
        ctx.addIssue({ code: "custom", path: [laterField], message: `Cannot be ${laterWord} before it was ${earlierWord}.` });
      }
      break;
    }
  }
  if (new Set(document.authorIds).size !== document.authorIds.length) {
    ctx.addIssue({ code: "custom", path: ["authorIds"], message: "Each author only once." });
  }
});
export type CoeDocumentInput = z.input<typeof coeDocumentSchema>;
export type CoeDocument = z.output<typeof coeDocumentSchema>;

/** Every save names the version it was based on; a stale one is refused with the newer document. */
export const saveCoeSchema = z.object({
  coeId: id("COE"),
  baseVersion: z.number().int().min(1),
  document: coeDocumentSchema,
});

export const createCoeSchema = z.object({
  title: z.string().trim().min(1, "Give the COE a title.").max(200, "Keep the title under 200 characters."),
  teamId: id("owning team"),
  severity: z.enum(SEVERITIES, { error: "Choose a severity." }),
});
export type CreateCoeInput = z.input<typeof createCoeSchema>;

const TRANSITIONS = ["submit", "withdraw", "approve", "requestChanges", "close"] as const;
export type Transition = (typeof TRANSITIONS)[number];

export const transitionSchema = z.object({
  coeId: id("COE"),
  baseVersion: z.number().int().min(1),
  transition: z.enum(TRANSITIONS),
  note: z.string().trim().max(5000, "Keep the note under 5,000 characters.").default(""),
});

export const startThreadSchema = z.object({
  coeId: id("COE"),
  section: z.enum(SECTION_KEYS, { error: "Choose a section." }),
  body: z.string().trim().min(1, "Write a comment.").max(5000, "Keep a comment under 5,000 characters."),
});
export const replySchema = z.object({
  coeId: id("COE"),
  threadId: id("thread"),
  body: z.string().trim().min(1, "Write a reply.").max(5000, "Keep a comment under 5,000 characters."),
});
export const resolveThreadSchema = z.object({ coeId: id("COE"), threadId: id("thread"), resolved: z.boolean() });

export const restoreRevisionSchema = z.object({ coeId: id("COE"), baseVersion: z.number().int().min(1), version: z.number().int().min(1) });

export const deleteAttachmentSchema = z.object({ coeId: id("COE"), attachmentId: id("attachment") });

/** The list page's query string. Unknown or malformed values fall back to "no filter". */
const optionalFilter = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const COE_SORTS = ["relevance", "newest", "oldest", "updated", "severity", "title"] as const;
export const coeListFilterSchema = z.object({
  q: optionalFilter(z.string().trim().max(200)),
  teamId: optionalFilter(z.string().max(64)),
  serviceId: optionalFilter(z.string().max(64)),
  status: optionalFilter(z.enum(COE_STATUSES)),
  severity: optionalFilter(z.enum(SEVERITIES)),
  categoryId: optionalFilter(z.string().max(64)),
  authorId: optionalFilter(z.string().max(64)),
  from: optionalFilter(calendarDaySchema()),
  to: optionalFilter(calendarDaySchema()),
  sort: z.enum(COE_SORTS).catch("newest").default("newest"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type CoeListFilter = z.output<typeof coeListFilterSchema>;

export const factorCategoryCreateSchema = z.object({
  name: z.string().trim().min(1, "Give the category a name.").max(60, "Keep the name under 60 characters."),
  description: z.string().trim().max(300, "Keep the description under 300 characters.").default(""),
});

export const factorCategoryRetireSchema = z.object({ categoryId: id("category"), retired: z.boolean() });
