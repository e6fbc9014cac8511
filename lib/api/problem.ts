import type { FieldErrors } from "@/lib/errors";

/** RFC 9457 problem details, the shape every /api/v1 error takes. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Field issues: `{ "pointer": "#/title", "detail": "Required" }`. */
  errors?: { pointer: string; detail: string }[];
  /** The record as it is now, on 409 conflicts. */
  current?: unknown;
};

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
