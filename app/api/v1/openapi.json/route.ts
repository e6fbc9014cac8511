import { openApiDocument } from "@/lib/api/openapi";

// Public on purpose: the description of the API is not a secret, and clients read it before they have a token.
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
