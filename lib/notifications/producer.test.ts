// The reminder job against the test database: each notification is created once, however often
// the job runs, and also across a restart of the job queue (pg-boss on the same PostgreSQL).
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { REMINDER_QUEUE, registerReminderJob } from "@/lib/jobs/reminders";
import { produceNotifications } from "@/lib/notifications/producer";
import { actionWorld, daysFromToday, testDb } from "@/lib/actions/test-fixtures";
import { createUser } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

type World = Awaited<ReturnType<typeof actionWorld>>;

async function notificationsOf(world: World) {
  const rows = await testDb.notification.findMany({
    where: { organizationId: world.org.id },
    select: { userId: true, actionId: true, kind: true, dedupeKey: true },
    orderBy: [{ kind: "asc" }, { userId: "asc" }, { actionId: "asc" }],
  });
  return rows;
}

async function seedActions(world: World) {
  const dueSoon = await world.action("Due in two days", 2);
  const overdue = await world.action("Overdue ten days", -10);
  const fresh = await testDb.correctiveAction.update({ where: { id: dueSoon.id }, data: { assignedAt: new Date() } });
  return { dueSoon: fresh, overdue };
}

describe("produceNotifications", () => {
  it("creates assignment, due-soon, overdue and escalation notifications once across repeated runs", async () => {
    const world = await actionWorld();
    const { dueSoon, overdue } = await seedActions(world);
    await produceNotifications();
    const first = await notificationsOf(world);
    const kinds = (userId: string) =>
      first.filter((row) => row.userId === userId).map((row) => `${row.kind}:${row.actionId === dueSoon.id ? "dueSoon" : "overdue"}`);
    expect(kinds(world.users.owner.userId).sort()).toEqual(["ASSIGNED:dueSoon", "DUE_SOON:dueSoon", "OVERDUE:overdue"]);
    // 10 days overdue with grace 0/7/14: level 1, the parent team's (Checkout) manager — none, so the next one up (Retail).
    expect(kinds(world.users.retailManager.userId)).toEqual(["ESCALATED:overdue"]);
    expect(kinds(world.users.paymentsManager.userId)).toEqual([]);
    expect(kinds(world.users.outsider.userId)).toEqual([]);

    await produceNotifications();
    await produceNotifications();
    expect(await notificationsOf(world)).toEqual(first);
    expect(overdue.id).toBeTruthy();
  });

  it("escalates to the owning team's manager first, then higher as the action ages", async () => {
    const world = await actionWorld();
    const action = await world.action("Three days late", -3);
    await produceNotifications();
    const escalated = await testDb.notification.findMany({ where: { actionId: action.id, kind: "ESCALATED" }, select: { userId: true } });
    expect(escalated.map((row) => row.userId)).toEqual([world.users.paymentsManager.userId]);
  });

  it("asks the owning team's manager to decide a won't-do request, once per request", async () => {
    const world = await actionWorld();
    const action = await world.action("Maybe never", 10);
    const requestedAt = new Date();
    await testDb.correctiveAction.update({ where: { id: action.id }, data: { wontDoRequestedAt: requestedAt, wontDoReason: "Superseded" } });
    await produceNotifications();
    await produceNotifications();
    const rows = await testDb.notification.findMany({ where: { actionId: action.id, kind: "WONT_DO_REQUESTED" }, select: { userId: true, dedupeKey: true } });
    expect(rows).toEqual([{ userId: world.users.paymentsManager.userId, dedupeKey: requestedAt.toISOString() }]);
  });

  it("tells no owner about an action they may not see (a restricted COE's, owned outside its team)", async () => {
    const world = await actionWorld();
    const restricted = await testDb.coe.create({
      data: { organizationId: world.org.id, teamId: world.teams.payments.id, title: "Restricted", severity: "SEV1", status: "APPROVED", restricted: true },
    });
    const hidden = await world.action("Hidden from the outsider", -3, { coeId: restricted.id, ownerId: world.users.outsider.userId });
    await produceNotifications();
    const rows = await testDb.notification.findMany({ where: { actionId: hidden.id }, select: { userId: true, kind: true } });
    expect(rows).toEqual([{ userId: world.users.paymentsManager.userId, kind: "ESCALATED" }]);
  });

  it("runs as a pg-boss job and creates nothing new after the queue restarts", async () => {
    const world = await actionWorld();
    await seedActions(world);
    const runJobOnce = async () => {
      const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: 2 });
      await boss.start();
      await registerReminderJob(boss, 15);
      const jobId = await boss.send(REMINDER_QUEUE, {});
      // The worker polls; wait until this job (or the startup job) has completed.
      for (let attempt = 0; attempt < 60; attempt += 1) {
        const job = jobId ? await boss.getJobById(REMINDER_QUEUE, jobId) : null;
        if (!jobId || job?.state === "completed") break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    };
    await runJobOnce();
    const afterFirst = await notificationsOf(world);
    expect(afterFirst.length).toBe(4);
    await runJobOnce(); // a restart: a new queue instance, the same database
    expect(await notificationsOf(world)).toEqual(afterFirst);
  }, 60_000);
});

// After a full pass, a run the same day re-plans only what changed (reminder-scope.ts). To prove a
// change was found by the rule under test, the rows it did not touch are made to look old: an
// incremental pass re-plans actions (and COEs) updated within a few minutes before the last run.
async function lookOld(actionIds: string[], coeIds: string[] = []) {
  await testDb.$executeRaw`UPDATE corrective_actions SET updated_at = updated_at - interval '1 hour' WHERE id = ANY(${actionIds}::text[])`;
  if (coeIds.length > 0) await testDb.$executeRaw`UPDATE coes SET updated_at = updated_at - interval '1 hour' WHERE id = ANY(${coeIds}::text[])`;
}

