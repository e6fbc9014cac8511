/**
 * The HTTP fuzzer: requests built from the route table (every page, download and route handler),
 * the OpenAPI document (each /api/v1 operation's parameters and body) and the build's server-action
 * manifest, filled with real ids harvested from the running app or with the hostile values of
 * ./values. Anything the server answers with a 5xx (or not at all) is a finding, kept with its request.
 */
import type { RouteEntry } from "../../lib/security/route-table";
import { HOSTILE_CURSORS, createRandom, hostileJson, hostileQueryValue, hostileSegment, type Random } from "./values";

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

type FuzzRequest = { door: Door; method: string; url: string; headers: Record<string, string>; body?: string };
type Door = "api" | "page" | "download" | "action" | "route";
export type Finding = { request: FuzzRequest; status: number | "timeout" | "network"; excerpt: string };
export type FuzzReport = {
  requests: number;
  seconds: number;
  byStatus: Record<string, number>;
  byDoor: Record<Door, number>;
  findings: Finding[];
};

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  minimum?: number;
  maximum?: number;
  pattern?: string;
};
type Operation = {
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, JsonSchema> } };

const TIMEOUT_MS = 30_000;

/** Turns `/coes/[id]` or `/coes/{id}` into a URL path with each dynamic segment filled. */
function fillPath(path: string, fill: (name: string) => string): string {
  return path.replace(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?|\{([^}]+)\}/g, (_match, bracket: string | undefined, brace: string | undefined) =>
    fill((bracket ?? brace)!),
  );
}

function segmentValue(random: Random, setup: FuzzSetup, name: string): string {
  const real = setup.realSegments.get(name) ?? [];
  if (real.length > 0 && random.chance(0.6)) return encodeURIComponent(random.pick(real));
  if (random.chance(0.2)) {
    const any = [...setup.realSegments.values()].flat();
    if (any.length > 0) return encodeURIComponent(random.pick(any));
  }
  return hostileSegment(random);
}

function resolve(document: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.split("/").at(-1)!;
  return document.components?.schemas?.[name];
}

/** A value that fits the schema (so the request gets past the first field), or, sometimes, a hostile one. */
function valueFor(random: Random, document: OpenApiDocument, raw: JsonSchema | undefined, depth: number, hostility: number): unknown {
  const schema = resolve(document, raw);
  if (!schema || depth > 6) return hostileJson(random);
  if (random.chance(hostility)) return hostileJson(random);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return valueFor(random, document, random.pick(choices), depth + 1, hostility);
  if (schema.allOf?.length) return valueFor(random, document, schema.allOf[0], depth + 1, hostility);
  if (schema.enum?.length) return random.pick(schema.enum);
  const type = Array.isArray(schema.type) ? random.pick(schema.type) : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "date-time") return random.pick(["2026-11-02T10:00:00Z", "2026-06-30T23:59:59.999+02:00", new Date().toISOString()]);
      if (schema.format === "date") return random.pick(["2026-11-02", "2024-02-29", "2027-01-01"]);
      if (schema.pattern?.includes("W")) return random.pick(["2026-W48", "2026-W01", "2020-W53"]);
      return random.pick(["fuzz", "checkout-api", "A short title", "team_retail", "svc_checkout", "user_admin", "UTC", "FREQ=WEEKLY;BYDAY=MO"]);
    case "integer":
      return random.pick([1, 2, 10, Math.max(0, schema.minimum ?? 0)]);
    case "number":
      return random.pick([0, 1.5, 99.9, -3]);
    case "boolean":
      return random.chance(0.5);
    case "null":
      return null;
    case "array":
      return Array.from({ length: random.int(3) }, () => valueFor(random, document, schema.items, depth + 1, hostility));
    case "object":
    default: {
      const object: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (random.chance(0.85)) object[key] = valueFor(random, document, property, depth + 1, hostility);
      }
      return object;
    }
  }
}

function queryString(pairs: [string, string][]): string {
  return pairs.length === 0 ? "" : "?" + pairs.map(([key, value]) => `${encodeURIComponent(key)}=${value}`).join("&");
}

function plausibleQueryValue(random: Random, setup: FuzzSetup): string {
  const any = [...setup.realSegments.values()].flat();
  return encodeURIComponent(
    random.pick([
      "1",
      "10",
      "open",
      "OPEN",
      "DONE",
      "2026-11-02",
      "2026-11-02T00:00:00Z",
      "2026-W48",
      "true",
      "week",
      ...(any.length ? [random.pick(any)] : []),
    ]),
  );
}

