/**
 * For route tests: calls an API route handler as a token caller would (JSON body, or raw text to
 * test what the parser refuses; path parameters as Next passes them) and reads the answer.
 */
export type RouteHandler = (request: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type RouteJson = Record<string, unknown> & {
  data?: Record<string, unknown>[];
  nextCursor?: string | null;
  errors?: { pointer: string; detail?: string }[];
};

export async function callRoute(handler: RouteHandler, method: string, path: string, token: string, body?: unknown, params: Record<string, string> = {}) {
  const request = new Request(`http://andon.test${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  // An empty answer (204) reads as an empty object, so tests need no null checks.
  return { status: response.status, type: response.headers.get("content-type") ?? "", json: (text ? JSON.parse(text) : {}) as RouteJson };
}
