import "server-only";
import { db } from "@/lib/db";
import { downloadResponse } from "@/lib/download";
import type { SeriesRow } from "@/lib/reviews/access";
import { buildSeriesIcs } from "@/lib/reviews/ics";
import { currentIsoWeek } from "@/lib/reviews/iso-week";

/** The .ics download of a series, starting from its first recorded week (or this week). */
export async function ics(series: SeriesRow, origin: string): Promise<Response> {
  const first = await db.weeklyReview.findFirst({ where: { seriesId: series.id }, select: { isoWeek: true }, orderBy: { isoWeek: "asc" } });
  const firstWeek = first?.isoWeek ?? currentIsoWeek(new Date(), series.timeZone);
  const body = buildSeriesIcs(
    {
      id: series.id,
      name: series.name,
      teamName: series.team.name,
      weekday: series.weekday,
      startMinute: series.startMinute,
      timeZone: series.timeZone,
      lengthMinutes: series.lengthMinutes,
      firstWeek,
      url: `${origin}/reviews/${series.id}`,
    },
    { host: new URL(origin).host },
  );
  return downloadResponse(body, { filename: `${series.name}.ics`, contentType: "text/calendar; charset=utf-8" });
}
