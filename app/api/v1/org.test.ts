// The org-tree and audit endpoints of /api/v1 against the test database: pagination, filters,
// organization scoping and the admin-only audit log. Each test makes its own organizations.
import { afterAll, describe, expect, it } from "vitest";
import { GET as getUnknown, POST as postUnknown } from "@/app/api/v1/[...path]/route";
import { GET as listAuditEvents } from "@/app/api/v1/audit-events/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as listServices } from "@/app/api/v1/services/route";
import { GET as listTeams, POST as postTeam } from "@/app/api/v1/teams/route";
import { env } from "@/lib/env";
import { createScriptClient } from "@/prisma/seed/client";
import { createApiToken, createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

type Handler = (request: Request) => Promise<Response>;
type Page<T> = { data: T[]; nextCursor: string | null };

function get(handler: Handler, path: string, token?: string) {
  return handler(new Request(`http://andon.test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
}

async function getPage<T>(handler: Handler, path: string, token: string): Promise<Page<T>> {
  const response = await get(handler, path, token);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page<T>;
}

/** Follows nextCursor to the end, returning each page's ids. */
async function allPages(handler: Handler, path: string, token: string): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const page: Page<{ id: string }> = await getPage(handler, cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path, token);
    pages.push(page.data.map((row) => row.id));
    cursor = page.nextCursor;
    expect(pages.length, "pagination ends").toBeLessThan(50);
  } while (cursor);
  return pages;
}

/** An organization with an admin, a viewer and a small tree: root → child → grandchild, plus another root. */
async function orgWithTree() {
  const org = await createOrganization(db);
  const root = await createTeam(db, org.id, { name: "Retail" });
  const child = await createTeam(db, org.id, { name: "Checkout", parentId: root.id });
  const grandchild = await createTeam(db, org.id, { name: "Payments", parentId: child.id });
  const otherRoot = await createTeam(db, org.id, { name: "Platform" });
  const admin = await createUser(db, org.id, { isAdmin: true });
  const viewer = await createUser(db, org.id, { memberships: [{ teamId: root.id, role: "VIEWER" }] });
  return {
    org,
    teams: { root, child, grandchild, otherRoot },
    adminToken: (await createApiToken(db, admin.id)).secret,
    viewerToken: (await createApiToken(db, viewer.id)).secret,
  };
}

describe("GET /api/v1/teams", () => {
  it("pages through every team of the organization once, in id order, and no other organization's", async () => {
    const { org, viewerToken } = await orgWithTree();
    for (let index = 0; index < 3; index++) await createTeam(db, org.id);
    const other = await orgWithTree();

    const pages = await allPages(listTeams, "/api/v1/teams?limit=2", viewerToken);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 1]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(ids.length);
    const expected = (await db.team.findMany({ where: { organizationId: org.id }, select: { id: true } })).map((team) => team.id);
    expect(ids.toSorted()).toEqual(expected.toSorted());
    expect(ids).toEqual(ids.toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const foreign of Object.values(other.teams)) expect(ids).not.toContain(foreign.id);
  });

  it("returns the documented fields and nextCursor null on the last page", async () => {
    const { teams, viewerToken } = await orgWithTree();
    const page = await getPage<Record<string, unknown>>(listTeams, `/api/v1/teams?parentId=${teams.child.id}`, viewerToken);
    expect(page).toEqual({
      data: [{ id: teams.grandchild.id, name: "Payments", description: "", parentId: teams.child.id, createdAt: teams.grandchild.createdAt.toISOString() }],
      nextCursor: null,
    });
  });

  it("filters top-level teams with parentId=root", async () => {
    const { teams, viewerToken } = await orgWithTree();
    const page = await getPage<{ id: string }>(listTeams, "/api/v1/teams?parentId=root", viewerToken);
    expect(page.data.map((team) => team.id).toSorted()).toEqual([teams.root.id, teams.otherRoot.id].toSorted());
  });

  it("refuses a parentId of another organization as an invalid field, without revealing its children", async () => {
    const { viewerToken } = await orgWithTree();
    const other = await orgWithTree();
    const response = await get(listTeams, `/api/v1/teams?parentId=${other.teams.root.id}`, viewerToken);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ pointer: "#/parentId", detail: expect.any(String) }]);
  });

  it("answers a bad limit or a forged cursor with 400 naming the parameter", async () => {
    const { viewerToken } = await orgWithTree();
    const badLimit = await get(listTeams, "/api/v1/teams?limit=0", viewerToken);
    expect(badLimit.status).toBe(400);
    expect((await badLimit.json()).errors[0].pointer).toBe("#/limit");
    for (const cursor of ["not-a-cursor", Buffer.from(JSON.stringify([42])).toString("base64url")]) {
      const response = await get(listTeams, `/api/v1/teams?cursor=${cursor}`, viewerToken);
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].pointer).toBe("#/cursor");
    }
  });

  it("requires a token", async () => {
    expect((await get(listTeams, "/api/v1/teams")).status).toBe(401);
  });
});

describe("GET /api/v1/services", () => {
  async function orgWithServices() {
    const setup = await orgWithTree();
    const { org, teams } = setup;
    const services = {
      root: await createService(db, org.id, teams.root.id),
      child: await createService(db, org.id, teams.child.id),
      grandchild: await createService(db, org.id, teams.grandchild.id),
      otherRoot: await createService(db, org.id, teams.otherRoot.id),
    };
    return { ...setup, services };
  }

  it("lists the organization's services, paginated without overlap, and no other organization's", async () => {
    const { services, viewerToken } = await orgWithServices();
    const other = await orgWithServices();
    const pages = await allPages(listServices, "/api/v1/services?limit=3", viewerToken);
    expect(pages.map((page) => page.length)).toEqual([3, 1]);
    expect(pages.flat().toSorted()).toEqual(
      Object.values(services)
        .map((service) => service.id)
        .toSorted(),
    );
    for (const foreign of Object.values(other.services)) expect(pages.flat()).not.toContain(foreign.id);
  });

  it("filters by owning team, and with includeSubteams by the team's whole subtree", async () => {
    const { teams, services, viewerToken } = await orgWithServices();
    const direct = await getPage<{ id: string; teamId: string }>(listServices, `/api/v1/services?teamId=${teams.child.id}`, viewerToken);
    expect(direct.data).toEqual([{ id: services.child.id, name: services.child.name, description: "", teamId: teams.child.id }]);
    const subtree = await getPage<{ id: string }>(listServices, `/api/v1/services?teamId=${teams.child.id}&includeSubteams=true`, viewerToken);
    expect(subtree.data.map((service) => service.id).toSorted()).toEqual([services.child.id, services.grandchild.id].toSorted());
  });

  it("refuses a teamId of another organization, and includeSubteams without a teamId", async () => {
    const { viewerToken } = await orgWithServices();
    const other = await orgWithServices();
    const foreign = await get(listServices, `/api/v1/services?teamId=${other.teams.root.id}&includeSubteams=true`, viewerToken);
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).errors[0].pointer).toBe("#/teamId");
    const orphan = await get(listServices, "/api/v1/services?includeSubteams=true", viewerToken);
    expect(orphan.status).toBe(400);
    expect((await orphan.json()).errors[0].pointer).toBe("#/includeSubteams");
  });
});

describe("GET /api/v1/audit-events", () => {
  it("is refused to a non-admin with 403 problem+json", async () => {
    const { viewerToken } = await orgWithTree();
    const response = await get(listAuditEvents, "/api/v1/audit-events", viewerToken);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("shows an admin the organization's events newest first, paginated, and no other organization's", async () => {
    const { adminToken } = await orgWithTree();
    const other = await orgWithTree();
    const created: string[] = [];
    for (let index = 0; index < 3; index++) {
      const response = await postTeam(
        new Request("http://andon.test/api/v1/teams", {
          method: "POST",
          headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
          body: JSON.stringify({ name: `Audited ${index}` }),
        }),
      );
      expect(response.status).toBe(201);
      created.push(((await response.json()) as { id: string }).id);
    }
    await postTeam(
      new Request("http://andon.test/api/v1/teams", {
        method: "POST",
        headers: { authorization: `Bearer ${other.adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "Foreign audited" }),
      }),
    );

    const pages = await allPages(listAuditEvents, "/api/v1/audit-events?limit=2", adminToken);
    expect(pages.map((page) => page.length)).toEqual([2, 1]);
    const ids = pages.flat();
    expect(ids.map(BigInt)).toEqual(ids.map(BigInt).toSorted((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    const first = await getPage<{ entityId: string; action: string; actor: unknown }>(listAuditEvents, "/api/v1/audit-events?limit=3", adminToken);
    expect(first.data.map((event) => event.entityId)).toEqual(created.toReversed());
    expect(first.data[0]).toMatchObject({ action: "team.created", actor: { id: expect.any(String), email: expect.any(String) } });
  });
});

describe("unknown paths and the OpenAPI document", () => {
  it("answers unknown /api/v1 paths with 404 problem+json for any method", async () => {
    for (const handler of [getUnknown, postUnknown]) {
      const response = await handler(new Request("http://andon.test/api/v1/nope", { method: handler === getUnknown ? "GET" : "POST" }));
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect((await response.json()).detail).toContain("/api/v1/nope");
    }
  });

  it("serves the OpenAPI document without a token", async () => {
    const response = getOpenApi();
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/teams");
  });
});
