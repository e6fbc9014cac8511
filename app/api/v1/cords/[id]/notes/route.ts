import { apiRoute } from "@/lib/api/handler";
import { cordIdParamsSchema, cordNoteBodySchema } from "@/lib/cords/api-schemas";
import { addCordNote } from "@/lib/cords/mutations";

/** A note by the owning team on the cord's timeline (member or above; checked in the mutation). */
export const POST = apiRoute({ params: cordIdParamsSchema, body: cordNoteBodySchema }, async ({ user, params, body }) =>
  Response.json(await addCordNote(user, { cordId: params.id, body: body.body }), { status: 201 }),
);
