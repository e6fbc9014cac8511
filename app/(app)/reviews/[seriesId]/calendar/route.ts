import { publicOrigin } from "@/lib/actions/base-url";
import { getCurrentUser } from "@/lib/auth/session";
import { findSeries } from "@/lib/reviews/access";
import { ics } from "@/lib/reviews/ics-response";

// The series as an .ics file for the organizer's calendar; team.view on the series' team.
export async function GET(request: Request, { params }: { params: Promise<{ seriesId: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to download the calendar file.", { status: 401 });
  const { seriesId } = await params;
  const series = await findSeries(user, seriesId);
  if (!series) return new Response("That review series was not found, or you cannot see it.", { status: 404 });
  return ics(series, publicOrigin(request.headers));
}
