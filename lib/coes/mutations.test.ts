// The COE write path against the test database: revisions, optimistic concurrency, lifecycle
// rules, review threads and the audit trail.
import { afterAll, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { addAttachment } from "@/lib/coes/attachment-mutations";
import { createCoe, restoreRevision, saveCoe, transitionCoe } from "@/lib/coes/mutations";
import { resolveThread, startReviewThread } from "@/lib/coes/review-thread-mutations";
import { getCoeForView, listRevisionSteps } from "@/lib/coes/queries";
import { coeWorld, completeDocument, testDb } from "@/lib/coes/test-fixtures";

afterAll(() => testDb.$disconnect());

describe("saving a COE", () => {
  it("makes a revision per save, bumps the version and audits each change", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Checkout errors", teamId: world.teams.checkout.id, severity: "SEV2" });
    expect(created.version).toBe(1);
    const saved = await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world) });
    expect(saved.version).toBe(2);
    expect(saved.snapshot.whatHappened).toContain("certificate expired");
    expect(saved.snapshot.factors[0]!.categoryName).toBe("Certificate expiry");

    const revisions = await testDb.coeRevision.findMany({ where: { coeId: created.id }, orderBy: { version: "asc" } });
    expect(revisions.map((revision) => [revision.version, revision.summary])).toEqual([
      [1, "Created"],
      [2, "Edited"],
    ]);
    expect((revisions[1]!.snapshot as { title: string }).title).toBe("Checkout failed for card payments");
    const audit = await testDb.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["coe.created", "coe.updated"]);
    expect(audit[1]!.changes).toMatchObject({ title: { from: "Checkout errors", to: "Checkout failed for card payments" } });
  });

  it("refuses a stale save with the other change and leaves the newer text in place", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Cart outage", teamId: world.teams.checkout.id, severity: "SEV3" });
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world, { whatHappened: "First writer's text" }) });

    const stale = saveCoe(world.users.reviewer, {
      coeId: created.id,
      baseVersion: 1,
      document: completeDocument(world, { whatHappened: "Second writer's text" }),
    });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const error = (await stale.catch((caught: unknown) => caught)) as ConflictError;
    expect(error.current).toMatchObject({ version: 2, snapshot: { whatHappened: "First writer's text" } });
    const row = await testDb.coe.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.version, row.whatHappened]).toEqual([2, "First writer's text"]);
    expect(await testDb.coeRevision.count({ where: { coeId: created.id } })).toBe(2);
  });

  it("lets exactly one of two concurrent saves on the same version win", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Race", teamId: world.teams.checkout.id, severity: "SEV4" });
    const results = await Promise.allSettled(
      ["A", "B", "C"].map((text) =>
        saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world, { whatHappened: text }) }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(ConflictError);
    expect((await testDb.coe.findUniqueOrThrow({ where: { id: created.id } })).version).toBe(2);
  });

  it("restores an old revision as a new one", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "DNS", teamId: world.teams.checkout.id, severity: "SEV2" });
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world, { lessonsLearned: "Original lesson" }) });
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 2, document: completeDocument(world, { lessonsLearned: "Rewritten lesson" }) });
    const restored = await restoreRevision(world.users.author, { coeId: created.id, baseVersion: 3, version: 2 });
    expect(restored.version).toBe(4);
    expect(restored.snapshot.lessonsLearned).toBe("Original lesson");
    expect((await listRevisionSteps(world.users.author, created.id))!.steps[0]!.revisions[0]!.summary).toBe("Restored version 2");
  });

  it("refuses edits from someone outside the team, and ids from another organization", async () => {
    const world = await coeWorld();
    const other = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Scoped", teamId: world.teams.checkout.id, severity: "SEV3" });
    await expect(saveCoe(world.users.outsider, { coeId: created.id, baseVersion: 1, document: completeDocument(world) })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world, { serviceIds: [other.service.id] }) }),
    ).rejects.toThrow("not in your organization");
    await expect(createCoe(world.users.outsider, { title: "x", teamId: world.teams.checkout.id, severity: "SEV1" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("keeps started corrective actions that the editor leaves out", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Actions", teamId: world.teams.checkout.id, severity: "SEV3" });
    const saved = await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world) });
    await testDb.correctiveAction.update({ where: { id: saved.snapshot.actions[0]!.id }, data: { status: "IN_PROGRESS" } });
    const again = await saveCoe(world.users.author, { coeId: created.id, baseVersion: 2, document: completeDocument(world, { actions: [] }) });
    expect(again.snapshot.actions.map((action) => action.status)).toEqual(["IN_PROGRESS"]);
  });

  it("moves a corrective action's own version only when the editor really changed it", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Versions", teamId: world.teams.checkout.id, severity: "SEV3" });
    const document = completeDocument(world);
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document });
    const actionId = document.actions[0]!.id;
    const versionOf = async () => (await testDb.correctiveAction.findUniqueOrThrow({ where: { id: actionId } })).version;
    const first = await versionOf();
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 2, document: { ...document, lessonsLearned: "Only the lessons changed." } });
    expect(await versionOf()).toBe(first);
    await saveCoe(world.users.author, {
      coeId: created.id,
      baseVersion: 3,
      document: { ...document, actions: [{ ...document.actions[0]!, priority: "LOW" }] },
    });
    expect(await versionOf()).toBe(first + 1);
  });
});

