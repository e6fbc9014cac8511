import { apiRoute } from "@/lib/api/handler";
import { requireSeries } from "@/lib/reviews/access";
import { buildAgenda } from "@/lib/reviews/agenda-data";
import { agendaParamsSchema } from "@/lib/reviews/api-schemas";
import { parseIsoWeek } from "@/lib/reviews/iso-week";

// The built agenda of one week's review; team.view on the series' team (requireSeries scopes it).
export const GET = apiRoute({ params: agendaParamsSchema }, async ({ user, params }) => {
  const series = await requireSeries(user, params.seriesId);
  return buildAgenda(series, parseIsoWeek(params.isoWeek)!);
});
