import type { OpenAPIRegistry, ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { ZodType } from "zod";
import { problemSchema } from "@/lib/api/problem";

// What every domain's openapi.ts shares: the security requirement and the problem+json responses.
// Kept apart from lib/api/openapi.ts, which imports the domain files, so that nothing imports in a circle.

const PERSONAL_API_TOKEN = "personalApiToken";

/** Put on every operation that needs a caller: a personal API token (or, from the browser, a session). */
export const authenticated = [{ [PERSONAL_API_TOKEN]: [] }];

const PROBLEMS = {
  400: { name: "BadRequest", description: "The request is malformed or has invalid fields; `errors` points at each field." },
  401: { name: "Unauthorized", description: "No valid token: it is missing, malformed, expired or revoked." },
  403: { name: "Forbidden", description: "The caller's role does not allow this." },
  404: { name: "NotFound", description: "No such record in the caller's organization." },
  409: { name: "Conflict", description: "The record changed since it was read; `current` holds it as it is now." },
  415: { name: "UnsupportedMediaType", description: "Browser-session writes must send `Content-Type: application/json`." },
  429: { name: "TooManyRequests", description: "Too many attempts; wait as long as `Retry-After` says." },
  503: {
    name: "ServiceUnavailable",
    description: "The database is unavailable for a moment (restarting or unreachable); nothing was changed. Try again after `Retry-After` seconds.",
  },
} as const;

export type ProblemStatus = keyof typeof PROBLEMS;

/** `responses` entries referring to the shared problem responses, e.g. `...problemResponses(400, 401)`. */
export function problemResponses(...statuses: ProblemStatus[]): Record<string, { $ref: string }> {
  return Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/${PROBLEMS[status].name}` }]));
}

/** A JSON success response. */
export function jsonResponse(description: string, schema: ZodType): ResponseConfig {
  return { description, content: { "application/json": { schema } } };
}

/** Schemas that go into components even when no operation names them directly (`id` in their meta). */
export const sharedSchemas: ZodType[] = [problemSchema];

/** Registers one response per problem status, and the bearer security scheme. */
export function registerSharedComponents(registry: OpenAPIRegistry): void {
  for (const [status, { name, description }] of Object.entries(PROBLEMS)) {
    registry.registerComponent("responses", name, {
      description,
      headers:
        status === "401"
          ? { "WWW-Authenticate": { description: '`Bearer realm="andon"`', schema: { type: "string" } } }
          : status === "429" || status === "503"
            ? { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } }
            : undefined,
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    });
  }
  registry.registerComponent("securitySchemes", PERSONAL_API_TOKEN, {
    type: "http",
    scheme: "bearer",
    bearerFormat: "Personal API token",
    description:
      "Personal API token: create one in Settings → API tokens and send it as `Authorization: Bearer andon_…`. " +
      "Calls from a signed-in browser may use the session cookie instead.",
  });
}
