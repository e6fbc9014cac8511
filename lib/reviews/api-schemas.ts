import { WeeklyReviewStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { AGENDA_SECTIONS } from "@/lib/reviews/agenda-types";
import { isoWeekSchema } from "@/lib/reviews/schemas";

/** The agenda endpoint's path parameters and response, described for the OpenAPI document. */
export const agendaParamsSchema = z.object({
  seriesId: z.string().min(1).max(100).meta({ description: "The review series id." }),
  isoWeek: isoWeekSchema.meta({ description: "An ISO week in the series' time zone, e.g. `2026-W48`.", example: "2026-W48" }),
});

const item = z.object({
  key: z.string().meta({
    description:
      "Stable key: the five typical items `successes`, `actions`, `coes` (every COE to review, in `detail.coes`, and those deferred, in `detail.deferred`), `metrics`, `best-practices`; then `wheel`, `custom:<id>`, or a carried item's key.",
  }),
  section: z.enum(AGENDA_SECTIONS),
  title: z.string(),
  slots: z.number().int().meta({ description: "Fifteen-minute slots the item takes." }),
  pinned: z.boolean(),
  custom: z.boolean(),
  carriedFrom: z.string().nullable().meta({ description: "The ISO week the item was carried over from, if it was not reached then." }),
  detail: z.record(z.string(), z.unknown()).meta({
    description:
      "The item's data, by `detail.kind`: COEs, actions, metrics, submissions, lessons; `successes` and `metrics` also carry `sources`, blocks from other domains (the week's Andon cords and game days; the subtree's open policy findings and ending waivers) as `{source, title, empty, entries: [{id, title, href, meta, badges, links}]}`.",
  }),
});

export const agendaJsonSchema = z
  .object({
    series: z.object({
      id: z.string(),
      name: z.string(),
      teamId: z.string(),
      teamName: z.string(),
      timeZone: z.string(),
      weekday: z.number().int(),
      startMinute: z.number().int(),
      lengthMinutes: z.number().int(),
    }),
    isoWeek: z.string(),
    window: z.object({ from: z.string(), to: z.string(), meetingDate: z.string(), meetingStartsAt: z.string() }),
    review: z.object({ id: z.string().nullable(), status: z.enum(WeeklyReviewStatus), version: z.number().int() }),
    items: z.array(
      item.extend({
        startSlot: z.number().int(),
        startsAt: z.string(),
        startLabel: z.string().meta({ description: "Local start time in the series' time zone, e.g. `10:15`." }),
      }),
    ),
    deferred: z.array(item).meta({ description: "Items that do not fit the meeting's length; carried to next week if not reached." }),
    removed: z.array(z.object({ key: z.string(), title: z.string() })).meta({ description: "Items the organizers removed from this week's agenda." }),
    totalSlots: z.number().int(),
    usedSlots: z.number().int(),
    overrunSlots: z.number().int(),
    subTeams: z.array(
      z.object({
        teamId: z.string(),
        teamName: z.string(),
        overdueActions: z.number().int(),
        newCoes: z.number().int(),
        mttrHours: z.number().nullable(),
        previousMttrHours: z.number().nullable(),
        mttrChangePct: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "WeeklyReviewAgenda" });
