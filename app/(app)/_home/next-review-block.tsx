import { Badge } from "@/components/ui/badge";
import type { CurrentUser } from "@/lib/auth/principal";
import { myNextReviews } from "@/lib/home/queries";
import { scheduleLabel, weekPath } from "@/lib/reviews/format";
import { seriesAboveMyTeams } from "@/lib/reviews/queries";
import { HomeBlock, HomeRow } from "./home-block";

const MEETING_TIME = (timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });

/** Everyone on a team: the next weekly review their items go to, with the agenda and what they submitted. */
export async function NextReviewBlock({ user }: { user: CurrentUser }) {
  const { rows } = await myNextReviews(user);
  // A sub-team whose review is held higher up the tree (whose agenda its readers may not open) is told
  // where it is reviewed, as the reviews page does, rather than that no review covers it.
  const above = rows.length === 0 ? await seriesAboveMyTeams(user, []) : [];
  return (
    <HomeBlock
      title="Next weekly review"
      href="/reviews"
      linkLabel="All reviews"
      empty="No weekly review covers your teams yet. A manager sets one up under Reviews; the agenda then builds itself from the week's data."
    >
      {[
        ...rows.map((review) => (
          <HomeRow
            key={review.seriesId}
            href={weekPath(review.seriesId, review.isoWeek)}
            title={`${review.name} — agenda ${review.isoWeek}`}
            badge={review.status === "RUNNING" ? <Badge tone="green">Running now</Badge> : review.status === "PUBLISHED" ? <Badge>Minuted</Badge> : null}
            meta={`${review.teamName} · ${MEETING_TIME(review.timeZone).format(review.startsAt)} · ${
              review.mySubmissions > 0 ? `you submitted ${review.mySubmissions} item${review.mySubmissions === 1 ? "" : "s"}` : "nothing submitted by you yet"
            }`}
          />
        )),
        ...above.map(({ team, series }) => (
          <HomeRow
            key={`${team.id}-${series.id}`}
            href="/reviews"
            title={`${team.name} is reviewed in ${series.name}`}
            meta={`Held by ${series.team.name} · ${scheduleLabel(series)}`}
          />
        )),
      ]}
    </HomeBlock>
  );
}