function apiRequest(random: Random, setup: FuzzSetup): FuzzRequest {
  const document = setup.openapi;
  const path = random.pick(Object.keys(document.paths));
  const operations = document.paths[path]!;
  const methods = Object.keys(operations).filter((method) => ["get", "post", "put", "patch", "delete"].includes(method));
  // Sometimes a method the route does not declare: it must be a 405, never a 500.
  const method = random.chance(0.05) ? random.pick(["GET", "POST", "PUT", "PATCH", "DELETE"]) : random.pick(methods).toUpperCase();
  const operation = operations[method.toLowerCase()] ?? {};
  const url = fillPath(path, (name) => segmentValue(random, setup, name));
  const pairs: [string, string][] = [];
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== "query" || random.chance(0.5)) continue;
    if (parameter.name === "cursor") pairs.push(["cursor", encodeURIComponent(random.pick(HOSTILE_CURSORS))]);
    else
      pairs.push([
        parameter.name,
        random.chance(0.6) ? hostileQueryValue(random) : encodeURIComponent(String(valueFor(random, document, parameter.schema, 0, 0))),
      ]);
  }
  if (random.chance(0.1)) pairs.push([random.pick(["cursor", "before", "since", "limit", "q"]), hostileQueryValue(random)]);
  const auth: Record<string, string> = random.chance(0.75)
    ? { authorization: `Bearer ${setup.credentials.token}` }
    : { cookie: setup.credentials.cookie, origin: setup.baseUrl };
  const request: FuzzRequest = { door: "api", method, url: `/api/v1${url}${queryString(pairs)}`, headers: { ...auth } };
  if (method !== "GET" && method !== "DELETE") {
    const schema = operation.requestBody?.content?.["application/json"]?.schema;
    const shape = random.int(20);
    if (shape === 0) request.body = "{not json";
    else if (shape === 1) request.body = "[".repeat(10_000) + "]".repeat(10_000);
    else if (shape === 2) request.body = "";
    else if (shape === 3) request.body = JSON.stringify(hostileJson(random));
    else request.body = JSON.stringify(valueFor(random, document, schema, 0, random.pick([0.1, 0.25, 0.5])));
    request.headers["content-type"] = random.chance(0.95)
      ? "application/json"
      : random.pick(["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"]);
  }
  return request;
}

function pageRequest(random: Random, setup: FuzzSetup, route: RouteEntry): FuzzRequest {
  const url = fillPath(route.path, (name) => segmentValue(random, setup, name));
  const pairs: [string, string][] = [];
  for (let index = random.int(4); index > 0; index--) {
    pairs.push([random.pick(setup.pageParams), random.chance(0.7) ? hostileQueryValue(random) : plausibleQueryValue(random, setup)]);
  }
  const door: Door = route.kind === "page" ? "page" : route.path.startsWith("/api/") ? "route" : "download";
  const method = route.kind === "page" ? "GET" : random.pick(route.methods.length ? route.methods : ["GET"]);
  const request: FuzzRequest = { door, method, url: (url || "/") + queryString(pairs), headers: { cookie: setup.credentials.cookie } };
  if (method !== "GET" && method !== "DELETE") {
    request.headers.origin = setup.baseUrl;
    request.headers["sec-fetch-site"] = "same-origin";
    const shape = random.int(4);
    if (shape === 0) {
      request.headers["content-type"] = "multipart/form-data; boundary=fuzz";
      request.body = `--fuzz\r\nContent-Disposition: form-data; name="file"; filename="${random.pick(["a.png", "..%2f.png", "\u0000.png"])}"\r\nContent-Type: image/png\r\n\r\n${random.pick(["\x89PNG\r\n\x1a\n", "GIF89a", "x"])}\r\n--fuzz--\r\n`;
    } else if (shape === 1) {
      request.headers["content-type"] = "multipart/form-data";
      request.body = "no boundary";
    } else {
      request.headers["content-type"] = "application/json";
      request.body = JSON.stringify(hostileJson(random));
    }
  }
  return request;
}

const ACTION_FIELDS = [
  "id",
  "coeId",
  "actionId",
  "teamId",
  "serviceId",
  "seriesId",
  "isoWeek",
  "version",
  "title",
  "name",
  "description",
  "body",
  "dueDate",
  "occurredAt",
  "startedAt",
  "detectedAt",
  "resolvedAt",
  "scheduledAt",
  "performedAt",
  "from",
  "to",
  "status",
  "q",
  "cursor",
  "before",
];

function actionRequest(random: Random, setup: FuzzSetup): FuzzRequest {
  const action = random.pick(setup.actions);
  const page = random.pick(action.pages);
  const url = fillPath(page, (name) => segmentValue(random, setup, name)) || "/";
  const argument: Record<string, unknown> = {};
  for (let index = 1 + random.int(5); index > 0; index--) {
    const field = random.pick(ACTION_FIELDS);
    const real = setup.realSegments.get(field === "coeId" ? "id" : field);
    argument[field] = real?.length && random.chance(0.4) ? random.pick(real) : hostileJson(random);
  }
  const shape = random.int(12);
  const body = shape === 0 ? "not json" : shape === 1 ? JSON.stringify(hostileJson(random)) : JSON.stringify([argument]);
  return {
    door: "action",
    method: "POST",
    url,
    headers: {
      cookie: setup.credentials.cookie,
      origin: setup.baseUrl,
      "next-action": action.id,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
    },
    body,
  };
}

function planRequest(random: Random, setup: FuzzSetup): FuzzRequest {
  const roll = random.next();
  if (roll < 0.45) return apiRequest(random, setup);
  if (roll < 0.6 && setup.actions.length > 0) return actionRequest(random, setup);
  const routes = setup.routes.filter((route) => !route.path.startsWith("/api/v1"));
  const pages = routes.filter((route) => route.kind === "page");
  const handlers = routes.filter((route) => route.kind === "route");
  return pageRequest(random, setup, roll < 0.85 ? random.pick(pages) : random.pick(handlers));
}

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
