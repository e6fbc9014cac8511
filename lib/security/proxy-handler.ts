import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { problemResponse } from "@/lib/api/problem";
import { databaseOutagePage } from "@/lib/ops/outage-page";
import { NON_HTML_CSP, commonSecurityHeaders, contentSecurityPolicy } from "@/lib/security/headers";
import { type Refusal, crossSiteWriteRefusal, malformedPathRefusal, multipartRefusal, serverActionRefusal } from "@/lib/security/request-checks";
import { type RouteEntry, discoverRoutes, matchRoute } from "@/lib/security/route-table";

/**
 * Runs before every route: security headers (a nonce-based CSP for pages), and the checks that
 * belong in one place rather than in each route — cross-site writes on the session cookie,
 * malformed addresses, malformed server-action requests, and problem+json answers for /api/v1
 * paths and methods that do not exist.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  const https = publicUrlIsHttps();
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  const refusal =
    malformedPathRefusal(pathname) ??
    crossSiteWriteRefusal(request.method, request.headers, allowedOrigins(request)) ??
    multipartRefusal(request.method, request.headers) ??
    (await serverActionRefusal(request.method, request.headers, () => request.clone().text())) ??
    apiRouteRefusal(request.method, pathname);
  if (refusal) return withHeaders(refuse(refusal, pathname.startsWith("/api/v1") || pathname === "/api/v1"), { https, page: false });

  if (isApi || !acceptsHtml(request)) {
    return withHeaders(NextResponse.next(), { https, page: false });
  }
  // A page cannot change its status once rendering has started: while the database is down, answer 503 here.
  if (isDocumentRequest(request)) {
    const outage = await databaseOutagePage();
    if (outage) return withHeaders(outage, { https, page: false });
  }
  // Pages: a fresh nonce per request; Next.js reads it from the request's CSP header and puts it on its scripts.
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return withHeaders(response, { https, page: true });
}

function publicUrlIsHttps(): boolean {
  try {
    return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  } catch {
    return false;
  }
}

function allowedOrigins(request: NextRequest): string[] {
  const origins = [request.nextUrl.origin];
  const host = request.headers.get("host");
  if (host) origins.push(`${request.nextUrl.protocol}//${host}`);
  try {
    const publicUrl = env().NEXTAUTH_URL;
    if (publicUrl) origins.push(new URL(publicUrl).origin);
  } catch {
    // Configuration problems are reported at start (lib/startup.ts).
  }
  return origins;
}

/** Anything that is not a page request (downloads, API, RSC payloads) gets the strict non-HTML policy. */
function acceptsHtml(request: NextRequest): boolean {
  return (request.headers.get("accept") ?? "").includes("text/html") || request.headers.has("rsc") || request.headers.has("next-action");
}

/** A browser loading a whole page (not a client-side navigation's RSC payload or a server action). */
function isDocumentRequest(request: NextRequest): boolean {
  return (request.method === "GET" || request.method === "HEAD") && !request.headers.has("rsc") && !request.headers.has("next-action");
}

function withHeaders(response: Response, { https, page }: { https: boolean; page: boolean }): Response {
  for (const [name, value] of Object.entries(commonSecurityHeaders({ https }))) response.headers.set(name, value);
  if (!page && !response.headers.has("content-security-policy")) response.headers.set("content-security-policy", NON_HTML_CSP);
  return response;
}

function refuse({ status, detail, headers }: Refusal, asProblem: boolean): Response {
  if (asProblem) return problemResponse(status, detail, { headers });
  return new Response(detail, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });
}

let apiRoutes: RouteEntry[] | undefined;

/**
 * /api/v1 answers problem+json for what Next would answer with an empty or HTML page: the bare
 * /api/v1 path, and a method the route does not declare (405, with Allow).
 */
function apiRouteRefusal(method: string, pathname: string): Refusal | null {
  if (!pathname.startsWith("/api/v1")) return null;
  if (pathname === "/api/v1" || pathname === "/api/v1/") {
    return { status: 404, detail: "This is the root of the Andon API; it is described at /api/v1/openapi.json." };
  }
  apiRoutes ??= discoverRoutes().filter((route) => route.kind === "route" && route.path.startsWith("/api/v1/") && !route.path.includes("[..."));
  const route = matchRoute(apiRoutes, pathname);
  const upper = method.toUpperCase();
  if (!route || route.methods.length === 0 || upper === "OPTIONS") return null;
  const allowed: string[] = route.methods.includes("GET") ? [...route.methods, "HEAD"] : [...route.methods];
  return allowed.includes(upper) ? null : methodNotAllowed(method, pathname, allowed);
}

function methodNotAllowed(method: string, pathname: string, allowed: string[]): Refusal {
  return {
    status: 405,
    detail: `${method} is not supported on ${pathname}; use ${allowed.join(", ")}.`,
    headers: { allow: [...allowed, "OPTIONS"].join(", ") },
  };
}
