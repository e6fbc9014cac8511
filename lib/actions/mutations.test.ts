// The one write path against the test database: status rules with evidence and verification,
// due-date reasons, won't-do approval, optimistic concurrency, history, and the COE closing and
// reopening with its actions.
import { afterAll, describe, expect, it } from "vitest";
import {
  bulkUpdateCorrectiveActions,
  changeCorrectiveActionStatus,
  createCorrectiveAction,
  decideWontDo,
  patchCorrectiveAction,
  updateCorrectiveAction,
} from "@/lib/actions/mutations";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { ConflictError, ForbiddenError, UserError } from "@/lib/errors";

afterAll(() => testDb.$disconnect());

const coeStatus = async (id: string) => (await testDb.coe.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } })).status;

describe("status changes", () => {
  it("owner marks done with evidence, a reviewer verifies, and the COE closes with its last action and reopens with it", async () => {
    const world = await actionWorld();
    const first = await world.action("Automate renewal", -2);
    const second = await world.action("Expiry alarm", 5);
    const done = await changeCorrectiveActionStatus(world.users.owner, {
      actionId: first.id,
      version: 1,
      status: "DONE",
      evidence: "https://git.example.com/pr/1",
    });
    expect(done).toMatchObject({ status: "DONE", version: 2 });
    await expect(
      changeCorrectiveActionStatus(world.users.owner, {
        actionId: first.id,
        version: 2,
        status: "VERIFIED",
        verificationMethod: "TEST",
        verificationNote: "I tested it",
      }),
    ).rejects.toThrow(ForbiddenError);
    await changeCorrectiveActionStatus(world.users.reviewer, {
      actionId: first.id,
      version: 2,
      status: "VERIFIED",
      verificationMethod: "GAME_DAY",
      verificationNote: "Expired a cert in staging",
    });
    expect(await coeStatus(world.coe.id)).toBe("APPROVED");

    await changeCorrectiveActionStatus(world.users.owner, { actionId: second.id, version: 1, status: "DONE", evidence: "Alarm added" });
    expect(await coeStatus(world.coe.id)).toBe("CLOSED");
    const revisions = await testDb.coeRevision.findMany({ where: { coeId: world.coe.id }, select: { summary: true } });
    expect(revisions.map((revision) => revision.summary)).toContain("Closed: every corrective action is finished");

    await changeCorrectiveActionStatus(world.users.owner, { actionId: second.id, version: 2, status: "OPEN" });
    expect(await coeStatus(world.coe.id)).toBe("APPROVED");

    const history = await testDb.correctiveActionEvent.findMany({
      where: { actionId: first.id },
      orderBy: { id: "asc" },
      select: { kind: true, toValue: true, reason: true },
    });
    expect(history).toEqual([
      { kind: "status", toValue: "DONE", reason: "https://git.example.com/pr/1" },
      { kind: "status", toValue: "VERIFIED", reason: "GAME_DAY: Expired a cert in staging" },
    ]);
    const audit = await testDb.auditEvent.count({ where: { entityType: "corrective_action", entityId: first.id } });
    expect(audit).toBe(2);
  });

  it("refuses a change based on a stale version", async () => {
    const world = await actionWorld();
    const action = await world.action("Stale", 3);
    await changeCorrectiveActionStatus(world.users.owner, { actionId: action.id, version: 1, status: "IN_PROGRESS" });
    await expect(changeCorrectiveActionStatus(world.users.owner, { actionId: action.id, version: 1, status: "DONE", evidence: "done" })).rejects.toThrow(
      ConflictError,
    );
    await expect(updateCorrectiveAction(world.users.owner, { actionId: action.id, version: 1, title: "Renamed" })).rejects.toThrow(ConflictError);
  });

  it("applies an edit and a status change together or not at all (the API's PATCH)", async () => {
    const world = await actionWorld();
    const action = await world.action("Atomic", 3);
    await expect(
      patchCorrectiveAction(
        world.users.owner,
        { actionId: action.id, version: 1, title: "Renamed first" },
        { status: "VERIFIED", verificationMethod: "TEST", verificationNote: "ok" },
      ),
    ).rejects.toThrow(ForbiddenError);
    expect(await testDb.correctiveAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ title: "Atomic", version: 1 });
    expect(
      await patchCorrectiveAction(world.users.owner, { actionId: action.id, version: 1, title: "Renamed" }, { status: "DONE", evidence: "merged" }),
    ).toMatchObject({
      status: "DONE",
      version: 3,
    });
  });

  it("turns won't do from the owner into a request a manager decides", async () => {
    const world = await actionWorld();
    const action = await world.action("Rewrite the gateway", 10);
    const requested = await changeCorrectiveActionStatus(world.users.owner, {
      actionId: action.id,
      version: 1,
      status: "WONT_DO",
      wontDoReason: "Superseded by the vendor change",
    });
    expect(requested.status).toBe("OPEN");
    await expect(decideWontDo(world.users.reviewer, { actionId: action.id, version: requested.version, approve: true })).rejects.toThrow(ForbiddenError);
    const approved = await decideWontDo(world.users.paymentsManager, { actionId: action.id, version: requested.version, approve: true });
    expect(approved.status).toBe("WONT_DO");
    // It was the COE's only action: won't do finishes it too.
    expect(await coeStatus(world.coe.id)).toBe("CLOSED");
  });
});

