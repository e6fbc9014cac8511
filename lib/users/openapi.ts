import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import { meResponseSchema } from "@/lib/users/api-schemas";

export function registerUserPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/me",
    operationId: "getMe",
    tags: ["Users"],
    summary: "The calling user",
    description: "The owner of the token, with their organization and direct team memberships.",
    security: authenticated,
    responses: { 200: jsonResponse("The calling user.", meResponseSchema), ...problemResponses(401) },
  });
}
