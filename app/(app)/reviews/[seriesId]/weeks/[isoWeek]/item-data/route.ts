import { problemResponse } from "@/lib/api/problem";
import { sessionRoute } from "@/lib/api/session-route";
import { NotFoundError } from "@/lib/errors";
import { findSeries } from "@/lib/reviews/access";
import { buildAgenda } from "@/lib/reviews/agenda-data";
import { parseIsoWeek } from "@/lib/reviews/iso-week";

// One agenda item's data, `?key=<item key>`: the week page's "Data" disclosure loads it when opened,
// so the page does not carry every overdue action and flagged metric of a large org. team.view on
// the series' team (findSeries scopes it).
export const GET = sessionRoute<{ seriesId: string; isoWeek: string }>(async ({ request, user, params }) => {
  const week = parseIsoWeek(params.isoWeek);
  const series = week ? await findSeries(user, params.seriesId) : null;
  if (!series || !week) throw new NotFoundError("That agenda");
  const agenda = await buildAgenda(series, week);
  const key = new URL(request.url).searchParams.get("key");
  const item = [...agenda.items, ...agenda.deferred].find((candidate) => candidate.key === key);
  if (!item) return problemResponse(404, "That item is no longer on the agenda. Refresh the page.");
  return Response.json(item.detail, { headers: { "cache-control": "private, no-store" } });
});
