// The OpenAPI document: complete (every /api/v1 route is described), internally consistent (every
// $ref resolves) and carrying the conventions clients rely on.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, openApiDocument } from "@/lib/api/openapi";

const API_DIR = path.join(process.cwd(), "app/api/v1");
const UNDOCUMENTED = new Set(["/api/v1/openapi.json", "/api/v1/[...path]"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** `{ "/api/v1/teams": ["get", "post"] }` from the route files on disk. */
async function routesOnDisk(): Promise<Record<string, string[]>> {
  const routes: Record<string, string[]> = {};
  const entries = await readdir(API_DIR, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || entry.name !== "route.ts") continue;
    const directory = path.relative(API_DIR, entry.parentPath);
    const routePath = `/api/v1${directory ? `/${directory.split(path.sep).join("/")}` : ""}`;
    if (UNDOCUMENTED.has(routePath)) continue;
    const exports = (await import(path.join(entry.parentPath, entry.name))) as Record<string, unknown>;
    routes[routePath.replace(/\[(\w+)\]/g, "{$1}")] = METHODS.filter((method) => typeof exports[method] === "function").map((method) => method.toLowerCase());
  }
  return routes;
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("describes every /api/v1 route file and method, and nothing that does not exist", async () => {
    const documented = Object.fromEntries(Object.entries(document.paths ?? {}).map(([routePath, item]) => [routePath, Object.keys(item).toSorted()]));
    const onDisk = Object.fromEntries(Object.entries(await routesOnDisk()).map(([routePath, methods]) => [routePath, methods.toSorted()]));
    expect(documented).toEqual(onDisk);
  });

  it("resolves every $ref", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      expect((document.components as Record<string, Record<string, unknown>>)[section!]?.[name!], ref).toBeDefined();
    }
  });

  it("requires the bearer token on every operation and documents 401 as problem+json", () => {
    expect(document.components?.securitySchemes?.personalApiToken).toMatchObject({ type: "http", scheme: "bearer" });
    for (const [routePath, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, { security?: unknown; responses: Record<string, unknown> }>)) {
        expect(operation.security, `${method} ${routePath}`).toEqual([{ personalApiToken: [] }]);
        expect(operation.responses["401"], `${method} ${routePath}`).toEqual({ $ref: "#/components/responses/Unauthorized" });
      }
    }
    expect(document.components?.responses?.Unauthorized).toMatchObject({
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    });
  });

  it("documents 503 with Retry-After on every operation, for a database outage", () => {
    for (const [routePath, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, { responses: Record<string, unknown> }>)) {
        expect(operation.responses["503"], `${method} ${routePath}`).toEqual({ $ref: "#/components/responses/ServiceUnavailable" });
      }
    }
    expect(document.components?.responses?.ServiceUnavailable).toMatchObject({
      headers: { "Retry-After": { schema: { type: "integer" } } },
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    });
  });

  it("pages lists with limit and cursor parameters and a nextCursor", () => {
    const listTeams = document.paths?.["/api/v1/teams"]?.get;
    const names = (listTeams?.parameters as { name: string; in: string }[]).map((parameter) => `${parameter.in}:${parameter.name}`);
    expect(names).toEqual(expect.arrayContaining(["query:limit", "query:cursor"]));
    expect(document.components?.schemas?.TeamPage).toMatchObject({ required: ["data", "nextCursor"] });
  });

  it("is built once per process", () => {
    expect(openApiDocument()).toBe(openApiDocument());
  });
});
