import { getCurrentUser } from "@/lib/auth/session";
import { findSeries } from "@/lib/reviews/access";
import { buildAgenda } from "@/lib/reviews/agenda-data";
import { parseIsoWeek } from "@/lib/reviews/iso-week";

// One agenda item's data, `?key=<item key>`: the week page's "Data" disclosure loads it when opened,
// so the page does not carry every overdue action and flagged metric of a large org. team.view on
// the series' team (findSeries scopes it).
export async function GET(request: Request, { params }: { params: Promise<{ seriesId: string; isoWeek: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in to see the agenda." }, { status: 401 });
  const { seriesId, isoWeek } = await params;
  const week = parseIsoWeek(isoWeek);
  const series = week ? await findSeries(user, seriesId) : null;
  if (!series || !week) return Response.json({ error: "That agenda was not found, or you cannot see it." }, { status: 404 });
  const agenda = await buildAgenda(series, week);
  const key = new URL(request.url).searchParams.get("key");
  const item = [...agenda.items, ...agenda.deferred].find((candidate) => candidate.key === key);
  if (!item) return Response.json({ error: "That item is no longer on the agenda." }, { status: 404 });
  return Response.json(item.detail, { headers: { "cache-control": "private, no-store" } });
}
