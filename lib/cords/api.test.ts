// The cords API through its route handlers with real tokens: anyone pulls (a second pull is a +1),
// the list filters by service, team subtree and status and pages, the owning team notes and
// resolves (once), a manager of the subtree grants an override, and bad input is a 4xx problem.
import { callRoute as call, type RouteJson as Json } from "@/lib/api/test-route";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { POST: pullApi, GET: serviceCordApi } = await import("@/app/api/v1/services/[id]/cord/route");
const { GET: listApi } = await import("@/app/api/v1/cords/route");
const { GET: readApi } = await import("@/app/api/v1/cords/[id]/route");
const { POST: noteApi } = await import("@/app/api/v1/cords/[id]/notes/route");
const { POST: resolveApi } = await import("@/app/api/v1/cords/[id]/resolve/route");
const { POST: overrideApi } = await import("@/app/api/v1/cords/[id]/overrides/route");
const { createApiToken, createService } = await import("@/prisma/seed/factories");
const { cordWorld, testDb } = await import("@/lib/cords/test-fixtures");

afterAll(() => testDb.$disconnect());

async function apiWorld() {
  const world = await cordWorld();
  const tokenOf = async (user: { userId: string }) => (await createApiToken(testDb, user.userId)).secret;
  const tokens = {
    viewer: world.token.secret,
    member: await tokenOf(world.users.member),
    manager: await tokenOf(world.users.manager),
    retailManager: await tokenOf(world.users.retailManager),
    outsider: await tokenOf(world.users.outsider),
  };
  return { ...world, tokens };
}

const report = { problem: "Product page shows the wrong price", severity: "STOP_DEPLOYS" };

