import { z } from "zod";
import { parseInstant } from "@/lib/validation/dates";
import { fromFloating, isValidTimeZone, parseRecurrence, recurringWindowProblem } from "@/lib/freeze-windows/recurrence";

/**
 * A freeze window as the API (and later a form) sends it. Times are ISO 8601 instants, or local
 * wall-clock times ("2026-12-24T16:00") read in `timeZone`.
 */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const time = z.string().trim().min(1, "Give a date and time.").max(40, "That is not a date and time.");

export const freezeWindowSchema = z
  .object({
    teamId: z.string().trim().min(1, "Choose the team whose subtree the window covers.").max(64),
    serviceIds: z.array(z.string().trim().min(1).max(64)).max(100, "At most 100 services.").default([]),
    reason: z.string().trim().min(1, "Say why deploys stop (e.g. Weekend freeze).").max(500, "Keep the reason under 500 characters."),
    startsAt: time,
    endsAt: time,
    timeZone: z.string().trim().max(64).default("UTC"),
    rrule: z.preprocess((value) => (value === "" ? null : value), z.string().trim().max(500, "That RRULE is too long.").nullable().default(null)),
    environments: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  })
  .transform((input, ctx) => {
    if (!isValidTimeZone(input.timeZone)) {
      ctx.addIssue({ code: "custom", path: ["timeZone"], message: "Give an IANA time zone such as Europe/Berlin or UTC." });
      return z.NEVER;
    }
    const read = (value: string, path: "startsAt" | "endsAt") => {
      const instant = parseInstant(LOCAL_TIME.test(value) ? `${value}Z` : value);
      const date = instant && LOCAL_TIME.test(value) ? fromFloating(instant, input.timeZone) : (instant ?? new Date(Number.NaN));
      if (Number.isNaN(date.getTime())) ctx.addIssue({ code: "custom", path: [path], message: "Enter a valid date and time between the years 1900 and 2999." });
      return date;
    };
    const startsAt = read(input.startsAt, "startsAt");
    const endsAt = read(input.endsAt, "endsAt");
    if (!(endsAt > startsAt)) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The window must end after it starts." });
    if (input.rrule) {
      const parsed = parseRecurrence(input.rrule);
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["rrule"], message: parsed.message });
      else if (endsAt > startsAt) {
        const problem = recurringWindowProblem({ startsAt, endsAt, rrule: input.rrule, timeZone: input.timeZone });
        if (problem) ctx.addIssue({ code: "custom", path: [problem.path], message: problem.message });
      }
    }
    return { ...input, startsAt, endsAt };
  });
export type FreezeWindowInput = z.output<typeof freezeWindowSchema>;

export const deleteFreezeWindowSchema = z.object({ windowId: z.string().trim().min(1, "Choose a freeze window.").max(64) });
