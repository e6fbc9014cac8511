/**
 * Checks the proxy runs before any route: pure functions of the request, so they are unit-tested
 * without a server. Each returns null (fine) or the status and sentence to answer with.
 */
export type Refusal = { status: number; detail: string; headers?: Record<string, string> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write sent with the session cookie must come from Andon's own pages: browsers say where a
 * request comes from (Sec-Fetch-Site, Origin), so a cross-site form or fetch riding on the cookie
 * is refused here, once, for every route handler, server action and next-auth endpoint.
 * Bearer-token calls carry no ambient credentials and are not held to it.
 */
export function crossSiteWriteRefusal(method: string, headers: Headers, allowedOrigins: string[]): Refusal | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (!headers.has("cookie") || headers.has("authorization")) return null;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    return { status: 403, detail: "This request came from another site; Andon only accepts changes made from its own pages." };
  }
  const origin = headers.get("origin");
  if (origin !== null && !allowedOrigins.includes(origin)) {
    return { status: 403, detail: "This request came from another site; Andon only accepts changes made from its own pages." };
  }
  return null;
}

/** A path whose percent-encoding does not decode (/coes/%ff) names nothing: 400, not a 500 later. */
export function malformedPathRefusal(pathname: string): Refusal | null {
  try {
    // NUL is no character of any id or name we issue, and PostgreSQL text cannot hold it.
    if (decodeURIComponent(pathname).includes("\0")) return { status: 400, detail: "The address is not valid: it contains a NUL character (%00)." };
    return null;
  } catch {
    return { status: 400, detail: "The address is not valid: it has a malformed percent-encoded character (such as %ff)." };
  }
}

/** Next's limit for server action bodies; larger ones are refused before they are read. */
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;
const MAX_JSON_DEPTH = 64;

/** How deeply a JSON text nests arrays and objects, without parsing it (so deep input cannot overflow a stack). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === "\\") index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === "[" || character === "{") deepest = Math.max(deepest, ++depth);
    else if (character === "]" || character === "}") depth--;
  }
  return deepest;
}

/**
 * Server action requests (POST with a Next-Action header) that Next.js would fail with a 500:
 * too large, a body that is not the JSON or form data React sends, nesting too deep, multipart
 * without its boundary. `readBody` is called only when the body must be looked at.
 */
export async function serverActionRefusal(method: string, headers: Headers, readBody: () => Promise<string>): Promise<Refusal | null> {
  if (method.toUpperCase() !== "POST" || !headers.has("next-action")) return null;
  const length = Number(headers.get("content-length") ?? "0");
  if (length > SERVER_ACTION_BODY_LIMIT) return { status: 413, detail: "The request is too large (at most 1 MB)." };
  if (!/^[0-9a-f]{1,128}$/i.test(headers.get("next-action") ?? "")) return { status: 400, detail: "The request names no valid action." };
  const type = (headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    return /;\s*boundary=[^;]+/.test(type) ? null : { status: 400, detail: "A multipart request needs its boundary." };
  }
  if (type.startsWith("application/x-www-form-urlencoded")) return null;
  if (type !== "" && !type.startsWith("text/plain")) return { status: 415, detail: "Server actions take the JSON or form data the page sends." };
  const body = await readBody();
  if (body.length > SERVER_ACTION_BODY_LIMIT) return { status: 413, detail: "The request is too large (at most 1 MB)." };
  if (jsonDepth(body) > MAX_JSON_DEPTH) return { status: 400, detail: "The request nests too deeply." };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { status: 400, detail: "The request body is not valid JSON." };
  }
  // React sends the action's arguments as a JSON array; anything else fails inside Next with a 500.
  if (!Array.isArray(parsed)) return { status: 400, detail: "The request body is not a list of arguments." };
  return null;
}

/** A multipart body without its boundary cannot be read by any route: refused before the route tries. */
export function multipartRefusal(method: string, headers: Headers): Refusal | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const type = (headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data") && !/;\s*boundary=[^;]+/.test(type)) {
    return { status: 400, detail: "A multipart request needs its boundary (Content-Type: multipart/form-data; boundary=…)." };
  }
  return null;
}
