import { publicOrigin } from "@/lib/actions/base-url";
import { sessionRoute } from "@/lib/api/session-route";
import { requireSeries } from "@/lib/reviews/access";
import { ics } from "@/lib/reviews/ics-response";

// The series as an .ics file for the organizer's calendar; team.view on the series' team.
export const GET = sessionRoute<{ seriesId: string }>(async ({ request, user, params }) =>
  ics(await requireSeries(user, params.seriesId), publicOrigin(request.headers)),
);
