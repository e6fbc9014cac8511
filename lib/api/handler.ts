import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/principal";
import { authenticateApiRequest } from "@/lib/api/authenticate";
import { MAX_INPUT_DEPTH, nestedDeeperThan, storableText, storableValue } from "@/lib/storable-text";
import { databaseUnavailableResponse, problemResponse } from "@/lib/api/problem";
import { isDatabaseUnavailable } from "@/lib/ops/database-unavailable";
import { RECORD_GONE_MESSAGE, isRecordGone, warnRecordGone } from "@/lib/db-errors";
import { ConflictError, RateLimitError, fieldErrorsFromIssues, isUserError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { withRequestTreeVersion } from "@/lib/org/team-tree-cache";
import { malformedTextIssues } from "@/lib/validation/text";

type Schemas = {
  query?: z.ZodType;
  body?: z.ZodType;
  params?: z.ZodType;
  /**
   * The role check, run right after authentication and before any input is read, so a caller who
   * may not use the endpoint learns nothing from validation errors. Throws (e.g. `assertAdmin`).
   */
  authorize?: (user: CurrentUser) => void;
};
type Parsed<S extends Schemas, K extends keyof Schemas> = S[K] extends z.ZodType ? z.output<S[K]> : undefined;

export type ApiContext<S extends Schemas> = {
  request: Request;
  user: CurrentUser;
  query: Parsed<S, "query">;
  body: Parsed<S, "body">;
  params: Parsed<S, "params">;
};

type RouteArgs = { params: Promise<Record<string, string | string[] | undefined>> };

// A JSON media type: application/json, or a structured suffix such as application/merge-patch+json.
const JSON_CONTENT_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** The body is not declared as JSON: answered as 415. */
class UnsupportedMediaTypeError extends Error {}

/** Thrown while reading input: answered as 400 with the field issues. */
class InputError extends Error {
  constructor(
    message: string,
    readonly issues: z.core.$ZodIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * The one door for /api/v1 route handlers: authenticates (bearer token or session), parses query,
 * path and JSON body with zod, and maps every failure to problem+json. Bad input is always a 4xx;
 * a 500 means a bug, logged with context.
 */
export function apiRoute<S extends Schemas>(schemas: S, handler: (context: ApiContext<S>) => Promise<unknown>) {
  return (request: Request, routeArgs?: RouteArgs): Promise<Response> => withRequestTreeVersion(() => handleApiRequest(schemas, handler, request, routeArgs));
}

async function handleApiRequest<S extends Schemas>(
  schemas: S,
  handler: (context: ApiContext<S>) => Promise<unknown>,
  request: Request,
  routeArgs: RouteArgs | undefined,
): Promise<Response> {
  let userId: string | undefined;
  try {
    const user = await authenticateApiRequest(request);
    userId = user.userId;
    schemas.authorize?.(user);
    const context = {
      request,
      user,
      query: parseRequestInput(schemas.query, queryObject(request), "query"),
      params: parseRequestInput(schemas.params, (await routeArgs?.params) ?? {}, "path"),
      body: schemas.body ? parseRequestInput(schemas.body, await readJson(request), "body") : undefined,
    } as ApiContext<S>;
    const result = await handler(context);
    return result instanceof Response ? result : Response.json(result);
  } catch (error) {
    return errorResponse(error, request, userId);
  }
}

function queryObject(request: Request): Record<string, string | string[]> {
  const params = new URL(request.url).searchParams;
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).map(storableText);
    query[key] = values.length > 1 ? values : values[0]!;
  }
  return query;
}

/**
 * Parses one part of a request (query, path or body) at the door: NUL dropped, text that is not
 * well-formed Unicode refused, then the route's schema, whose shared date, cursor and id parts
 * refuse what PostgreSQL would. Everything it throws is a 4xx (`errorResponse`).
 */
export function parseRequestInput(schema: z.ZodType | undefined, input: unknown, where: string): unknown {
  if (!schema) return undefined;
  if (nestedDeeperThan(input)) throw new InputError(`The request ${where} nests more than ${MAX_INPUT_DEPTH} levels deep.`);
  const storable = storableValue(input);
  const malformed = malformedTextIssues(storable);
  if (malformed.length > 0) throw new InputError(`The request ${where} has invalid fields.`, malformed as z.core.$ZodIssue[]);
  const result = schema.safeParse(storable);
  if (!result.success) throw new InputError(`The request ${where} has invalid fields.`, result.error.issues);
  return result.data;
}

async function readJson(request: Request): Promise<unknown> {
  // A cross-site HTML form can send a session cookie but never a JSON content type (that needs a
  // CORS preflight we do not answer), so demanding one closes CSRF on session-authenticated writes.
  // Bearer tokens are never sent implicitly, so token callers (curl -d …) are not held to it.
  const viaSession = !request.headers.has("authorization");
  if (viaSession && !JSON_CONTENT_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new UnsupportedMediaTypeError("Send the request body as JSON with `Content-Type: application/json`.");
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new InputError("The request body is too large.");
  if (text.trim() === "") throw new InputError("The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "it could not be parsed";
    throw new InputError(`The request body is not valid JSON: ${reason}.`);
  }
}

/** Maps any error to problem+json: 4xx for what the caller can fix, 503 while the database is away, else a logged 500. */
export function errorResponse(error: unknown, request: Request, userId: string | undefined): Response {
  if (error instanceof UnsupportedMediaTypeError) return problemResponse(415, error.message);
  if (error instanceof InputError) return problemResponse(400, error.message, { fieldErrors: fieldErrorsFromIssues(error.issues) });
  if (error instanceof z.ZodError) {
    return problemResponse(400, "The request has invalid fields.", { fieldErrors: fieldErrorsFromIssues(error.issues) });
  }
  if (error instanceof ConflictError) return problemResponse(409, error.message, { current: error.current });
  if (error instanceof RateLimitError) {
    return problemResponse(429, error.message, { headers: { "retry-after": String(error.retryAfterSeconds) } });
  }
  if (isUserError(error)) {
    return problemResponse(error.status, error.message, {
      fieldErrors: error.fieldErrors,
      headers: error.status === 401 ? { "www-authenticate": 'Bearer realm="andon"' } : {},
    });
  }
  if (isDatabaseUnavailable(error)) return databaseUnavailableResponse(error, request);
  if (isRecordGone(error)) {
    warnRecordGone(error, { method: request.method, url: request.url, userId });
    return problemResponse(404, RECORD_GONE_MESSAGE);
  }
  logError("api request failed", error, { method: request.method, url: request.url, userId });
  return problemResponse(500, "Something went wrong on our side. The error has been logged; try again in a moment.");
}
