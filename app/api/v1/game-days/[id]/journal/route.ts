import { apiRoute } from "@/lib/api/handler";
import { importJournal } from "@/lib/game-days/mutations";
import { journalBodySchema, gameDayIdParamsSchema } from "@/lib/game-days/api-schemas";

/**
 * Imports a Chaos Toolkit journal.json: send the journal itself as the body (the experiment is found
 * by title, or is the only one), or `{ "experimentId": "…", "journal": { … } }`. Importing the same
 * journal again answers 200 with `duplicate: true` and changes nothing.
 */
export const POST = apiRoute({ params: gameDayIdParamsSchema, body: journalBodySchema }, async ({ user, params, body }) => {
  const wrapped = "journal" in body && !("status" in body);
  const result = await importJournal(user, {
    gameDayId: params.id,
    experimentId: wrapped && typeof body.experimentId === "string" ? body.experimentId : undefined,
    journal: wrapped ? (typeof body.journal === "string" ? body.journal : JSON.stringify(body.journal ?? null)) : body,
  });
  return Response.json(result, { status: result.duplicate ? 200 : 201 });
});
