// The COE review loop's notifications, against the test database: who hears of each move, where it
// links, opt-outs, and never the actor.
import { afterAll, describe, expect, it } from "vitest";
import { createCoe, saveCoe, transitionCoe } from "@/lib/coes/mutations";
import { replyToThread, startReviewThread } from "@/lib/coes/review-thread-mutations";
import { changeCorrectiveActionStatus } from "@/lib/actions/mutations";
import { approvedCoe, completeDocument, coeWorld, testDb } from "@/lib/coes/test-fixtures";

afterAll(() => testDb.$disconnect());

const notificationsOf = (userId: string) =>
  testDb.notification.findMany({ where: { userId }, select: { kind: true, href: true, title: true }, orderBy: { createdAt: "asc" } });

async function submittedCoe(world: Awaited<ReturnType<typeof coeWorld>>) {
  const created = await createCoe(world.users.author, { title: "x", teamId: world.teams.checkout.id, severity: "SEV2" });
  await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world) });
  await transitionCoe(world.users.author, { coeId: created.id, baseVersion: 2, transition: "submit", note: "" });
  return created.id;
}

describe("COE loop notifications", () => {
  it("tells the team's reviewers (up the tree) of a submission, and the authors of changes requested and approval", async () => {
    const world = await coeWorld();
    const coeId = await submittedCoe(world);
    expect(await notificationsOf(world.users.reviewer.userId)).toEqual([
      { kind: "COE_SUBMITTED", href: `/coes/${coeId}`, title: "Alex Author submitted “Checkout failed for card payments” for review" },
    ]);
    // Nobody outside the owning subtree, and not the author who submitted it.
    expect(await notificationsOf(world.users.outsider.userId)).toEqual([]);
    expect(await notificationsOf(world.users.author.userId)).toEqual([]);

    await transitionCoe(world.users.reviewer, { coeId, baseVersion: 3, transition: "requestChanges", note: "Say how the alarm was missed." });
    await transitionCoe(world.users.author, { coeId, baseVersion: 4, transition: "submit", note: "" });
    await transitionCoe(world.users.reviewer, { coeId, baseVersion: 5, transition: "approve", note: "" });
    expect((await notificationsOf(world.users.author.userId)).map((row) => row.kind)).toEqual(["COE_CHANGES_REQUESTED", "COE_APPROVED"]);
    // The second submission is news again.
    expect((await notificationsOf(world.users.reviewer.userId)).map((row) => row.kind)).toEqual(["COE_SUBMITTED", "COE_SUBMITTED"]);
  });

  it("tells thread participants and authors of comments and replies, linking to the thread", async () => {
    const world = await coeWorld();
    const coeId = await submittedCoe(world);
    const thread = await startReviewThread(world.users.reviewer, { coeId, section: "whatHappened", body: "When did the alarm fire?" });
    await replyToThread(world.users.author, { coeId, threadId: thread.id, body: "10:06, see the timeline." });
    const authorInbox = await notificationsOf(world.users.author.userId);
    expect(authorInbox.filter((row) => row.kind === "REVIEW_COMMENT")).toEqual([
      { kind: "REVIEW_COMMENT", href: `/coes/${coeId}#thread-${thread.id}`, title: expect.stringContaining("Riley Reviewer commented on") },
    ]);
    const reviewerInbox = await notificationsOf(world.users.reviewer.userId);
    expect(reviewerInbox.filter((row) => row.kind === "REVIEW_COMMENT")).toHaveLength(1);
  });

  it("leaves out users who opted out of the kind", async () => {
    const world = await coeWorld();
    await testDb.notificationOptOut.create({ data: { userId: world.users.reviewer.userId, kind: "COE_SUBMITTED" } });
    await submittedCoe(world);
    expect(await notificationsOf(world.users.reviewer.userId)).toEqual([]);
  });

  it("when the last action is done: the team's reviewers are asked to verify it, the authors hear the COE closed; nobody else, never the actor", async () => {
    const world = await coeWorld();
    const coeId = await approvedCoe(world);
    const { author, reviewer, outsider, admin } = world.users;
    const action = await testDb.correctiveAction.findFirstOrThrow({ where: { coeId }, select: { id: true, version: true } });
    await changeCorrectiveActionStatus(admin, { actionId: action.id, version: action.version, status: "DONE", evidence: "Renewal is automated: PR 12" });
    expect((await testDb.coe.findUniqueOrThrow({ where: { id: coeId } })).status).toBe("CLOSED");

    const kinds = async (userId: string) =>
      (await notificationsOf(userId)).filter((row) => row.kind === "COE_CLOSED" || row.kind === "ACTION_AWAITING_VERIFICATION");
    expect(await kinds(reviewer.userId)).toEqual([
      { kind: "ACTION_AWAITING_VERIFICATION", href: `/actions/${action.id}`, title: "“Automate certificate renewal” is done: verify that it worked" },
    ]);
    expect(await kinds(author.userId)).toEqual([
      { kind: "COE_CLOSED", href: `/coes/${coeId}`, title: "“Checkout failed for card payments” is closed: every corrective action is finished" },
    ]);
    expect(await kinds(outsider.userId)).toEqual([]);
    expect(await kinds(admin.userId)).toEqual([]);
  });

  it("the author who finishes the last action is not told their own COE closed", async () => {
    const world = await coeWorld();
    const coeId = await approvedCoe(world);
    const action = await testDb.correctiveAction.findFirstOrThrow({ where: { coeId }, select: { id: true, version: true } });
    await changeCorrectiveActionStatus(world.users.author, { actionId: action.id, version: action.version, status: "DONE", evidence: "PR 12" });
    expect((await testDb.coe.findUniqueOrThrow({ where: { id: coeId } })).status).toBe("CLOSED");
    expect((await notificationsOf(world.users.author.userId)).map((row) => row.kind)).not.toContain("COE_CLOSED");
    expect((await notificationsOf(world.users.reviewer.userId)).map((row) => row.kind)).toContain("ACTION_AWAITING_VERIFICATION");
  });
});
