// No actions of teams a user may not see, through any door: list and detail queries, the CSV
// export, the escalation view, server actions, the API (list, read, PATCH) and the calendar feed.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { bulkUpdateCorrectiveActionsAction, changeCorrectiveActionStatusAction, commentOnCorrectiveActionAction, updateCorrectiveActionAction } =
  await import("@/lib/actions/actions");
const { exportActions, getActionForView, listActions } = await import("@/lib/actions/queries");
const { escalationView } = await import("@/lib/actions/follow-up");
const { actionFilterSchema } = await import("@/lib/actions/schemas");
const { actionWorld, testDb } = await import("@/lib/actions/test-fixtures");
const { feedIcs } = await import("@/lib/actions/calendar");
const { createFeed } = await import("@/lib/actions/calendar-mutations");
const { GET: listApi, POST: postApi } = await import("@/app/api/v1/action-items/route");
const { GET: getApi, PATCH: patchApi } = await import("@/app/api/v1/action-items/[id]/route");
const { GET: exportCsv } = await import("@/app/(app)/actions/export/route");
const { createApiToken } = await import("@/prisma/seed/factories");

afterAll(() => testDb.$disconnect());
beforeEach(() => {
  session.user = null;
});

const filter = (query: Record<string, string> = {}) => actionFilterSchema.parse(query);

