import { ReviewSubmissionKind } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { calendarDaySchema } from "@/lib/validation/dates";
import { ACTION_TYPES } from "@/lib/actions/labels";
import { agendaEditsSchema, customItemSchema } from "@/lib/reviews/agenda-edits";
import { isValidTimeZone, parseIsoWeek } from "@/lib/reviews/iso-week";

/** The zod schemas the review forms validate with and the server parses with again (CONTRIBUTING.md rule 1). */
const id = z.string().min(1).max(100);
export const isoWeekSchema = z.string().refine((value) => parseIsoWeek(value) !== null, "Use an ISO week like 2026-W48.");
const itemKey = z.string().min(1).max(120);

export const WEEKDAY_LABELS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export const createSeriesSchema = z.object({
  teamId: id,
  name: z.string().trim().min(3, "Give the review a name of at least 3 characters.").max(120),
  weekday: z.coerce.number().int().min(1).max(7),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 10:00."),
  timeZone: z.string().trim().min(1, "Choose a time zone.").refine(isValidTimeZone, "That is not a time zone Andon knows (use e.g. Europe/Berlin)."),
  lengthMinutes: z.coerce.number().int().min(15, "A review needs at least one fifteen-minute slot.").max(240, "Keep the review to four hours at most."),
  subTeamSummary: z.boolean().default(true),
});
export type CreateSeriesInput = z.output<typeof createSeriesSchema>;

export const updateSeriesSchema = createSeriesSchema.omit({ teamId: true }).extend({ seriesId: id, organizerIds: z.array(id).max(50) });
export type UpdateSeriesInput = z.output<typeof updateSeriesSchema>;

/** Every change to a week's review names the week and the version it was based on. */
const weekRef = { seriesId: id, isoWeek: isoWeekSchema, version: z.number().int().min(1) };

export const saveAgendaSchema = z.object({ ...weekRef, edits: agendaEditsSchema });

export const addCustomItemSchema = z.object({ ...weekRef, item: customItemSchema.omit({ key: true }) });

export const submitItemSchema = z.object({
  seriesId: id,
  isoWeek: isoWeekSchema,
  kind: z.enum(ReviewSubmissionKind),
  title: z.string().trim().min(3, "Say it in at least 3 characters.").max(200),
  body: z.string().trim().max(5000).default(""),
});
export type SubmitItemInput = z.output<typeof submitItemSchema>;

export const startMeetingSchema = z.object(weekRef);
export const goToItemSchema = z.object({ ...weekRef, itemKey });
export const saveNoteSchema = z.object({
  ...weekRef,
  itemKey,
  body: z.string().max(20_000),
  /** The note as this editor last saw it: a different stored note is someone else's change (409), not overwritten. */
  baseBody: z.string().max(20_000).optional(),
});
export const addDecisionSchema = z.object({ ...weekRef, itemKey, text: z.string().trim().min(3, "Write the decision in a few words.").max(2000) });
export const setAttendanceSchema = z.object({ ...weekRef, userIds: z.array(id).max(500) });
export const publishSchema = z.object(weekRef);

export const reviewActionSchema = z.object({
  ...weekRef,
  itemKey,
  title: z.string().trim().min(3, "Give the action a title of at least 3 characters.").max(300),
  ownerId: id,
  teamId: id,
  type: z.enum(ACTION_TYPES).default("PROCESS"),
  dueDate: calendarDaySchema("Use a date like 2026-12-31."),
});
export type ReviewActionInput = z.output<typeof reviewActionSchema>;

export type WeekRef = { seriesId: string; isoWeek: string; version: number };
