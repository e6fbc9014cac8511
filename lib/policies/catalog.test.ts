// The Backstage catalog import: parsing with field errors, the dry run, the idempotent apply, who may
// import, and the URL fetch — through the API route with real tokens against the test database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { annotationFactKey, parseCatalog } from "@/lib/policies/catalog-parse";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { POST: importApi } = await import("@/app/api/v1/services-catalog/route");
const { createApiToken } = await import("@/prisma/seed/factories");
const { policyWorld, testDb } = await import("@/lib/policies/test-fixtures");
const { fetchCatalogText } = await import("@/lib/policies/catalog-source");

afterAll(() => testDb.$disconnect());

async function post(token: string, body: unknown) {
  const request = new Request("http://andon.test/api/v1/services-catalog", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await importApi(request, { params: Promise.resolve({}) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const catalog = (suffix: string, retailName: string) => `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments-${suffix}
  title: Payments ${suffix}
  description: Card and wallet flows.
spec:
  type: team
  parent: ${retailName}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: pay-api-${suffix}
  description: Takes payments.
  annotations:
    github.com/project-slug: shop/pay-api
    pagerduty.com/service-id: P123
spec:
  type: service
  lifecycle: production
  owner: group:default/payments-${suffix}
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: pay-api-spec-${suffix}
spec:
  type: openapi
`;

describe("parsing catalog-info.yaml", () => {
  it("reads groups and components from several documents, lists other kinds and maps annotations to fact keys", () => {
    const parsed = parseCatalog(catalog("p", "retail"));
    expect(parsed.errors).toEqual({});
    expect(parsed.groups).toEqual([{ document: 1, name: "payments-p", title: "Payments p", description: "Card and wallet flows.", parent: "retail" }]);
    expect(parsed.components[0]).toMatchObject({ name: "pay-api-p", owner: "payments-p" });
    expect(parsed.components[0]!.facts).toEqual([
      { key: "catalog.lifecycle", value: "production" },
      { key: "catalog.type", value: "service" },
      { key: "catalog.annotations.github.com_project-slug", value: "shop/pay-api" },
      { key: "catalog.annotations.pagerduty.com_service-id", value: "P123" },
    ]);
    expect(parsed.skipped).toEqual([{ document: 3, kind: "API", name: "pay-api-spec-p" }]);
    expect(annotationFactKey("backstage.io/techdocs-ref")).toBe("catalog.annotations.backstage.io_techdocs-ref");
  });

  it.each([
    ["kind: Component\nmetadata:\n  name: a\nspec:\n  type: service\n", "documents.1.spec.owner"],
    ["kind: Component\nmetadata:\n  name: -bad-\nspec:\n  owner: x\n", "documents.1.metadata.name"],
    ["kind: Group\nmetadata:\n  name: g\n---\nkind: Group\nmetadata:\n  name: G\n", "documents.2.metadata.name"],
    ["kind: Group\nmetadata: [\n", "yaml"],
    ["- just\n- a list\n", "documents.1"],
    ["", "yaml"],
  ])("names the bad part of %j", (text, field) => {
    expect(Object.keys(parseCatalog(text).errors)).toContain(field);
  });

  it("says where a YAML syntax error is", () => {
    expect(parseCatalog("kind: Group\nmetadata:\n  name: [oops\n").errors.yaml?.[0]).toMatch(/^line \d+, column \d+: /);
  });
});

describe("importing the catalog", () => {
  it("previews without writing, applies idempotently by name, and refuses non-admins and bad documents", async () => {
    const world = await policyWorld();
    const [admin, manager] = await Promise.all([world.admin, world.retailManager].map(async (user) => (await createApiToken(testDb, user.id)).secret));
    const suffix = world.org.id.slice(-6).toLowerCase();
    const yaml = catalog(suffix, world.retail.name);

    expect((await post(manager!, { yaml })).status).toBe(403);

    const preview = await post(admin!, { yaml });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({
      applied: false,
      teams: [{ name: `Payments ${suffix}`, change: "create", parent: world.retail.name }],
      services: [{ name: `pay-api-${suffix}`, change: "create", team: `Payments ${suffix}`, facts: 4 }],
      skipped: [{ document: 3, kind: "API" }],
    });
    expect(await testDb.team.count({ where: { organizationId: world.org.id, name: `Payments ${suffix}` } })).toBe(0);

    const applied = await post(admin!, { yaml, dryRun: false });
    expect(applied.json).toMatchObject({ applied: true });
    const team = await testDb.team.findFirstOrThrow({ where: { organizationId: world.org.id, name: `Payments ${suffix}` } });
    expect(team.parentId).toBe(world.retail.id);
    const service = await testDb.service.findFirstOrThrow({ where: { organizationId: world.org.id, name: `pay-api-${suffix}` }, include: { facts: true } });
    expect(service).toMatchObject({ teamId: team.id, description: "Takes payments." });
    expect(Object.fromEntries(service.facts.map((fact) => [fact.key, [fact.value, fact.source]]))).toEqual({
      "catalog.lifecycle": ["production", "backstage"],
      "catalog.type": ["service", "backstage"],
      "catalog.annotations.github.com_project-slug": ["shop/pay-api", "backstage"],
      "catalog.annotations.pagerduty.com_service-id": ["P123", "backstage"],
    });

    // The same file again changes nothing; an edited one updates in place.
    const again = await post(admin!, { yaml, dryRun: false });
    expect(again.json).toMatchObject({ teams: [{ change: "unchanged" }], services: [{ change: "unchanged" }] });
    expect(await testDb.serviceFactChange.count({ where: { serviceId: service.id } })).toBe(4);
    const moved = yaml
      .replace(`owner: group:default/payments-${suffix}`, `owner: ${world.checkout.name}`)
      .replace("lifecycle: production", "lifecycle: deprecated");
    expect((await post(admin!, { yaml: moved, dryRun: false })).json).toMatchObject({
      services: [{ change: "update", team: world.checkout.name, details: [`moves to ${world.checkout.name}`] }],
    });
    expect((await testDb.service.findUniqueOrThrow({ where: { id: service.id } })).teamId).toBe(world.checkout.id);
    expect(await testDb.service.count({ where: { organizationId: world.org.id, name: `pay-api-${suffix}` } })).toBe(1);
    expect((await testDb.serviceFact.findFirstOrThrow({ where: { serviceId: service.id, key: "catalog.lifecycle" } })).value).toBe("deprecated");

    // A document naming an unknown owner is a 400 naming it, and nothing of the file is written.
    const bad = `${yaml.replaceAll(suffix, `${suffix}x`)}---\nkind: Component\nmetadata:\n  name: orphan-${suffix}\nspec:\n  owner: nobody-knows\n`;
    const refused = await post(admin!, { yaml: bad, dryRun: false });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain("documents/4/spec/owner");
    expect(await testDb.team.count({ where: { organizationId: world.org.id, name: `Payments ${suffix}x` } })).toBe(0);
    expect(await testDb.auditEvent.count({ where: { organizationId: world.org.id, summary: { contains: "catalog import" } } })).toBe(3);
  });
});

describe("fetching a catalog by URL", () => {
  it("reads the raw file and refuses redirects, web pages and metadata addresses", async () => {
    const server = http.createServer((request, response) => {
      if (request.url === "/catalog-info.yaml") response.end("kind: Group\nmetadata:\n  name: g\n");
      else if (request.url === "/moved") response.writeHead(302, { location: "/catalog-info.yaml" }).end();
      else response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>repo</title>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await fetchCatalogText(`${base}/catalog-info.yaml`)).toContain("kind: Group");
      await expect(fetchCatalogText(`${base}/moved`)).rejects.toThrow("redirects");
      await expect(fetchCatalogText(`${base}/blob`)).rejects.toThrow("web page");
      await expect(fetchCatalogText("http://169.254.169.254/latest/meta-data")).rejects.toThrow("refused");
      await expect(fetchCatalogText("file:///etc/passwd")).rejects.toThrow("http");
    } finally {
      server.close();
    }
  });
});
