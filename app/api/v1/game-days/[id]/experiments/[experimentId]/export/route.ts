import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { chaosToolkitExperiment } from "@/lib/game-days/chaos-toolkit";
import { gameDayDetail } from "@/lib/game-days/queries";
import { experimentParamsSchema } from "@/lib/game-days/api-schemas";

/** The experiment as a Chaos Toolkit experiment file, for `chaos run experiment.json`. */
export const GET = apiRoute({ params: experimentParamsSchema }, async ({ user, params }) => {
  const gameDay = await gameDayDetail(user, params.id);
  const experiment = gameDay?.experiments.find((entry) => entry.id === params.experimentId);
  if (!gameDay || !experiment) throw new NotFoundError("The experiment");
  const document = chaosToolkitExperiment({
    title: experiment.title,
    description: experiment.description,
    steadyStateHypothesis: experiment.steadyStateHypothesis,
    method: experiment.method,
    rollbacks: experiment.rollbacks,
    tags: ["andon", `game-day:${gameDay.id}`],
    envelope: {
      gameDayId: gameDay.id,
      experimentId: experiment.id,
      blastRadius: experiment.blastRadius,
      abortConditions: experiment.abortConditions,
      expectedOutcome: experiment.expectedOutcome,
      dimension: experiment.dimension?.key ?? null,
      service: experiment.service?.name ?? null,
    },
  });
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="experiment-${experiment.id}.json"` },
  });
});
