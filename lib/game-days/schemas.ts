import { z } from "zod";
import { calendarDaySchema, instantStringSchema } from "@/lib/validation/dates";
import { ACTION_PRIORITIES, ACTION_TYPES } from "@/lib/actions/labels";
import { TEMPLATE_KEYS } from "@/lib/game-days/templates";

const id = z.string().trim().min(1, "Required.").max(64);
const optionalId = z.preprocess((value) => (value === "" || value === null ? undefined : value), id.optional());
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max.toLocaleString("en")} characters.`);

export const GAME_DAY_ENVIRONMENTS = ["staging", "production", "load-test", "development"] as const;

/** One experiment from a template: its parameters are validated by the template (lib/game-days/templates.ts). */
export const addExperimentSchema = z.object({
  gameDayId: id,
  templateKey: z.enum(TEMPLATE_KEYS, "Choose a template."),
  parameters: z.record(z.string(), z.union([z.string().max(2000), z.number()])).default({}),
  title: text(200).optional(),
  description: text(5000).default(""),
  serviceId: optionalId,
  dimensionId: optionalId,
  blastRadius: text(2000).default(""),
  abortConditions: text(2000).default(""),
  expectedOutcome: text(2000).default(""),
  sourceCoeId: optionalId,
});

export const createGameDaySchema = z.object({
  title: text(200).min(1, "Give the game day a title."),
  description: text(5000).default(""),
  teamId: id,
  scheduledAt: instantStringSchema("Choose the date and start time."),
  durationMinutes: z.coerce
    .number()
    .int("Whole minutes.")
    .min(15, "At least 15 minutes.")
    .max(24 * 60, "At most a day."),
  environment: text(60).min(1, "Name the environment.").default("staging"),
  serviceIds: z.array(id).max(50).default([]),
  participantIds: z.array(id).max(100).default([]),
  facilitatorId: optionalId,
  /** The first experiment, planned with the game day (optional). */
  experiment: addExperimentSchema.omit({ gameDayId: true }).optional(),
});

export const gameDayVersionSchema = z.object({ gameDayId: id, version: z.coerce.number().int().min(1) });

export const importJournalSchema = z.object({
  gameDayId: id,
  experimentId: optionalId,
  /** The journal.json text as uploaded. */
  journal: z.string().max(10_000_000, "The journal is larger than 10 MB."),
});

export const appendLogSchema = z.object({ gameDayId: id, experimentId: optionalId, body: text(5000).min(1, "Write something to log.") });
export const tickStepSchema = z.object({ experimentId: id, step: z.coerce.number().int().min(0).max(1000), checked: z.boolean() });
export const abortExperimentSchema = z.object({ experimentId: id, reason: text(2000).min(3, "Say why the experiment is aborted.") });
export const verdictSchema = z.object({ experimentId: id, verdict: z.enum(["HELD", "DEVIATED"]), note: text(2000).default("") });

const isoDay = calendarDaySchema("Choose a due date.");
export const actionFromRunSchema = z.object({
  runId: id,
  title: text(300).min(3, "Say what will be done."),
  description: text(5000).default(""),
  ownerId: z.string().min(1, "Choose who owns the action.").max(100),
  type: z.enum(ACTION_TYPES).default("PREVENT"),
  priority: z.enum(ACTION_PRIORITIES).default("HIGH"),
  dueDate: isoDay,
});

export const verifyActionByRunSchema = z.object({
  actionId: id,
  version: z.coerce.number().int().min(1),
  runId: id,
  note: text(5000).default(""),
});

export const GAME_DAY_PAGE_SIZE = 25;
export const gameDayListQuerySchema = z.object({
  when: z.enum(["upcoming", "past", "all"]).default("upcoming"),
  teamId: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
