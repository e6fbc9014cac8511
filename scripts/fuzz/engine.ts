/**
 * The HTTP fuzzer: requests built from the route table (every page, download and route handler),
 * the OpenAPI document (each /api/v1 operation's parameters and body) and the build's server-action
 * manifest, filled with real ids harvested from the running app or with the hostile values of
 * ./values. Anything the server answers with a 5xx (or not at all) is a finding, kept with its request.
 */
import type { RouteEntry } from "../../lib/security/route-table";
import { planRequest, type OpenApiDocument } from "./plan";
import { createRandom } from "./values";

export type Credentials = { token: string; cookie: string };

export type FuzzSetup = {
  baseUrl: string;
  credentials: Credentials;
  routes: RouteEntry[];
  /** The OpenAPI document of /api/v1 (GET /api/v1/openapi.json). */
  openapi: OpenApiDocument;
  /** Server actions from the build: id → the page paths (route-table form) that serve it. */
  actions: { id: string; pages: string[] }[];
  /** Real values for dynamic segments, by segment name (from links and API lists). */
  realSegments: Map<string, string[]>;
  /** Names pages read from their search params. */
  pageParams: string[];
  /** Paths never to request, e.g. sign-out, which would end the fuzzing session. */
  skip?: (method: string, path: string) => boolean;
};

export type FuzzRequest = { door: Door; method: string; url: string; headers: Record<string, string>; body?: string };
export type Door = "api" | "page" | "download" | "action" | "route";
export type Finding = { request: FuzzRequest; status: number | "timeout" | "network"; excerpt: string };
export type FuzzReport = {
  requests: number;
  seconds: number;
  byStatus: Record<string, number>;
  byDoor: Record<Door, number>;
  findings: Finding[];
};

const TIMEOUT_MS = 30_000;

async function send(baseUrl: string, request: FuzzRequest): Promise<{ status: number | "timeout" | "network"; excerpt: string }> {
  try {
    const response = await fetch(baseUrl + request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const inspect = response.status >= 500 || request.door === "action";
    // Read every body to its end, as a browser would: cancelling mid-stream only adds aborted-request noise to the server log.
    const text = inspect ? await response.text() : (await response.arrayBuffer(), "");
    // A server action answers 200 with its result inside the RSC payload: a failure it could not
    // explain (status 500 in the result) is as much a finding as an HTTP 500.
    if (request.door === "action" && response.status < 500 && /"status":5\d\d/.test(text)) {
      return { status: 500, excerpt: `action result: ${text.slice(0, 280)}` };
    }
    return { status: response.status, excerpt: text.slice(0, 300) };
  } catch (error) {
    const name = (error as Error).name;
    return { status: name === "TimeoutError" ? "timeout" : "network", excerpt: String((error as Error).message).slice(0, 300) };
  }
}

/** Sends `count` planned requests, `concurrency` at a time; every 5xx, timeout or dropped connection is a finding. */
export async function runFuzz(
  setup: FuzzSetup,
  options: { count: number; seed: number; concurrency?: number; onProgress?: (done: number, report: FuzzReport) => void },
): Promise<FuzzReport> {
  const random = createRandom(options.seed);
  const report: FuzzReport = { requests: 0, seconds: 0, byStatus: {}, byDoor: { api: 0, page: 0, download: 0, action: 0, route: 0 }, findings: [] };
  const started = Date.now();
  let planned = 0;
  const worker = async () => {
    while (planned < options.count) {
      planned++;
      let request = planRequest(random, setup);
      while (setup.skip?.(request.method, request.url.split("?")[0]!)) request = planRequest(random, setup);
      const result = await send(setup.baseUrl, request);
      report.requests++;
      report.byDoor[request.door]++;
      report.byStatus[String(result.status)] = (report.byStatus[String(result.status)] ?? 0) + 1;
      if (typeof result.status !== "number" || result.status >= 500) report.findings.push({ request, ...result });
      if (report.requests % 500 === 0) options.onProgress?.(report.requests, report);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** One line per finding: enough to replay it with curl. */
export function describeFinding(finding: Finding): string {
  const body = finding.request.body === undefined ? "" : ` body=${JSON.stringify(finding.request.body.slice(0, 200))}`;
  return `${finding.status} ${finding.request.door} ${finding.request.method} ${finding.request.url.slice(0, 300)}${body} → ${JSON.stringify(finding.excerpt.slice(0, 160))}`;
}
