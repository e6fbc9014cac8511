import { problemResponse } from "@/lib/api/problem";

// Without this, unknown /api/v1 paths would get Next's HTML 404 page: API clients get problem+json.
// The listed routes are static segments, which Next matches before this catch-all.
function unknownEndpoint(request: Request): Response {
  const { pathname } = new URL(request.url);
  return problemResponse(404, `There is no API endpoint ${request.method} ${pathname}. The API is described at /api/v1/openapi.json.`);
}

export { unknownEndpoint as GET, unknownEndpoint as POST, unknownEndpoint as PUT, unknownEndpoint as PATCH, unknownEndpoint as DELETE };
