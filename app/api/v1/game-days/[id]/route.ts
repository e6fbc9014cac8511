import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { gameDayDetail } from "@/lib/game-days/queries";
import { gameDayIdParamsSchema } from "@/lib/game-days/api-schemas";

export const GET = apiRoute({ params: gameDayIdParamsSchema }, async ({ user, params }) => {
  const gameDay = await gameDayDetail(user, params.id);
  if (!gameDay) throw new NotFoundError("The game day");
  return {
    ...gameDay,
    services: gameDay.services.map(({ service }) => service),
    participants: gameDay.participants.map(({ user: person }) => person),
    runs: gameDay.runs.map(({ verificationRecords, ...run }) => ({ ...run, verifiedService: verificationRecords.length > 0 })),
  };
});
