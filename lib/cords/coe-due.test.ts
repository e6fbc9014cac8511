// "COE due" reminders against the test database: a customer-facing cord without a COE past draft
// climbs the org tree by the organization's grace days, each level once, even when runs overlap.
import { afterAll, describe, expect, it } from "vitest";
import { sendCoeDueReminders } from "@/lib/cords/coe-due";
import { cordWorld, testDb } from "@/lib/cords/test-fixtures";

afterAll(() => testDb.$disconnect());

const DAY_MS = 24 * 60 * 60 * 1000;

describe("COE due reminders", () => {
  it("tells the owning team, then escalates to the managers above after the grace days, once per level under concurrent runs", async () => {
    const world = await cordWorld();
    const now = new Date();
    const cord = (fields: { resolvedDaysAgo: number; severity?: "CUSTOMER_DEFECT" | "STOP_DEPLOYS"; coeStatus?: "DRAFT" | "IN_REVIEW" }) =>
      testDb.$transaction(async (tx) => {
        const coe = fields.coeStatus
          ? await tx.coe.create({
              data: { organizationId: world.org.id, teamId: world.teams.shop.id, title: "Checkout broke", severity: "SEV2", status: fields.coeStatus },
            })
          : null;
        return tx.cord.create({
          data: {
            organizationId: world.org.id,
            serviceId: world.service.id,
            teamId: world.teams.shop.id,
            severity: fields.severity ?? "CUSTOMER_DEFECT",
            problem: "Prices show as 0",
            pulledById: world.users.viewer.userId,
            pulledAt: new Date(now.getTime() - (fields.resolvedDaysAgo + 1) * DAY_MS),
            resolvedAt: new Date(now.getTime() - fields.resolvedDaysAgo * DAY_MS),
            coeId: coe?.id ?? null,
          },
        });
      });
    // Grace days 0 / 7 / 14: three days after resolving, level 0; ten days, escalated to Retail's managers.
    const fresh = await cord({ resolvedDaysAgo: 3 });
    const late = await cord({ resolvedDaysAgo: 10, coeStatus: "DRAFT" });
    const covered = await cord({ resolvedDaysAgo: 10, coeStatus: "IN_REVIEW" });
    const stopOnly = await cord({ resolvedDaysAgo: 10, severity: "STOP_DEPLOYS" });

    await Promise.all([sendCoeDueReminders(now), sendCoeDueReminders(now), sendCoeDueReminders(now)]);
    await sendCoeDueReminders(now);

    const received = async (cordId: string) =>
      (
        await testDb.notification.findMany({
          where: { kind: "CORD_COE_DUE", href: `/cords/${cordId}` },
          select: { userId: true, title: true },
          orderBy: [{ userId: "asc" }, { title: "asc" }],
        })
      ).map((row) => [row.userId, row.title.startsWith("Escalated") ? "escalated" : "due"]);
    const { member, manager, retailManager, viewer, outsider } = world.users;
    // Level 0 is who hears of the cord itself: the owning team and the managers above it.
    const told = [member.userId, manager.userId, retailManager.userId].map((userId) => [userId, "due"]);
    expect((await received(fresh.id)).sort()).toEqual(told.sort());
    expect((await received(late.id)).sort()).toEqual([...told, [retailManager.userId, "escalated"]].sort());
    expect(await received(covered.id)).toEqual([]);
    expect(await received(stopOnly.id)).toEqual([]);
    const everyone = (await received(late.id)).map(([userId]) => userId);
    expect(everyone).not.toContain(viewer.userId);
    expect(everyone).not.toContain(outsider.userId);
  });
});
