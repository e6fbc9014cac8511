// The COE editor's corrective actions go through the actions' own write path (lib/actions/mutations.ts):
// the same rights, owner and due-date rules, history, audit and domain events as the actions page
// and the API; actions under way or finished are read-only in the editor.
import { afterAll, describe, expect, it } from "vitest";
import { ForbiddenError, UserError } from "@/lib/errors";
import { changeCorrectiveActionStatus } from "@/lib/actions/mutations";
import { createCoe, saveCoe } from "@/lib/coes/mutations";
import type { CoeDocument } from "@/lib/coes/schemas";
import { coeWorld, completeDocument, testDb, userFor } from "@/lib/coes/test-fixtures";
import { createUser } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

const history = (actionId: string) =>
  testDb.correctiveActionEvent.findMany({ where: { actionId }, orderBy: { createdAt: "asc" }, select: { kind: true, toValue: true, reason: true } });
const auditOf = async (actionId: string) =>
  (await testDb.auditEvent.findMany({ where: { entityType: "corrective_action", entityId: actionId }, orderBy: { id: "asc" } })).map((event) => event.action);
const eventsOf = async (organizationId: string, actionId: string) =>
  (await testDb.domainEvent.findMany({ where: { organizationId, type: { startsWith: "action." } }, orderBy: { occurredAt: "asc" } }))
    .filter((event) => (event.data as { id?: string }).id === actionId)
    .map((event) => event.type);

async function draft(world: Awaited<ReturnType<typeof coeWorld>>, document: CoeDocument) {
  const created = await createCoe(world.users.author, { title: "Inline actions", teamId: world.teams.checkout.id, severity: "SEV3" });
  const saved = await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document });
  return { coeId: created.id, version: saved.version };
}

