// The cord figures on the metrics page against the test database: rolled up the tree, time stopped
// over the resolved cords, blocked deploys and overrides counted, per service and per week.
import { afterAll, describe, expect, it } from "vitest";
import { cordMetrics } from "@/lib/cords/metrics";
import { cordWorld, testDb } from "@/lib/cords/test-fixtures";
import { scopeFor } from "@/lib/metrics/scope";
import { createService } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

const HOUR = 3_600_000;

describe("cord metrics", () => {
  it("counts a subtree's cords per team, per service and per week, with time stopped, blocked deploys and overrides", async () => {
    const world = await cordWorld();
    const { retail, shop, platform } = world.teams;
    const now = new Date("2026-11-26T12:00:00Z");
    const storefront = await createService(testDb, world.org.id, retail.id, { name: `storefront-${world.service.name}` });
    const dns = await createService(testDb, world.org.id, platform.id, { name: `dns-${world.service.name}` });
    const cord = async (
      serviceId: string,
      teamId: string,
      pulledAt: Date,
      hours: number | null,
      extra: { blocked?: number; overrides?: number; customer?: boolean } = {},
    ) => {
      const row = await testDb.cord.create({
        data: {
          organizationId: world.org.id,
          serviceId,
          teamId,
          severity: extra.customer ? "CUSTOMER_DEFECT" : "STOP_DEPLOYS",
          problem: "Broken",
          pulledAt,
          resolvedAt: hours === null ? null : new Date(pulledAt.getTime() + hours * HOUR),
          openServiceId: hours === null ? serviceId : null,
        },
      });
      for (let index = 0; index < (extra.blocked ?? 0); index++)
        await testDb.cordEvent.create({ data: { cordId: row.id, kind: "DEPLOY_BLOCKED", deployRef: `sha-${index}` } });
      for (let index = 0; index < (extra.overrides ?? 0); index++)
        await testDb.cordOverride.create({ data: { serviceId, cordId: row.id, justification: "Fix", expiresAt: new Date(pulledAt.getTime() + HOUR) } });
      return row;
    };
    await cord(world.service.id, shop.id, new Date("2026-11-24T08:00:00Z"), 1, { blocked: 3, overrides: 1, customer: true });
    await cord(world.service.id, shop.id, new Date("2026-11-17T08:00:00Z"), 3);
    await cord(storefront.id, retail.id, new Date("2026-11-25T08:00:00Z"), null, { blocked: 2 });
    await cord(world.service.id, shop.id, new Date("2026-06-01T08:00:00Z"), 5); // outside the 30-day window
    await cord(dns.id, platform.id, new Date("2026-11-24T08:00:00Z"), 2); // another subtree

    const teams = await testDb.team.findMany({ where: { organizationId: world.org.id }, select: { id: true, name: true, parentId: true } });
    const metrics = await cordMetrics(scopeFor(world.org.id, teams, retail.id), 30, now);

    expect(metrics.figures).toMatchObject({ cords: 3, stillStopped: 1, blockedDeploys: 5, overrides: 1, customerFacing: 1, coeDue: 1 });
    // Median and p90 over the two resolved cords (1 h and 3 h), by linear interpolation.
    expect(metrics.figures.stopped.median).toBe(2 * 3600);
    expect(metrics.figures.stopped.p90).toBeCloseTo(2.8 * 3600);
    expect(metrics.teams.map((row) => [row.name, row.depth, row.cords, row.blockedDeploys])).toEqual([
      ["Retail", 0, 3, 5],
      ["Shop", 1, 2, 3],
    ]);
    expect(metrics.services.map((row) => [row.name, row.cords, row.stillStopped])).toEqual([
      [world.service.name, 2, false],
      [storefront.name, 1, true],
    ]);
    expect(metrics.services[0]!.stoppedSec).toBe(4 * 3600);
    const weeks = Object.fromEntries(metrics.weeks.map((week) => [week.week, week.cords]));
    expect(weeks).toMatchObject({ "2026-W47": 1, "2026-W48": 2, "2026-W46": 0 });
    expect(metrics.weeks.at(-1)!.week).toBe("2026-W48");
    expect(JSON.stringify(metrics)).not.toContain(dns.id);
  });
});
