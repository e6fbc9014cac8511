// Home's blocks read with hand-written SQL (rows and total in one statement); they must pick the
// same rows as the Prisma rules their list pages use (visibleCoesWhere, visibleActionsWhere).
import { afterAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { visibleActionsWhere } from "@/lib/actions/access";
import { actionWorld, daysFromToday, testDb, userFor } from "@/lib/actions/test-fixtures";
import { createUser } from "@/prisma/seed/factories";
import { visibleCoesWhere } from "@/lib/coes/access";
import {
  actionsAwaitingMyVerification,
  coesAwaitingMyReview,
  expiringVerificationsForHome,
  myDueActions,
  myNextReviews,
  myOpenCoes,
  openFindingsForHome,
} from "@/lib/home/queries";
import { enforcedRule, policyWorld } from "@/lib/policies/test-fixtures";
import { teamsWith } from "@/lib/permissions";

afterAll(() => testDb.$disconnect());

async function reviewQueueByPrisma(user: CurrentUser) {
  const reviewable = teamsWith(user, "coe.review");
  const rows = await testDb.coe.findMany({
    where: {
      AND: [
        visibleCoesWhere(user),
        { status: "IN_REVIEW" },
        reviewable === "all" ? {} : { teamId: { in: reviewable } },
        { NOT: { OR: [{ createdById: user.userId }, { authors: { some: { userId: user.userId } } }] } },
      ],
    },
    orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

async function verificationQueueByPrisma(user: CurrentUser) {
  const verifiable = teamsWith(user, "action.verify");
  const rows = await testDb.correctiveAction.findMany({
    where: { AND: [visibleActionsWhere(user), { status: "DONE" }, verifiable === "all" ? {} : { teamId: { in: verifiable } }] },
    orderBy: [{ completedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

describe("home blocks", () => {
  it("queue the COEs in review the caller may review, not their own, oldest submission first, with the total", async () => {
    const world = await actionWorld();
    const { payments, platform } = world.teams;
    const inReview = (teamId: string, title: string, submittedDaysAgo: number | null, createdById: string | null = world.users.owner.userId) =>
      testDb.coe.create({
        data: {
          organizationId: world.org.id,
          teamId,
          title,
          severity: "SEV3",
          status: "IN_REVIEW",
          submittedAt: submittedDaysAgo === null ? null : daysFromToday(-submittedDaysAgo),
          createdById,
        },
      });
    const newer = await inReview(payments.id, "Newer", 1);
    const older = await inReview(payments.id, "Older", 5);
    const unsubmitted = await inReview(payments.id, "No submission time", null);
    await inReview(payments.id, "Written by the reviewer", 9, world.users.reviewer.userId);
    const authored = await inReview(payments.id, "Co-authored by the reviewer", 8);
    await testDb.coeAuthor.create({ data: { coeId: authored.id, userId: world.users.reviewer.userId } });
    await inReview(platform.id, "Another subtree", 7);

    const queue = await coesAwaitingMyReview(world.users.reviewer);
    expect(queue?.rows.map((row) => row.id)).toEqual([older.id, newer.id, unsubmitted.id]);
    expect(queue?.rows.map((row) => row.id)).toEqual(await reviewQueueByPrisma(world.users.reviewer));
    expect(queue?.total).toBe(3);
    // A COE whose writer's account is gone still waits for review (Prisma's NOT (creator = me) dropped it).
    const orphan = await inReview(payments.id, "Writer deleted", 3, null);
    expect((await coesAwaitingMyReview(world.users.reviewer))?.rows.map((row) => row.id)).toEqual([older.id, orphan.id, newer.id, unsubmitted.id]);
    expect(queue?.rows[0]).toMatchObject({ title: "Older", severity: "SEV3", status: "IN_REVIEW", team: { name: "Payments" } });
    // A member reviews nothing: no block.
    expect(await coesAwaitingMyReview(world.users.owner)).toBeNull();
  });

  it("list the caller's drafts and COEs in review, changes requested first, then drafts going stale, with how many need them", async () => {
    const world = await actionWorld();
    const { owner, paymentsManager } = world.users;
    const coe = async (title: string, status: "DRAFT" | "IN_REVIEW" | "APPROVED", updatedDaysAgo: number, createdById: string = owner.userId) => {
      const row = await testDb.coe.create({
        data: { organizationId: world.org.id, teamId: world.teams.payments.id, title, severity: "SEV3", status, createdById },
      });
      await testDb.$executeRaw`UPDATE coes SET updated_at = ${daysFromToday(-updatedDaysAgo)} WHERE id = ${row.id}`;
      return row;
    };
    const inReview = await coe("In review", "IN_REVIEW", 20);
    const fresh = await coe("Fresh draft", "DRAFT", 1);
    const stale = await coe("Stale draft", "DRAFT", 12);
    const sentBack = await coe("Sent back", "DRAFT", 2);
    await testDb.coeReview.create({
      data: { coeId: sentBack.id, reviewerId: world.users.reviewer.userId, decision: "CHANGES_REQUESTED", note: "More data", version: 2 },
    });
    const coAuthored = await coe("Co-authored", "DRAFT", 3, paymentsManager.userId);
    await testDb.coeAuthor.create({ data: { coeId: coAuthored.id, userId: owner.userId } });
    await coe("Approved", "APPROVED", 1);
    await coe("Someone else's draft", "DRAFT", 30, paymentsManager.userId);

    const mine = await myOpenCoes(owner);
    expect(mine?.rows.map((row) => row.title)).toEqual([sentBack, stale, coAuthored, fresh, inReview].map((row) => row.title));
    expect(mine?.rows.map((row) => [row.changesRequested, row.staleDays])).toEqual([
      [true, 0],
      [false, 12],
      [false, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(mine).toMatchObject({ total: 5, needsMe: 2 });
    // Someone who writes COEs nowhere and has none gets no block; a manager with none gets an empty one.
    const viewer = await createUser(testDb, world.org.id, {
      name: "Vic Viewer",
      memberships: [{ teamId: world.teams.payments.id, role: "VIEWER" }],
      passwordHash: "not-a-real-hash",
    });
    expect(await myOpenCoes(await userFor(viewer.id))).toBeNull();
    expect(await myOpenCoes(world.users.outsider)).toMatchObject({ rows: [], total: 0, needsMe: 0 });
  });

  it("list the caller's actions due within a week and count all they own open", async () => {
    const world = await actionWorld();
    const overdue = await world.action("Overdue", -3);
    const soon = await world.action("Due in five days", 5);
    await world.action("Due next month", 30);
    const done = await world.action("Done already", -1);
    await testDb.correctiveAction.update({ where: { id: done.id }, data: { status: "DONE", completedAt: daysFromToday(-1) } });
    await world.action("Someone else's", -2, { ownerId: world.users.paymentsManager.userId });

    const due = await myDueActions(world.users.owner);
    expect(due?.rows.map((row) => row.id)).toEqual([overdue.id, soon.id]);
    expect(due?.rows.map((row) => row.overdue)).toEqual([true, false]);
    expect(due).toMatchObject({ overdue: 1, ownedOpen: 3 });
    expect(due?.rows[0]).toMatchObject({ team: { name: "Payments" }, owner: { name: "Olu Owner" }, priority: "HIGH" });
    // The outsider owns nothing here and sees nothing.
    expect((await myDueActions(world.users.outsider))?.rows ?? []).toEqual([]);
  });

  it("queue done actions for those who verify, as the Prisma rule does, with the total", async () => {
    const world = await actionWorld();
    const first = await world.action("Finished first", -10);
    const second = await world.action("Finished second", -5);
    await world.action("Still open", 3);
    for (const [action, daysAgo] of [
      [first, 4],
      [second, 2],
    ] as const) {
      await testDb.correctiveAction.update({ where: { id: action.id }, data: { status: "DONE", completedAt: daysFromToday(-daysAgo) } });
    }
    for (const user of [world.users.reviewer, world.users.retailManager, world.users.paymentsManager]) {
      const queue = await actionsAwaitingMyVerification(user);
      expect(queue?.rows.map((row) => row.id)).toEqual(await verificationQueueByPrisma(user));
      expect(queue?.total).toBe(2);
    }
    expect((await actionsAwaitingMyVerification(world.users.reviewer))?.rows.map((row) => row.id)).toEqual([first.id, second.id]);
    expect(await actionsAwaitingMyVerification(world.users.owner)).toBeNull();
    const outsiders = await actionsAwaitingMyVerification(world.users.outsider);
    expect(outsiders?.rows ?? []).toEqual([]);
  });

  it("show the reviews of the caller's own teams and the teams above them, else those they can read", async () => {
    const world = await actionWorld();
    const { retail, checkout, payments, platform } = world.teams;
    for (const team of [retail, checkout, payments, platform]) {
      await testDb.reviewSeries.create({
        data: { organizationId: world.org.id, teamId: team.id, name: `${team.name} weekly`, weekday: 3, startMinute: 600, timeZone: "UTC", lengthMinutes: 90 },
      });
    }
    const names = async (user: CurrentUser) => (await myNextReviews(user)).rows.map((row) => row.name);
    // A member of Payments submits to Checkout's and Retail's reviews, not to Platform's.
    expect(await names(world.users.owner)).toEqual(["Checkout weekly", "Payments weekly", "Retail weekly"]);
    expect(await names(world.users.outsider)).toEqual(["Platform weekly"]);
  });

  it("list open findings of enforced rules in the caller's own subtrees, most severe first, and verifications expiring there soonest first", async () => {
    const world = await policyWorld();
    const organizationId = world.org.id;
    const critical = await enforcedRule(organizationId);
    const low = await testDb.policyRule.update({ where: { id: (await enforcedRule(organizationId)).id }, data: { severity: "LOW" } });
    const draft = await testDb.policyRule.update({ where: { id: (await enforcedRule(organizationId)).id }, data: { status: "DRAFT" } });
    const finding = (ruleId: string, service: { id: string; teamId: string }, openedDaysAgo: number, status: "OPEN" | "RESOLVED" = "OPEN") =>
      testDb.policyFinding.create({
        data: {
          organizationId,
          ruleId,
          serviceId: service.id,
          teamId: service.teamId,
          status,
          firstOpenedAt: daysFromToday(-openedDaysAgo),
          openedAt: daysFromToday(-openedDaysAgo),
          lastEvaluatedAt: new Date(),
        },
      });
    const lowOnWeb = await finding(low.id, world.web, 30);
    const criticalOnCart = await finding(critical.id, world.cart, 2);
    const criticalOnWeb = await finding(critical.id, world.web, 5);
    await finding(draft.id, world.cart, 9);
    await finding(low.id, world.cart, 9, "RESOLVED");
    await finding(critical.id, world.infra, 40);

    const dimension = await testDb.verificationDimension.create({ data: { organizationId, key: `dr-${organizationId.slice(-6)}`, name: "Disaster recovery" } });
    const dimensionTwo = await testDb.verificationDimension.create({ data: { organizationId, key: `az-${organizationId.slice(-6)}`, name: "Multi-AZ" } });
    const verification = (service: { id: string }, dimensionId: string, expiresInDays: number, result: "PASSED" | "FAILED" = "PASSED") =>
      testDb.serviceVerification.create({
        data: {
          organizationId,
          serviceId: service.id,
          dimensionId,
          result,
          verifiedAt: daysFromToday(-80),
          expiresAt: daysFromToday(expiresInDays),
          updatedAt: new Date(),
        },
      });
    await verification(world.cart, dimension.id, 10);
    await verification(world.web, dimension.id, 3);
    await verification(world.cart, dimensionTwo.id, 40); // outside the 14-day window
    await verification(world.web, dimensionTwo.id, -2); // already expired
    await verification(world.infra, dimension.id, 1); // another subtree

    const retailManager = await userFor(world.retailManager.id);
    const findings = await openFindingsForHome(retailManager);
    expect(findings?.rows.map((row) => row.id)).toEqual([criticalOnWeb.id, criticalOnCart.id, lowOnWeb.id]);
    expect(findings?.total).toBe(3);
    expect(findings?.rows[0]).toMatchObject({ serviceName: world.web.name, ruleName: critical.name, severity: "CRITICAL", teamName: "Retail" });
    const expiring = await expiringVerificationsForHome(retailManager);
    expect(expiring?.rows.map((row) => [row.serviceName, row.dimensionName])).toEqual([
      [world.web.name, "Disaster recovery"],
      [world.cart.name, "Disaster recovery"],
    ]);
    expect(expiring?.total).toBe(2);

    // A member of Checkout sees Checkout's only; an admin on no team gets neither block.
    const member = await userFor(world.member.id);
    expect((await openFindingsForHome(member))?.rows.map((row) => row.id)).toEqual([criticalOnCart.id]);
    expect((await expiringVerificationsForHome(member))?.rows.map((row) => row.serviceName)).toEqual([world.cart.name]);
    const admin = await userFor(world.admin.id);
    expect(await openFindingsForHome(admin)).toBeNull();
    expect(await expiringVerificationsForHome(admin)).toBeNull();
  });
});
