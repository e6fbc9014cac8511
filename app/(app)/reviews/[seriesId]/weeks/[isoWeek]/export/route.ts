import { getCurrentUser } from "@/lib/auth/session";
import { findSeries } from "@/lib/reviews/access";
import { minutesToMarkdown, readMinutes } from "@/lib/reviews/minutes";
import { meetingState } from "@/lib/reviews/queries";

// The published minutes as a Markdown download; team.view on the series' team.
export async function GET(_request: Request, { params }: { params: Promise<{ seriesId: string; isoWeek: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to download the minutes.", { status: 401 });
  const { seriesId, isoWeek } = await params;
  const series = await findSeries(user, seriesId);
  const state = series ? await meetingState(series, isoWeek) : null;
  const minutes = readMinutes(state?.minutes);
  if (!series || !minutes) return new Response("Those minutes were not found, or you cannot see them.", { status: 404 });
  const fileName = `${series.name.replace(/[^\w-]+/g, "-").toLowerCase()}-${isoWeek}.md`;
  return new Response(minutesToMarkdown(minutes), {
    headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
  });
}