describe("the COE editor's corrective actions", () => {
  it("are created, edited and removed with the actions' rules, history, audit and events", async () => {
    const world = await coeWorld();
    const document = completeDocument(world);
    const action = document.actions[0]!;
    const { coeId, version: first } = await draft(world, document);
    let version = first;

    const created = await testDb.correctiveAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(created).toMatchObject({ source: "COE", coeId, createdById: world.users.author.userId, ownerId: world.users.author.userId });
    expect(created.assignedAt).not.toBeNull();
    expect(await history(action.id)).toEqual([{ kind: "created", toValue: action.title, reason: null }]);
    expect(await auditOf(action.id)).toEqual(["corrective_action.created"]);
    expect(await eventsOf(world.org.id, action.id)).toEqual(["action.created"]);

    // Moving a due date needs a reason, named under the action's row; the owner must be active.
    const moved = { ...action, ownerId: world.users.reviewer.userId, dueDate: "2027-01-15" };
    await expect(saveCoe(world.users.author, { coeId, baseVersion: version, document: { ...document, actions: [moved] } })).rejects.toMatchObject({
      message: "Say why the due date changes.",
      fieldErrors: { "actions.0": ["Say why the due date changes."] },
    });
    const gone = await createUser(testDb, world.org.id, { name: "Gene Gone", memberships: [{ teamId: world.teams.checkout.id, role: "MEMBER" }] });
    await testDb.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    await expect(
      saveCoe(world.users.author, { coeId, baseVersion: version, document: { ...document, actions: [{ ...action, ownerId: gone.id }] } }),
    ).rejects.toThrow("Choose an active member, reviewer or manager");
    ({ version } = await saveCoe(world.users.author, {
      coeId,
      baseVersion: version,
      document: { ...document, actions: [{ ...moved, dueDateReason: "The vendor ships the fix in January" }] },
    }));
    const edited = await testDb.correctiveAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(edited).toMatchObject({ ownerId: world.users.reviewer.userId, version: 2 });
    expect(edited.assignedAt!.getTime()).toBeGreaterThan(created.assignedAt!.getTime());
    expect((await history(action.id)).slice(1)).toEqual([
      { kind: "owner", toValue: "Riley Reviewer", reason: null },
      { kind: "due_date", toValue: "2027-01-15", reason: "The vendor ships the fix in January" },
    ]);
    expect(await eventsOf(world.org.id, action.id)).toEqual(["action.created", "action.assigned"]);

    // A draft action without a due date gets its first one without a reason.
    const later = { id: crypto.randomUUID(), title: "Alarm before expiry", ownerId: null, type: "DETECT" as const, priority: "MEDIUM" as const, dueDate: null };
    ({ version } = await saveCoe(world.users.author, { coeId, baseVersion: version, document: { ...document, actions: [moved, later] } }));
    expect(await testDb.correctiveAction.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({ ownerId: null, dueDate: null, assignedAt: null });
    ({ version } = await saveCoe(world.users.author, {
      coeId,
      baseVersion: version,
      document: { ...document, actions: [moved, { ...later, dueDate: "2027-02-01" }] },
    }));
    expect((await history(later.id)).map((event) => event.kind)).toEqual(["created", "due_date"]);

    await saveCoe(world.users.author, { coeId, baseVersion: version, document: { ...document, actions: [moved] } });
    expect(await testDb.correctiveAction.count({ where: { id: later.id } })).toBe(0);
    expect(await auditOf(later.id)).toEqual(["corrective_action.created", "corrective_action.updated", "corrective_action.deleted"]);
    expect(await eventsOf(world.org.id, later.id)).toEqual(["action.created", "action.deleted"]);
  });

  it("leave actions under way as they are, whatever the document says", async () => {
    const world = await coeWorld();
    const document = completeDocument(world);
    const action = document.actions[0]!;
    const { coeId, version } = await draft(world, document);
    await changeCorrectiveActionStatus(world.users.author, { actionId: action.id, version: 1, status: "IN_PROGRESS" });
    const renamed = { ...action, title: "Renamed in the editor", priority: "LOW" as const };
    const saved = await saveCoe(world.users.author, { coeId, baseVersion: version, document: { ...document, actions: [renamed] } });
    expect(saved.snapshot.actions).toMatchObject([{ id: action.id, title: action.title, priority: "HIGH", status: "IN_PROGRESS" }]);
    const left = await saveCoe(world.users.author, { coeId, baseVersion: saved.version, document: { ...document, actions: [] } });
    expect(left.snapshot.actions.map((row) => row.id)).toEqual([action.id]);
    expect((await history(action.id)).map((event) => event.kind)).toEqual(["created", "status"]);
  });

  it("need action rights on the team: an author who may only view it cannot add one", async () => {
    const world = await coeWorld();
    const viewer = await createUser(testDb, world.org.id, { name: "Vic Viewer", memberships: [{ teamId: world.teams.checkout.id, role: "VIEWER" }] });
    const document = completeDocument(world, { authorIds: [world.users.author.userId, viewer.id], actions: [] });
    const { coeId, version } = await draft(world, document);
    const withAction = { ...document, actions: completeDocument(world).actions };
    await expect(saveCoe(await userFor(viewer.id), { coeId, baseVersion: version, document: withAction })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await testDb.correctiveAction.count({ where: { coeId } })).toBe(0);
    expect((await testDb.coe.findUniqueOrThrow({ where: { id: coeId } })).version).toBe(version);
  });

  it("move with the COE to another team when open and on the COE's team, with the move in their history", async () => {
    const world = await coeWorld();
    const document = completeDocument(world);
    const started = { ...document.actions[0]!, id: crypto.randomUUID(), title: "Already started" };
    const { coeId, version } = await draft(world, { ...document, actions: [...document.actions, started] });
    await changeCorrectiveActionStatus(world.users.author, { actionId: started.id, version: 1, status: "IN_PROGRESS" });
    const moved = { ...document, teamId: world.teams.platform.id, actions: [...document.actions, started] };
    await expect(saveCoe(world.users.author, { coeId, baseVersion: version, document: moved })).rejects.toBeInstanceOf(UserError);
    await saveCoe(world.users.admin, { coeId, baseVersion: version, document: moved });
    const teams = await testDb.correctiveAction.findMany({ where: { coeId }, select: { id: true, teamId: true } });
    expect(Object.fromEntries(teams.map((row) => [row.id, row.teamId]))).toEqual({
      [document.actions[0]!.id]: world.teams.platform.id,
      [started.id]: world.teams.checkout.id,
    });
    expect((await history(document.actions[0]!.id)).map((event) => [event.kind, event.toValue])).toContainEqual(["team", "Platform"]);
  });
});
