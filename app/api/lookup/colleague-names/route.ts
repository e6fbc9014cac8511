import { sessionRoute } from "@/lib/api/session-route";
import { colleagueNamesStartingWith } from "@/lib/lookup/queries";
import { colleagueNamesQuerySchema } from "@/lib/lookup/schemas";
import { storableText } from "@/lib/storable-text";

/** GET ?word=…&word=…: the colleagues' names beginning with those words, for the COE editor's blameless-writing hints. */
export const GET = sessionRoute(async ({ request, user }) => {
  const words = new URL(request.url).searchParams.getAll("word").map(storableText);
  const { word } = colleagueNamesQuerySchema.parse({ word: words });
  const names = await colleagueNamesStartingWith(user, word);
  // Per person and changing as people join and leave: never cached by a shared cache.
  return Response.json({ names }, { headers: { "cache-control": "private, no-store" } });
});