describe("review lifecycle", () => {
  it("goes draft → in review → changes requested → in review → approved, never approved by its author", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Lifecycle", teamId: world.teams.checkout.id, severity: "SEV2" });
    await expect(transitionCoe(world.users.author, { coeId: created.id, baseVersion: 1, transition: "submit", note: "" })).rejects.toThrow(
      /still needs: Add when the incident started/,
    );
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world) });
    const submitted = await transitionCoe(world.users.author, { coeId: created.id, baseVersion: 2, transition: "submit", note: "" });
    expect(submitted.snapshot.status).toBe("IN_REVIEW");

    await expect(transitionCoe(world.users.author, { coeId: created.id, baseVersion: 3, transition: "approve", note: "" })).rejects.toBeInstanceOf(UserError);
    const thread = await startReviewThread(world.users.reviewer, { coeId: created.id, section: "customerImpact", body: "How many orders failed?" });
    const back = await transitionCoe(world.users.reviewer, { coeId: created.id, baseVersion: 3, transition: "requestChanges", note: "Quantify the impact." });
    expect(back.snapshot.status).toBe("DRAFT");

    const view = await getCoeForView(world.users.author, created.id);
    expect(view!.threads.map((t) => [t.section, t.resolvedAt, t.comments[0]!.body])).toEqual([["customerImpact", null, "How many orders failed?"]]);
    await resolveThread(world.users.author, { coeId: created.id, threadId: thread.id, resolved: true });

    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 4, document: completeDocument(world, { customerImpact: "1,204 orders failed." }) });
    await transitionCoe(world.users.author, { coeId: created.id, baseVersion: 5, transition: "submit", note: "" });
    const approved = await transitionCoe(world.users.reviewer, { coeId: created.id, baseVersion: 6, transition: "approve", note: "" });
    expect(approved.snapshot.status).toBe("APPROVED");
    await expect(saveCoe(world.users.author, { coeId: created.id, baseVersion: 7, document: completeDocument(world) })).rejects.toThrow("cannot be edited");

    const actions = await testDb.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual([
      "coe.created",
      "coe.updated",
      "coe.submitted",
      "coe.comment_added",
      "coe.changes_requested",
      "coe.thread_resolved",
      "coe.updated",
      "coe.submitted",
      "coe.approved",
    ]);
    expect(await testDb.coeReview.count({ where: { coeId: created.id } })).toBe(2);
  });

  it("closes only when every corrective action is finished", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Close", teamId: world.teams.checkout.id, severity: "SEV3" });
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world) });
    await transitionCoe(world.users.author, { coeId: created.id, baseVersion: 2, transition: "submit", note: "" });
    await transitionCoe(world.users.reviewer, { coeId: created.id, baseVersion: 3, transition: "approve", note: "" });
    await expect(transitionCoe(world.users.author, { coeId: created.id, baseVersion: 4, transition: "close", note: "" })).rejects.toThrow(
      /every corrective action/,
    );
    await testDb.correctiveAction.updateMany({ where: { coeId: created.id }, data: { status: "DONE" } });
    expect((await transitionCoe(world.users.author, { coeId: created.id, baseVersion: 4, transition: "close", note: "" })).snapshot.status).toBe("CLOSED");
  });
});

describe("attachments", () => {
  it("stores PNG bytes in the database and refuses content that is not an image", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Images", teamId: world.teams.checkout.id, severity: "SEV4" });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const attachment = await addAttachment(world.users.author, { coeId: created.id, fileName: "graph.png", bytes: png });
    expect(attachment.contentType).toBe("image/png");
    const stored = await testDb.coeAttachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect([...stored.data]).toEqual([...png]);
    await expect(
      addAttachment(world.users.author, { coeId: created.id, fileName: "x.png", bytes: new TextEncoder().encode("<svg onload=alert(1)>") }),
    ).rejects.toThrow(/PNG, JPEG and WebP/);
    await expect(addAttachment(world.users.outsider, { coeId: created.id, fileName: "graph.png", bytes: png })).rejects.toBeInstanceOf(NotFoundError);
  });
});
