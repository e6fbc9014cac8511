import type pg from "pg";
import { addWeeks, formatIsoWeek, isoWeekOfDate } from "../../lib/reviews/iso-week";
import { bulkInsert, col } from "./bulk-insert";
import type { Scale } from "./scale";
import { BENCH_ORG_ID, type BenchOrg } from "./seed-org";

export type BenchReviews = { rootSeriesId: string; currentIsoWeek: string };

/** One series per top-level team, with published past weeks adding up to `scale.reviews`. */
export async function seedReviews(client: pg.PoolClient | pg.Client, scale: Scale, org: BenchOrg, now = new Date()): Promise<BenchReviews> {
  const topLevel = org.teamIds.filter((_, index) => org.parentIds[index] === null);
  const seriesIds = topLevel.map((_, index) => `bser_${index}`);
  await bulkInsert(
    client,
    "review_series",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("team_id"),
      col.text("name"),
      col.int("weekday"),
      col.int("start_minute"),
      col.text("time_zone"),
      col.int("length_minutes"),
      col.timestamp("created_at"),
      col.timestamp("updated_at"),
    ],
    topLevel.map((teamId, index) => [seriesIds[index], BENCH_ORG_ID, teamId, `Weekly operational review ${index}`, 4, 600, "UTC", 60, now, now]),
  );
  await bulkInsert(client, "review_organizers", [col.text("series_id"), col.text("user_id")], [[seriesIds[0], org.userIds[0]]]);

  const current = isoWeekOfDate(now);
  const reviews: unknown[][] = [];
  for (let index = 0; index < scale.reviews; index++) {
    const seriesIndex = index % seriesIds.length;
    const week = formatIsoWeek(addWeeks(current, -(Math.floor(index / seriesIds.length) + 1)));
    const minutes = { agenda: [], notes: [], decisions: [{ text: "Keep the canary stage for every deployment" }], newActions: [], attendance: [] };
    reviews.push([`brev_w_${index}`, BENCH_ORG_ID, seriesIds[seriesIndex], week, "PUBLISHED", now, JSON.stringify(minutes), now, now]);
  }
  await bulkInsert(
    client,
    "weekly_reviews",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("series_id"),
      col.text("iso_week"),
      col.enumArray("status", "WeeklyReviewStatus"),
      col.timestamp("published_at"),
      col.jsonb("minutes"),
      col.timestamp("created_at"),
      col.timestamp("updated_at"),
    ],
    reviews,
  );
  return { rootSeriesId: seriesIds[0]!, currentIsoWeek: formatIsoWeek(current) };
}