describe("creating actions", () => {
  it("defaults the team to the COE's, reopens a closed COE, and refuses teams without action rights", async () => {
    const world = await actionWorld();
    const only = await world.action("Only action", 3);
    await changeCorrectiveActionStatus(world.users.owner, { actionId: only.id, version: 1, status: "DONE", evidence: "shipped" });
    expect(await coeStatus(world.coe.id)).toBe("CLOSED");
    const created = await createCorrectiveAction(world.users.reviewer, {
      title: "Follow-up from the review",
      description: "",
      ownerId: world.users.owner.userId,
      coeId: world.coe.id,
      type: "DETECT",
      priority: "HIGH",
      dueDate: "2030-01-01",
    });
    const row = await testDb.correctiveAction.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ teamId: world.teams.payments.id, source: "COE", status: "OPEN" });
    expect(await coeStatus(world.coe.id)).toBe("APPROVED");
    await expect(
      createCorrectiveAction(world.users.outsider, {
        title: "Not my team",
        description: "",
        ownerId: world.users.owner.userId,
        teamId: world.teams.payments.id,
        type: "DETECT",
        priority: "LOW",
        dueDate: "2030-01-01",
      }),
    ).rejects.toThrow(ForbiddenError);
    // Without a COE or team, the owner's only team.
    const standalone = await createCorrectiveAction(world.users.paymentsManager, {
      title: "Standalone",
      description: "",
      ownerId: world.users.owner.userId,
      type: "PROCESS",
      priority: "LOW",
      dueDate: "2030-01-01",
    });
    expect(await testDb.correctiveAction.findUniqueOrThrow({ where: { id: standalone.id } })).toMatchObject({
      teamId: world.teams.payments.id,
      source: "STANDALONE",
      coeId: null,
    });
  });
});

describe("due dates and bulk changes", () => {
  it("needs a reason to move a due date and keeps it in the history", async () => {
    const world = await actionWorld();
    const action = await world.action("Move me", 3);
    await expect(updateCorrectiveAction(world.users.owner, { actionId: action.id, version: 1, dueDate: "2030-01-01" })).rejects.toThrow(UserError);
    await updateCorrectiveAction(world.users.owner, { actionId: action.id, version: 1, dueDate: "2030-01-01", dueDateReason: "Vendor slipped" });
    const event = await testDb.correctiveActionEvent.findFirstOrThrow({ where: { actionId: action.id, kind: "due_date" } });
    expect(event).toMatchObject({ toValue: "2030-01-01", reason: "Vendor slipped" });
  });

  it("reassigns and reschedules a selection all or nothing", async () => {
    const world = await actionWorld();
    const a = await world.action("A", -3);
    const b = await world.action("B", -9);
    const foreign = await world.action("Platform's", -3, { teamId: world.teams.platform.id, ownerId: world.users.outsider.userId, coeId: null });
    await expect(bulkUpdateCorrectiveActions(world.users.reviewer, { actionIds: [a.id, foreign.id], ownerId: world.users.reviewer.userId })).rejects.toThrow(
      /not found/,
    );
    expect((await testDb.correctiveAction.findUniqueOrThrow({ where: { id: a.id } })).ownerId).toBe(world.users.owner.userId);
    const result = await bulkUpdateCorrectiveActions(world.users.reviewer, {
      actionIds: [a.id, b.id],
      ownerId: world.users.reviewer.userId,
      dueDate: "2030-02-01",
      dueDateReason: "Replanned in the weekly review",
    });
    expect(result.updated).toBe(2);
    const rows = await testDb.correctiveAction.findMany({ where: { id: { in: [a.id, b.id] } }, select: { ownerId: true, dueDate: true, version: true } });
    expect(rows.every((row) => row.ownerId === world.users.reviewer.userId && row.dueDate?.toISOString().startsWith("2030-02-01") && row.version === 2)).toBe(
      true,
    );
  });
});
