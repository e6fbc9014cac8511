// Follow-up health (aggregated in SQL) and the organization's grace periods, against the test database.
import { afterAll, describe, expect, it } from "vitest";
import { followUpHealth, escalationView } from "@/lib/actions/follow-up";
import { setEscalationGraceDays } from "@/lib/actions/grace-days";
import { actionWorld, daysFromToday, testDb, userFor } from "@/lib/actions/test-fixtures";
import { ForbiddenError } from "@/lib/errors";
import { createUser } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

describe("followUpHealth", () => {
  it("counts open and overdue actions, the median age, and close rates over 30 and 90 days", async () => {
    const world = await actionWorld();
    const teams = [world.teams.retail.id, world.teams.checkout.id, world.teams.payments.id];
    const now = new Date();
    const created = (days: number) => new Date(now.getTime() + days * 86_400_000);
    const make = (data: { createdAt: Date; dueDate: Date; status?: "OPEN" | "DONE" | "WONT_DO"; completedAt?: Date | null; updatedAt?: Date }) =>
      testDb.correctiveAction.create({
        data: { organizationId: world.org.id, teamId: world.teams.payments.id, title: "x", type: "PREVENT", status: data.status ?? "OPEN", ...data },
      });
    await make({ createdAt: created(-10), dueDate: daysFromToday(-2) }); // open, overdue, 10 days old
    await make({ createdAt: created(-20), dueDate: daysFromToday(5) }); // open, 20 days old
    await make({ createdAt: created(-40), dueDate: daysFromToday(-30), status: "DONE", completedAt: created(-5) }); // closed in the last 30 days
    await make({ createdAt: created(-100), dueDate: daysFromToday(-80), status: "DONE", completedAt: created(-60) }); // closed in the last 90 days only
    await make({ createdAt: created(-50), dueDate: daysFromToday(-40), status: "WONT_DO", updatedAt: created(-3) }); // given up 3 days ago: finished at its last change
    await make({ createdAt: created(-300), dueDate: daysFromToday(-200), status: "DONE", completedAt: created(-200) }); // long ago: in neither window
    const health = await followUpHealth(world.org.id, teams, now);
    expect(health.open).toBe(2);
    expect(health.overdue).toBe(1);
    expect(health.medianAgeDays).toBeCloseTo(15, 1);
    // 30 days: 2 finished of the 4 open at some time in the window; 90 days: 3 of 5.
    expect(health.closeRate30).toBeCloseTo(2 / 4);
    expect(health.closeRate90).toBeCloseTo(3 / 5);
    expect(await followUpHealth(world.org.id, [world.teams.platform.id], now)).toEqual({
      open: 0,
      overdue: 0,
      medianAgeDays: null,
      closeRate30: null,
      closeRate90: null,
    });
  });
});

describe("escalation grace periods", () => {
  it("are set by admins only and move actions up the tree sooner", async () => {
    const world = await actionWorld();
    const action = await world.action("Four days late", -4);
    const before = await escalationView(world.users.retailManager, world.teams.retail.id);
    expect(before?.escalated.map((entry) => entry.action.id)).toEqual([]);
    await expect(setEscalationGraceDays(world.users.retailManager, [0, 1, 2])).rejects.toThrow(ForbiddenError);
    const admin = await userFor((await createUser(testDb, world.org.id, { isAdmin: true, passwordHash: "x" })).id);
    expect(await setEscalationGraceDays(admin, [2, 0, 1])).toEqual({ graceDays: [0, 1, 2] });
    const after = await escalationView(world.users.retailManager, world.teams.retail.id);
    expect(after?.escalated.map((entry) => entry.action.id)).toEqual([action.id]);
  });
});