function call(
  handler: (request: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  params: Record<string, string> = {},
) {
  const request = new Request(`http://andon.test${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

describe("corrective-action scoping", () => {
  it("hides another team's actions from queries, export and escalations", async () => {
    const world = await actionWorld();
    const action = await world.action("Payments only", -20);
    const outsider = world.users.outsider;
    expect((await listActions(outsider, filter())).rows.map((row) => row.id)).not.toContain(action.id);
    expect((await listActions(outsider, filter({ coeId: world.coe.id, overdue: "true" }))).total).toBe(0);
    expect(await getActionForView(outsider, action.id)).toBeNull();
    expect((await exportActions(outsider, filter())).map((row) => row.id)).not.toContain(action.id);
    expect(await escalationView(outsider, world.teams.payments.id)).toBeNull();
    // Those who may see it do: the reviewer above the team, and the owner.
    expect((await listActions(world.users.reviewer, filter({ overdue: "true" }))).rows.map((row) => row.id)).toContain(action.id);
    expect((await listActions(world.users.owner, filter({ view: "mine" }))).rows.map((row) => row.id)).toEqual([action.id]);
    const escalated = await escalationView(world.users.retailManager, world.teams.retail.id);
    expect(escalated?.escalated.map((entry) => entry.action.id)).toEqual([action.id]);
    expect(escalated?.subTeams.find((row) => row.teamId === world.teams.retail.id)).toMatchObject({ own: 0, total: 1 });
  });

  it("lists (SQL paging) exactly what the export (Prisma where) finds, restricted COEs included, in every order", async () => {
    const world = await actionWorld();
    const { owner, reviewer, outsider } = world.users;
    const platformCoe = (restricted: boolean) =>
      testDb.coe.create({
        data: {
          organizationId: world.org.id,
          teamId: world.teams.platform.id,
          title: `Platform outage ${restricted}`,
          severity: "SEV1",
          status: "APPROVED",
          restricted,
        },
      });
    const hiddenCoe = await platformCoe(true);
    const openCoe = await platformCoe(false);
    const ownPaymentsCoe = await testDb.coe.update({ where: { id: world.coe.id }, data: { restricted: true } });
    await world.action("Payments, restricted COE of payments", -3);
    await world.action("Platform, no COE", 4, { teamId: world.teams.platform.id, coeId: null });
    await world.action("Platform, open COE", -8, { teamId: world.teams.platform.id, coeId: openCoe.id });
    await world.action("Platform, hidden COE", -1, { teamId: world.teams.platform.id, coeId: hiddenCoe.id });
    await world.action("Platform, payments COE", 2, { teamId: world.teams.platform.id, coeId: ownPaymentsCoe.id });
    await world.action("Someone else's", -5, { ownerId: reviewer.userId, teamId: world.teams.checkout.id, coeId: null });
    const filters: Record<string, string>[] = [
      {},
      { view: "mine" },
      { overdue: "true" },
      { severity: "SEV1" },
      { teamId: world.teams.retail.id },
      { view: "team" },
      { view: "team", teamId: world.teams.checkout.id },
      { status: "OPEN", dueTo: "2100-01-01", type: "PREVENT" },
    ];
    for (const user of [owner, reviewer, outsider]) {
      for (const query of filters) {
        for (const sort of ["due", "dueDesc", "priority", "created", "updated", "title"]) {
          const listed = await listActions(user, filter({ ...query, sort }));
          const exported = await exportActions(user, filter({ ...query, sort }));
          expect({ user: user.name, query, sort, ids: listed.rows.map((row) => row.id), total: listed.total }).toEqual({
            user: user.name,
            query,
            sort,
            ids: exported.map((row) => row.id),
            total: exported.length,
          });
        }
      }
    }
    // The API pages the same set newest first, two at a time through its cursor.
    const ownerToken = (await createApiToken(testDb, owner.userId)).secret;
    const paged: string[] = [];
    for (let cursor: string | null = "", pages = 0; cursor !== null && pages < 10; pages++) {
      const page = await (
        await call(listApi, "GET", `/api/v1/action-items?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, ownerToken)
      ).json();
      paged.push(...page.data.map((row: { id: string }) => row.id));
      cursor = page.nextCursor;
    }
    expect(paged).toEqual((await exportActions(owner, filter({ sort: "created" }))).map((row) => row.id));
    const ownerSees = (await listActions(owner, filter({ view: "mine" }))).rows.map((row) => row.title);
    expect(ownerSees).toContain("Platform, open COE");
    expect(ownerSees).toContain("Platform, payments COE");
    expect(ownerSees).not.toContain("Platform, hidden COE");
  });

  it("refuses server actions on another team's action and leaves it unchanged", async () => {
    const world = await actionWorld();
    const action = await world.action("Do not touch", -2);
    session.user = world.users.outsider;
    const results = [
      await changeCorrectiveActionStatusAction({ actionId: action.id, version: 1, status: "DONE", evidence: "fake evidence" }),
      await updateCorrectiveActionAction({ actionId: action.id, version: 1, ownerId: world.users.outsider.userId }),
      await bulkUpdateCorrectiveActionsAction({ actionIds: [action.id], ownerId: world.users.outsider.userId }),
      await commentOnCorrectiveActionAction({ actionId: action.id, body: "hello" }),
    ];
    for (const result of results) expect(result).toMatchObject({ ok: false, status: 404 });
    const after = await testDb.correctiveAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(after).toMatchObject({ status: "OPEN", version: 1, ownerId: world.users.owner.userId });
    expect(await testDb.correctiveActionComment.count({ where: { actionId: action.id } })).toBe(0);

    session.user = null;
    const csv = await exportCsv(new Request("http://andon.test/actions/export"));
    expect(csv.status).toBe(401);
    session.user = world.users.outsider;
    const text = await (await exportCsv(new Request(`http://andon.test/actions/export?coeId=${world.coe.id}`))).text();
    expect(text.trim().split("\r\n")).toHaveLength(1); // the header only
  });

  it("answers the API with the same scope, version checks and problem+json", async () => {
    const world = await actionWorld();
    const action = await world.action("Via the API", -4);
    const outsiderToken = (await createApiToken(testDb, world.users.outsider.userId)).secret;
    const ownerToken = (await createApiToken(testDb, world.users.owner.userId)).secret;

    const list = await (await call(listApi, "GET", `/api/v1/action-items?overdue=true`, outsiderToken)).json();
    expect(list.data.map((row: { id: string }) => row.id)).not.toContain(action.id);
    expect((await call(getApi, "GET", `/api/v1/action-items/${action.id}`, outsiderToken, undefined, { id: action.id })).status).toBe(404);
    const forbiddenPatch = await call(
      patchApi,
      "PATCH",
      `/api/v1/action-items/${action.id}`,
      outsiderToken,
      { version: 1, status: "DONE", evidence: "x".repeat(5) },
      { id: action.id },
    );
    expect(forbiddenPatch.status).toBe(404);
    expect(forbiddenPatch.headers.get("content-type")).toContain("application/problem+json");
    const forbiddenCreate = await call(postApi, "POST", "/api/v1/action-items", outsiderToken, {
      title: "Sneaky",
      ownerId: world.users.owner.userId,
      teamId: world.teams.payments.id,
      type: "PREVENT",
      dueDate: "2030-01-01",
    });
    expect(forbiddenCreate.status).toBe(403);

    const mine = await (await call(listApi, "GET", `/api/v1/action-items?view=mine&overdue=true`, ownerToken)).json();
    expect(mine.data).toEqual([expect.objectContaining({ id: action.id, daysOverdue: 4, status: "OPEN", version: 1 })]);
    const done = await call(
      patchApi,
      "PATCH",
      `/api/v1/action-items/${action.id}`,
      ownerToken,
      { version: 1, status: "DONE", evidence: "https://git.example.com/pr/9" },
      { id: action.id },
    );
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: "DONE", version: 2, evidence: "https://git.example.com/pr/9" });
    const stale = await call(patchApi, "PATCH", `/api/v1/action-items/${action.id}`, ownerToken, { version: 1, title: "Late edit" }, { id: action.id });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toContain("application/problem+json");
    expect((await stale.json()).current).toMatchObject({ id: action.id, version: 2 });
    const noEvidence = await call(patchApi, "PATCH", `/api/v1/action-items/${action.id}`, ownerToken, { version: 2, status: "OPEN" }, { id: action.id });
    expect(noEvidence.status).toBe(200);
  });

  it("serves the calendar feed only for a live secret, with only the owner's actions", async () => {
    const world = await actionWorld();
    const own = await world.action("Mine to do", 5);
    await world.action("Someone else's", 5, { ownerId: world.users.reviewer.userId });
    const { secret } = await createFeed(world.users.owner);
    const ics = await feedIcs(secret, "https://andon.example.com");
    expect(ics).toContain(`UID:action-${own.id}@andon.example.com`);
    expect(ics).not.toContain("Someone else");
    expect(await feedIcs(`${secret}x`, "https://andon.example.com")).toBeNull();
    await createFeed(world.users.owner); // a new URL revokes the old one
    expect(await feedIcs(secret, "https://andon.example.com")).toBeNull();
  });
});
