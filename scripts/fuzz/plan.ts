/**
 * What the fuzzer sends next: a request planned from the OpenAPI document, the route table or the
 * server-action manifest, with real ids or hostile values. Pure given its random source.
 */
import type { RouteEntry } from "../../lib/security/route-table";
import type { Door, FuzzRequest, FuzzSetup } from "./engine";
import { HOSTILE_CURSORS, hostileJson, hostileQueryValue, hostileSegment, type Random } from "./values";

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

export function planRequest(random: Random, setup: FuzzSetup): FuzzRequest {
  const roll = random.next();
  if (roll < 0.45) return apiRequest(random, setup);
  if (roll < 0.6 && setup.actions.length > 0) return actionRequest(random, setup);
  const routes = setup.routes.filter((route) => !route.path.startsWith("/api/v1"));
  const pages = routes.filter((route) => route.kind === "page");
  const handlers = routes.filter((route) => route.kind === "route");
  return pageRequest(random, setup, roll < 0.85 ? random.pick(pages) : random.pick(handlers));
}
