import { apiRoute } from "@/lib/api/handler";
import { createGameDay } from "@/lib/game-days/mutations";
import { listGameDays } from "@/lib/game-days/queries";
import { createGameDaySchema } from "@/lib/game-days/schemas";
import { gameDayApiListQuerySchema } from "@/lib/game-days/api-schemas";

export const GET = apiRoute({ query: gameDayApiListQuerySchema }, async ({ user, query }) => {
  const { gameDays, total, page, pageCount } = await listGameDays(user, query);
  return {
    total,
    page,
    pageCount,
    data: gameDays.map((gameDay) => ({
      id: gameDay.id,
      title: gameDay.title,
      scheduledAt: gameDay.scheduledAt.toISOString(),
      durationMinutes: gameDay.durationMinutes,
      environment: gameDay.environment,
      status: gameDay.status,
      team: gameDay.team,
      experiments: gameDay._count.experiments,
      runs: gameDay._count.runs,
    })),
  };
});

/** Plans a game day (verification.record on the team), optionally with its first experiment from a template. */
export const POST = apiRoute({ body: createGameDaySchema }, async ({ user, body }) => {
  const created = await createGameDay(user, body);
  return Response.json(created, { status: 201 });
});
