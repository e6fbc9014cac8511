// The freeze-windows API through its route handlers with real tokens: a manager of the team
// schedules and removes windows for its subtree, everyone in the organization reads them in pages,
// other roles and subtrees are refused, and bad input is a 400 naming the field.
import { callRoute as call, type RouteJson as Json } from "@/lib/api/test-route";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { GET: listApi, POST: createApi } = await import("@/app/api/v1/freeze-windows/route");
const { GET: readApi, DELETE: deleteApi } = await import("@/app/api/v1/freeze-windows/[id]/route");
const { createApiToken, createService } = await import("@/prisma/seed/factories");
const { cordWorld, testDb } = await import("@/lib/cords/test-fixtures");

afterAll(() => testDb.$disconnect());

async function freezeWorld() {
  const world = await cordWorld();
  const tokenOf = async (user: { userId: string }) => (await createApiToken(testDb, user.userId)).secret;
  return {
    ...world,
    tokens: {
      viewer: world.token.secret,
      member: await tokenOf(world.users.member),
      manager: await tokenOf(world.users.manager),
      retailManager: await tokenOf(world.users.retailManager),
      outsider: await tokenOf(world.users.outsider),
    },
  };
}

const weekend = {
  reason: "Weekend freeze",
  startsAt: "2030-01-04T16:00",
  endsAt: "2030-01-07T08:00",
  timeZone: "Europe/Berlin",
  rrule: "FREQ=WEEKLY;BYDAY=FR",
};

describe("freeze-windows API", () => {
  it("a manager of the subtree schedules and removes windows; other roles and subtrees are refused", async () => {
    const world = await freezeWorld();
    const create = (token: string, body: unknown) => call(createApi, "POST", "/api/v1/freeze-windows", token, body);

    for (const token of [world.tokens.viewer, world.tokens.member, world.tokens.outsider]) {
      const refused = await create(token, { ...weekend, teamId: world.teams.shop.id });
      expect(refused.status).toBe(403);
      expect(refused.type).toBe("application/problem+json");
    }
    // A manager of Shop may not schedule for Retail above it.
    expect((await create(world.tokens.manager, { ...weekend, teamId: world.teams.retail.id })).status).toBe(403);

    const created = await create(world.tokens.retailManager, { ...weekend, teamId: world.teams.retail.id, serviceIds: [world.service.id] });
    expect(created.status).toBe(201);
    // 16:00 in Berlin in January is 15:00 UTC; the next occurrences follow the rule.
    expect(created.json).toMatchObject({
      teamId: world.teams.retail.id,
      serviceIds: [world.service.id],
      startsAt: "2030-01-04T15:00:00.000Z",
      endsAt: "2030-01-07T07:00:00.000Z",
      rrule: "FREQ=WEEKLY;BYDAY=FR",
    });
    expect((created.json.nextOccurrences as unknown[]).length).toBe(3);
    const id = created.json.id as string;

    expect((await call(readApi, "GET", `/api/v1/freeze-windows/${id}`, world.tokens.outsider, undefined, { id })).json).toMatchObject({ id });
    const other = await freezeWorld();
    expect((await call(readApi, "GET", `/api/v1/freeze-windows/${id}`, other.tokens.retailManager, undefined, { id })).status).toBe(404);
    expect((await call(deleteApi, "DELETE", `/api/v1/freeze-windows/${id}`, other.tokens.retailManager, undefined, { id })).status).toBe(404);
    expect((await call(deleteApi, "DELETE", `/api/v1/freeze-windows/${id}`, world.tokens.manager, undefined, { id })).status).toBe(403);
    // Two removals at once (a double click): one 204, the other finds it gone (was a 500).
    const removals = await Promise.all(
      [1, 2].map(() => call(deleteApi, "DELETE", `/api/v1/freeze-windows/${id}`, world.tokens.retailManager, undefined, { id })),
    );
    expect(removals.map((removal) => removal.status).sort()).toEqual([204, 404]);
    expect((await call(readApi, "GET", `/api/v1/freeze-windows/${id}`, world.tokens.viewer, undefined, { id })).status).toBe(404);
  });

  it("lists running and coming windows, earliest first, in pages of `limit`", async () => {
    const world = await freezeWorld();
    const starts = ["2030-03-01T10:00:00Z", "2030-01-01T10:00:00Z", "2030-02-01T10:00:00Z", "2020-01-01T10:00:00Z"];
    for (const [index, startsAt] of starts.entries()) {
      const endsAt = new Date(new Date(startsAt).getTime() + 3_600_000).toISOString();
      const body = { teamId: world.teams.shop.id, reason: `Freeze ${index}`, startsAt, endsAt };
      expect((await call(createApi, "POST", "/api/v1/freeze-windows", world.tokens.manager, body)).status).toBe(201);
    }
    const list = (query: string) => call(listApi, "GET", `/api/v1/freeze-windows?${query}`, world.tokens.viewer);
    const reasons = (page: { json: Json }) => (page.json.data ?? []).map((window) => window.reason);

    // The 2020 window is over and not listed.
    const all = await list("");
    expect(reasons(all)).toEqual(["Freeze 1", "Freeze 2", "Freeze 0"]);
    expect(all.json.nextCursor).toBeNull();
    const first = await list("limit=2");
    expect(reasons(first)).toEqual(["Freeze 1", "Freeze 2"]);
    const second = await list(`limit=2&cursor=${first.json.nextCursor as string}`);
    expect(reasons(second)).toEqual(["Freeze 0"]);
    expect(second.json.nextCursor).toBeNull();
  });

  it("answers bad input with 400 problems naming the field", async () => {
    const world = await freezeWorld();
    const create = (body: unknown) => call(createApi, "POST", "/api/v1/freeze-windows", world.tokens.manager, body);
    const pointers = (result: { status: number; type: string; json: Json }) => {
      expect(result.status).toBe(400);
      expect(result.type).toBe("application/problem+json");
      return result.json.errors?.map((error) => error.pointer);
    };
    const teamId = world.teams.shop.id;
    expect(pointers(await create({ ...weekend, teamId, endsAt: "2030-01-04T15:00" }))).toContain("#/endsAt");
    expect(pointers(await create({ ...weekend, teamId, rrule: "FREQ=SOMETIMES" }))).toContain("#/rrule");
    expect(pointers(await create({ ...weekend, teamId, timeZone: "Mars/Olympus" }))).toContain("#/timeZone");
    expect(pointers(await create({ ...weekend, teamId, startsAt: "soon" }))).toContain("#/startsAt");
    expect(pointers(await create({ ...weekend, teamId, reason: "" }))).toContain("#/reason");
    // A service outside the team's subtree.
    const platformService = await createService(testDb, world.org.id, world.teams.platform.id, { name: `infra-${world.service.id.slice(-6)}` });
    expect(pointers(await create({ ...weekend, teamId, serviceIds: [platformService.id] }))).toContain("#/serviceIds");
    expect(pointers(await call(listApi, "GET", "/api/v1/freeze-windows?limit=500", world.tokens.viewer))).toContain("#/limit");
    expect(pointers(await call(listApi, "GET", "/api/v1/freeze-windows?cursor=edited", world.tokens.viewer))).toContain("#/cursor");
  });
});