describe("cords API", () => {
  it("pulls, +1s, notes, overrides and resolves with the right roles", async () => {
    const world = await apiWorld();
    const service = world.service.id;
    const pull = (token: string, body: unknown) => call(pullApi, "POST", `/api/v1/services/${service}/cord`, token, body, { id: service });

    // Anyone in the organization pulls, a viewer of the team included; a second pull is a +1.
    const pulled = await pull(world.tokens.viewer, { ...report, link: "https://shop.example/p/42" });
    expect(pulled.status).toBe(201);
    expect(pulled.json).toMatchObject({ plusOne: false, cord: { status: "open", link: "https://shop.example/p/42", pulledBy: { name: "Vera Viewer" } } });
    const cordId = (pulled.json.cord as { id: string }).id;
    const plusOne = await pull(world.tokens.outsider, { ...report, problem: "Checkout button missing", severity: "CUSTOMER_DEFECT" });
    expect(plusOne.status).toBe(200);
    expect(plusOne.json).toMatchObject({ plusOne: true, cord: { id: cordId, plusOnes: 1, severity: "CUSTOMER_DEFECT" } });
    expect((await call(serviceCordApi, "GET", `/api/v1/services/${service}/cord`, world.tokens.outsider, undefined, { id: service })).json).toMatchObject({
      cord: { id: cordId },
    });

    // Notes and resolving are for the owning team (member or above); an override for a manager of its subtree.
    const cordPath = (tail = "") => `/api/v1/cords/${cordId}${tail}`;
    const params = { id: cordId };
    expect((await call(noteApi, "POST", cordPath("/notes"), world.tokens.viewer, { body: "rolling back" }, params)).status).toBe(403);
    expect((await call(noteApi, "POST", cordPath("/notes"), world.tokens.outsider, { body: "rolling back" }, params)).status).toBe(403);
    expect((await call(noteApi, "POST", cordPath("/notes"), world.tokens.member, { body: "Rolling back" }, params)).status).toBe(201);
    const refused = await call(overrideApi, "POST", cordPath("/overrides"), world.tokens.member, { justification: "the fix" }, params);
    expect(refused.status).toBe(403);
    expect(refused.type).toBe("application/problem+json");
    const granted = await call(overrideApi, "POST", cordPath("/overrides"), world.tokens.retailManager, { justification: "Ship the fix" }, params);
    expect(granted.status).toBe(201);
    expect(granted.json).toMatchObject({ id: expect.any(String), expiresAt: expect.any(String) });
    expect((await call(resolveApi, "POST", cordPath("/resolve"), world.tokens.outsider, { resolutionNote: "done" }, params)).status).toBe(403);
    const resolved = await call(resolveApi, "POST", cordPath("/resolve"), world.tokens.member, { resolutionNote: "Price corrected" }, params);
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({ status: "resolved", resolutionNote: "Price corrected", coeDue: true });
    const again = await call(resolveApi, "POST", cordPath("/resolve"), world.tokens.manager, { resolutionNote: "again" }, params);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ current: { id: cordId, status: "resolved" } });
    expect((await call(overrideApi, "POST", cordPath("/overrides"), world.tokens.manager, { justification: "late" }, params)).status).toBe(409);

    // The timeline, readable by anyone in the organization, in order.
    const read = await call(readApi, "GET", cordPath(), world.tokens.outsider, undefined, params);
    expect(read.status).toBe(200);
    expect((read.json.timeline as { kind: string }[]).map((entry) => entry.kind)).toEqual(["PULLED", "PLUS_ONE", "NOTE", "OVERRIDE_GRANTED", "RESOLVED"]);
    const other = await apiWorld();
    expect((await call(readApi, "GET", cordPath(), other.tokens.manager, undefined, params)).status).toBe(404);
    expect((await call(resolveApi, "POST", cordPath("/resolve"), other.tokens.manager, { resolutionNote: "x" }, params)).status).toBe(404);
  });

  it("lists with filters by service, team subtree and status, in pages", async () => {
    const world = await apiWorld();
    const second = await createService(testDb, world.org.id, world.teams.shop.id, { name: `shop-api-${world.service.id.slice(-6)}` });
    const third = await createService(testDb, world.org.id, world.teams.platform.id, { name: `infra-${world.service.id.slice(-6)}` });
    const pulledIds: string[] = [];
    for (const service of [world.service.id, second.id, third.id]) {
      const pulled = await call(pullApi, "POST", `/api/v1/services/${service}/cord`, world.tokens.viewer, report, { id: service });
      pulledIds.push((pulled.json.cord as { id: string }).id);
    }
    await call(resolveApi, "POST", `/api/v1/cords/${pulledIds[0]}/resolve`, world.tokens.member, { resolutionNote: "Fixed" }, { id: pulledIds[0]! });
    const list = async (query: string) => call(listApi, "GET", `/api/v1/cords?${query}`, world.tokens.outsider);
    const ids = (page: { json: Json }) => (page.json.data ?? []).map((cord) => cord.id);

    // Newest first; cords pulled in the same millisecond may come in either order, but always the same one.
    const all = ids(await list(""));
    expect([...all].sort()).toEqual([...pulledIds].sort());
    expect(ids(await list(`serviceId=${second.id}`))).toEqual([pulledIds[1]]);
    expect(ids(await list(`teamId=${world.teams.retail.id}`)).sort()).toEqual([pulledIds[0], pulledIds[1]].sort());
    expect(ids(await list("status=open")).sort()).toEqual([pulledIds[1], pulledIds[2]].sort());
    expect(ids(await list("status=resolved"))).toEqual([pulledIds[0]]);
    expect(ids(await list(`since=${new Date(Date.now() + 60_000).toISOString()}`))).toEqual([]);

    const first = await list("limit=2");
    expect(ids(first)).toHaveLength(2);
    const rest = await list(`limit=2&cursor=${first.json.nextCursor as string}`);
    expect([...ids(first), ...ids(rest)]).toEqual(all);
    expect(rest.json.nextCursor).toBeNull();
  });

  it("answers bad input with 4xx problems naming the field", async () => {
    const world = await apiWorld();
    const service = world.service.id;
    const problem = (result: { status: number; type: string; json: Json }, status: number, pointer?: string) => {
      expect(result.status).toBe(status);
      expect(result.type).toBe("application/problem+json");
      if (pointer) expect(result.json.errors?.map((error) => error.pointer)).toContain(pointer);
    };
    const pull = (body: unknown, id = service) => call(pullApi, "POST", `/api/v1/services/${id}/cord`, world.tokens.viewer, body, { id });
    problem(await pull({ severity: "STOP_DEPLOYS" }), 400, "#/problem");
    problem(await pull({ ...report, severity: "WHENEVER" }), 400, "#/severity");
    problem(await pull({ ...report, link: "javascript:alert(1)" }), 400, "#/link");
    problem(await pull("{not json"), 400);
    problem(await pull(report, "no-such-service"), 404);
    problem(await call(listApi, "GET", "/api/v1/cords?status=maybe", world.tokens.viewer), 400, "#/status");
    problem(await call(listApi, "GET", "/api/v1/cords?limit=0", world.tokens.viewer), 400, "#/limit");
    problem(await call(listApi, "GET", "/api/v1/cords?cursor=edited", world.tokens.viewer), 400, "#/cursor");
    problem(await call(listApi, "GET", "/api/v1/cords?since=yesterday", world.tokens.viewer), 400, "#/since");
    problem(await call(listApi, "GET", `/api/v1/cords?teamId=no-such-team`, world.tokens.viewer), 400, "#/teamId");
    problem(await call(readApi, "GET", "/api/v1/cords/nope", world.tokens.viewer, undefined, { id: "nope" }), 404);
    problem(await call(listApi, "GET", "/api/v1/cords", "andon_not-a-token"), 401);

    const { json } = await pull(report);
    const cordId = (json.cord as { id: string }).id;
    problem(await call(noteApi, "POST", `/api/v1/cords/${cordId}/notes`, world.tokens.member, { body: "  " }, { id: cordId }), 400, "#/body");
    problem(await call(resolveApi, "POST", `/api/v1/cords/${cordId}/resolve`, world.tokens.member, {}, { id: cordId }), 400, "#/resolutionNote");
    problem(
      await call(overrideApi, "POST", `/api/v1/cords/${cordId}/overrides`, world.tokens.manager, { justification: "" }, { id: cordId }),
      400,
      "#/justification",
    );
  });
});
