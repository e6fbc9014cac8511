// Viewers are read-only (README, Roles): they cannot own a corrective action nor change one, even one
// still assigned to them from before the rule — and the page, the server actions and the API agree.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const {
  changeCorrectiveActionStatusAction,
  linkToCorrectiveActionAction,
  updateCorrectiveActionAction,
  createCorrectiveActionAction,
  bulkUpdateCorrectiveActionsAction,
} = await import("@/lib/actions/actions");
const { getActionForView } = await import("@/lib/actions/queries");
const { lookupActionOwners } = await import("@/lib/lookup/queries");
const { actionWorld, testDb, userFor } = await import("@/lib/actions/test-fixtures");
const { PATCH: patchApi } = await import("@/app/api/v1/action-items/[id]/route");
const { POST: postApi } = await import("@/app/api/v1/action-items/route");
const { createApiToken, createUser } = await import("@/prisma/seed/factories");

afterAll(() => testDb.$disconnect());
beforeEach(() => {
  session.user = null;
});

async function viewerWorld() {
  const world = await actionWorld();
  const viewerRow = await createUser(testDb, world.org.id, {
    name: "Vera Viewer",
    memberships: [{ teamId: world.teams.payments.id, role: "VIEWER" }],
    passwordHash: "not-a-real-hash",
  });
  const viewer = await userFor(viewerRow.id);
  // As the old demo seed did: an action left assigned to a viewer.
  const assigned = await world.action("Assigned to a viewer", 3, { ownerId: viewer.userId });
  return { ...world, viewer, assigned };
}

function api(
  handler: (request: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>,
  method: string,
  path: string,
  token: string,
  body: unknown,
  params: Record<string, string> = {},
) {
  const request = new Request(`http://andon.test${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

describe("a viewer and corrective actions", () => {
  it("sees an action assigned to them with no status buttons and no edit forms", async () => {
    const { viewer, assigned, users } = await viewerWorld();
    const view = await getActionForView(viewer, assigned.id);
    expect(view).toMatchObject({ nextStatuses: [], canDecideWontDo: false, canEdit: false });
    // A member who owns one still does, so the rule is about the role, not about ownership.
    const owned = await getActionForView(users.owner, assigned.id);
    expect(owned?.canEdit).toBe(true);
  });

  it("is not offered by the owner pickers", async () => {
    const { viewer, users } = await viewerWorld();
    const offered = (await lookupActionOwners(users.reviewer, "", 50)).map((item) => item.value);
    expect(offered).toContain(users.owner.userId);
    expect(offered).not.toContain(viewer.userId);
  });

  it("is refused by the server actions, and the action is unchanged", async () => {
    const { viewer, assigned, users, teams } = await viewerWorld();
    session.user = viewer;
    const results = [
      await changeCorrectiveActionStatusAction({ actionId: assigned.id, version: 1, status: "IN_PROGRESS" }),
      await updateCorrectiveActionAction({ actionId: assigned.id, version: 1, title: "Renamed by a viewer" }),
      await linkToCorrectiveActionAction({ actionId: assigned.id, url: "https://example.com/runbook", label: "" }),
      await bulkUpdateCorrectiveActionsAction({ actionIds: [assigned.id], status: "IN_PROGRESS" }),
      await createCorrectiveActionAction({
        title: "New by a viewer",
        ownerId: users.owner.userId,
        teamId: teams.payments.id,
        type: "PREVENT",
        dueDate: "2030-01-01",
      }),
    ];
    expect(results.pop()).toMatchObject({ ok: false, status: 403 });
    for (const result of results) expect(result).toMatchObject({ ok: false, status: 403, error: expect.stringContaining("viewers cannot") });
    const row = await testDb.correctiveAction.findUniqueOrThrow({ where: { id: assigned.id }, select: { status: true, title: true, version: true } });
    expect(row).toEqual({ status: "OPEN", title: "Assigned to a viewer", version: 1 });
    expect(await testDb.correctiveActionLink.count({ where: { actionId: assigned.id } })).toBe(0);

    // Nor can anyone make a viewer the owner, through any door.
    session.user = users.reviewer;
    const reassign = await updateCorrectiveActionAction({ actionId: assigned.id, version: 1, ownerId: users.owner.userId });
    expect(reassign).toMatchObject({ ok: true });
    const back = await updateCorrectiveActionAction({ actionId: assigned.id, version: 2, ownerId: viewer.userId });
    expect(back).toMatchObject({ ok: false, status: 400, fieldErrors: { ownerId: [expect.any(String)] } });
    const created = await createCorrectiveActionAction({
      title: "For a viewer",
      ownerId: viewer.userId,
      teamId: teams.payments.id,
      type: "PREVENT",
      dueDate: "2030-01-01",
    });
    expect(created).toMatchObject({ ok: false, status: 400 });
    expect((await testDb.correctiveAction.findUniqueOrThrow({ where: { id: assigned.id }, select: { ownerId: true } })).ownerId).toBe(users.owner.userId);
  });

  it("is refused by the API (403 problem+json), and no one can give them an action there", async () => {
    const { viewer, assigned, users, teams } = await viewerWorld();
    const viewerToken = (await createApiToken(testDb, viewer.userId)).secret;
    const start = await api(patchApi, "PATCH", `/api/v1/action-items/${assigned.id}`, viewerToken, { version: 1, status: "IN_PROGRESS" }, { id: assigned.id });
    expect(start.status).toBe(403);
    expect(start.headers.get("content-type")).toContain("application/problem+json");
    const edit = await api(patchApi, "PATCH", `/api/v1/action-items/${assigned.id}`, viewerToken, { version: 1, title: "Renamed" }, { id: assigned.id });
    expect(edit.status).toBe(403);
    expect((await testDb.correctiveAction.findUniqueOrThrow({ where: { id: assigned.id }, select: { version: true } })).version).toBe(1);

    const reviewerToken = (await createApiToken(testDb, users.reviewer.userId)).secret;
    const create = await api(postApi, "POST", "/api/v1/action-items", reviewerToken, {
      title: "For a viewer",
      ownerId: viewer.userId,
      teamId: teams.payments.id,
      type: "PREVENT",
      dueDate: "2030-01-01",
    });
    expect(create.status).toBe(400);
    expect((await create.json()).errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: expect.stringContaining("ownerId") })]));
  });
});
