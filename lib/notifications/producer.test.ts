// The reminder job against the test database: each notification is created once, however often
// the job runs, and also across a restart of the job queue (pg-boss on the same PostgreSQL).
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { REMINDER_QUEUE, registerReminderJob } from "@/lib/jobs/reminders";
import { produceNotifications } from "@/lib/notifications/producer";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";

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
    const kinds = (userId: string) => first.filter((row) => row.userId === userId).map((row) => `${row.kind}:${row.actionId === dueSoon.id ? "dueSoon" : "overdue"}`);
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
    const restricted = await testDb.coe.create({ data: { organizationId: world.org.id, teamId: world.teams.payments.id, title: "Restricted", severity: "SEV1", status: "APPROVED", restricted: true } });
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
