import { sessionRoute } from "@/lib/api/session-route";
import { downloadResponse } from "@/lib/download";
import { NotFoundError } from "@/lib/errors";
import { findSeries } from "@/lib/reviews/access";
import { minutesToMarkdown, readMinutes } from "@/lib/reviews/minutes";
import { meetingState } from "@/lib/reviews/queries";

// The published minutes as a Markdown download; team.view on the series' team.
export const GET = sessionRoute<{ seriesId: string; isoWeek: string }>(async ({ user, params }) => {
  const series = await findSeries(user, params.seriesId);
  const state = series ? await meetingState(series, params.isoWeek) : null;
  const minutes = readMinutes(state?.minutes);
  if (!series || !minutes) throw new NotFoundError("Those minutes");
  return downloadResponse(minutesToMarkdown(minutes), { filename: `${series.name}-${params.isoWeek}.md`, contentType: "text/markdown; charset=utf-8" });
});
