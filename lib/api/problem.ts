import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { logWarn } from "@/lib/log";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/ops/database-unavailable";

/** RFC 9457 problem details, the shape every /api/v1 error takes. */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: "Always `about:blank`: the status code says what kind of problem it is.", example: "about:blank" }),
    title: z.string().meta({ description: "The HTTP status phrase.", example: "Bad Request" }),
    status: z.number().int().meta({ example: 400 }),
    detail: z
      .string()
      .meta({ description: "A sentence for a person, saying what went wrong and what to do.", example: "The request body has invalid fields." }),
    errors: z
      .array(
        z.object({
          pointer: z.string().meta({ description: "JSON pointer to the field, in the body or the query string.", example: "#/name" }),
          detail: z.string().meta({ example: "Give the team a name." }),
        }),
      )
      .optional()
      .meta({ description: "One entry per invalid field." }),
    current: z.unknown().optional().meta({ description: "On 409 conflicts: the record as it is now." }),
  })
  .meta({ id: "Problem", description: "An error, as RFC 9457 problem details (`application/problem+json`)." });

type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemResponse(
  status: number,
  detail: string,
  extra: { fieldErrors?: FieldErrors; current?: unknown; headers?: Record<string, string> } = {},
): Response {
  const body: Problem = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail };
  const errors = Object.entries(extra.fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages.map((message) => ({ pointer: field === "_form" ? "#" : `#/${field.split(".").join("/")}`, detail: message })),
  );
  if (errors.length > 0) body.errors = errors;
  if (extra.current !== undefined) body.current = extra.current;
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...extra.headers },
  });
}

/** The database is down or restarting: 503 with Retry-After, logged as a warning (it is not a bug). */
export function databaseUnavailableResponse(error: unknown, request: Request): Response {
  logWarn("database unavailable; answered 503", { method: request.method, url: request.url, error: error instanceof Error ? error.message : String(error) });
  return problemResponse(503, DATABASE_UNAVAILABLE_MESSAGE, { headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } });
}