/** "KIND:userId" for each notification about the action, sorted. */
const noticesOf = async (actionId: string) =>
  (await testDb.notification.findMany({ where: { actionId }, select: { userId: true, kind: true } })).map((row) => `${row.kind}:${row.userId}`).sort();

describe("produceNotifications between daily full passes", () => {
  it("re-plans an action changed through the app on the next run, and a change nobody recorded on the next UTC day", async () => {
    const world = await actionWorld();
    const changed = await world.action("Pulled in through the app", 30, { coeId: null });
    const unrecorded = await world.action("Pulled in behind the app's back", 30, { coeId: null });
    await lookOld([changed.id, unrecorded.id]);
    await produceNotifications();
    expect(await testDb.notification.count({ where: { actionId: { in: [changed.id, unrecorded.id] } } })).toBe(0);

    await testDb.correctiveAction.update({ where: { id: changed.id }, data: { dueDate: daysFromToday(1) } });
    // A raw fix leaves updated_at alone: only the next day's full pass sees it.
    await testDb.$executeRaw`UPDATE corrective_actions SET due_date = ${daysFromToday(1)}::date WHERE id = ${unrecorded.id}`;
    await produceNotifications();
    expect(await noticesOf(changed.id)).toEqual([`DUE_SOON:${world.users.owner.userId}`]);
    expect(await noticesOf(unrecorded.id)).toEqual([]);

    await produceNotifications(new Date(Date.now() + 86_400_000));
    expect(await noticesOf(unrecorded.id)).toEqual([`DUE_SOON:${world.users.owner.userId}`]);
    expect(await noticesOf(changed.id)).toEqual([`DUE_SOON:${world.users.owner.userId}`]);
  });

  it("tells a manager who joins the same day about escalations that now reach them", async () => {
    const world = await actionWorld();
    // Ten days late: level 1, the Checkout team, which has no manager yet, so Retail's hears.
    const late = await world.action("Ten days late", -10);
    await lookOld([late.id], [world.coe.id]);
    await produceNotifications();
    expect(await noticesOf(late.id)).toEqual([`ESCALATED:${world.users.retailManager.userId}`, `OVERDUE:${world.users.owner.userId}`]);

    const cleo = await createUser(testDb, world.org.id, {
      name: "Cleo Checkout-Manager",
      memberships: [{ teamId: world.teams.checkout.id, role: "MANAGER" }],
      passwordHash: "not-a-real-hash",
    });
    await produceNotifications();
    expect(await noticesOf(late.id)).toEqual(
      [`ESCALATED:${cleo.id}`, `ESCALATED:${world.users.retailManager.userId}`, `OVERDUE:${world.users.owner.userId}`].sort(),
    );
  });

  it("tells an owner about a restricted COE's action once they join its team, or once the COE is opened up", async () => {
    const world = await actionWorld();
    const restricted = await testDb.coe.create({
      data: { organizationId: world.org.id, teamId: world.teams.payments.id, title: "Restricted", severity: "SEV1", status: "APPROVED", restricted: true },
    });
    const joins = await world.action("Owner joins the team", -3, { coeId: restricted.id, ownerId: world.users.outsider.userId });
    const otherCoe = await testDb.coe.create({
      data: {
        organizationId: world.org.id,
        teamId: world.teams.payments.id,
        title: "Restricted, then not",
        severity: "SEV1",
        status: "APPROVED",
        restricted: true,
      },
    });
    const stranger = await createUser(testDb, world.org.id, {
      name: "Sam Stranger",
      memberships: [{ teamId: world.teams.platform.id, role: "MEMBER" }],
      passwordHash: "not-a-real-hash",
    });
    const opened = await world.action("COE opened up", -3, { coeId: otherCoe.id, ownerId: stranger.id });
    await lookOld([joins.id, opened.id], [restricted.id, otherCoe.id]);
    await produceNotifications();
    const ownerNotices = async (actionId: string, userId: string) => (await noticesOf(actionId)).filter((notice) => notice.endsWith(`:${userId}`));
    expect(await ownerNotices(joins.id, world.users.outsider.userId)).toEqual([]);
    expect(await ownerNotices(opened.id, stranger.id)).toEqual([]);

    await testDb.membership.create({ data: { userId: world.users.outsider.userId, teamId: world.teams.payments.id, role: "MEMBER" } });
    await testDb.coe.update({ where: { id: otherCoe.id }, data: { restricted: false } });
    await produceNotifications();
    expect(await ownerNotices(joins.id, world.users.outsider.userId)).toEqual([`OVERDUE:${world.users.outsider.userId}`]);
    expect(await ownerNotices(opened.id, stranger.id)).toEqual([`OVERDUE:${stranger.id}`]);
  });

  it("plans every open action when they come in several batches", async () => {
    const world = await actionWorld();
    const actions = [];
    for (let index = 0; index < 5; index += 1) actions.push(await world.action(`Batch ${index}`, -1));
    await produceNotifications(new Date(), { batchSize: 2 });
    const overdue = await testDb.notification.findMany({
      where: { actionId: { in: actions.map((action) => action.id) }, kind: "OVERDUE" },
      select: { actionId: true },
    });
    expect(overdue.map((row) => row.actionId).sort()).toEqual(actions.map((action) => action.id).sort());
  });
});
