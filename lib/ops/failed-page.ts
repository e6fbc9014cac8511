import type { IncomingMessage, ServerResponse } from "node:http";

import { OUTAGE_PAGE_HTML, outagePageHeaders } from "@/lib/ops/outage-page";
import { type ResilientPool, processPool } from "@/lib/ops/resilient-pool";

// What describes the failed page's body goes; the rest (request id, security headers) stays.
const BODY_HEADERS = [
  "content-type",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "etag",
  "last-modified",
  "cache-control",
  "content-security-policy",
  "vary",
  "link",
];

type Callback = (error?: Error | null) => void;

/**
 * The proxy answers page requests 503 only once this process's pool has seen the database fail
 * (lib/ops/outage-page.ts), so the first pages of an outage — already rendering, or the ones that
 * discover it — fail inside rendering, and Next.js can only answer those 500. The HTTP server
 * calls this for every request: when a page (a browser's document request) is about to go out with a
 * 5xx status while the pool saw the database fail after the request began, the outage page goes out
 * instead, with 503 and Retry-After. Whatever the framework writes after that is dropped. The
 * moment is the response's head, which Node always sends through `writeHead` (also for an implicit
 * head from `write`, `end` or `flushHeaders`), so nothing of the failed page has left yet.
 */
export function answerOutageForFailedPage(
  request: IncomingMessage,
  response: ServerResponse,
  startedAt = Date.now(),
  pool: () => ResilientPool | undefined = processPool,
): void {
  if (!isPageRequest(request)) return;
  const original = { writeHead: response.writeHead, write: response.write, end: response.end };
  let replaced = false;
  // "Saw it fail within the time this request has been running": the database went during the request.
  const outageDuringRequest = (status: number) => {
    if (replaced || response.headersSent || status < 500) return false;
    const now = Date.now();
    return pool()?.sawOutageWithin(now - startedAt, now) ?? false;
  };
  const replace = () => {
    replaced = true;
    for (const name of BODY_HEADERS) response.removeHeader(name);
    original.writeHead.call(response, 503, outagePageHeaders());
    (original.end as (chunk?: string) => ServerResponse).call(response, request.method === "HEAD" ? undefined : OUTAGE_PAGE_HTML);
  };
  const swallow = (args: unknown[]) => {
    const callback = args.findLast((arg): arg is Callback => typeof arg === "function");
    if (callback) process.nextTick(callback);
  };

  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (outageDuringRequest(args[0])) replace();
    if (replaced) return this;
    return original.writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    if (outageDuringRequest(this.statusCode)) replace();
    if (!replaced) return (original.write as (...rest: unknown[]) => boolean).apply(this, args);
    swallow(args);
    return true;
  } as ServerResponse["write"];
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (outageDuringRequest(this.statusCode)) replace();
    if (!replaced) return (original.end as (...rest: unknown[]) => ServerResponse).apply(this, args);
    swallow(args);
    return this;
  } as ServerResponse["end"];
}

/** A browser loading a whole page: not the API, a client-side navigation's RSC payload or a server action. */
function isPageRequest(request: IncomingMessage): boolean {
  const path = request.url ?? "/";
  if (path === "/api" || path.startsWith("/api/") || path.startsWith("/_next/")) return false;
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.headers.rsc !== undefined || request.headers["next-action"] !== undefined) return false;
  return (request.headers.accept ?? "").includes("text/html");
}
