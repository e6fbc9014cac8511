// The frame's banner and the "Line stopped" badges read the same open cords once per request and
// filter them: each must still show only its own scope.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { pullCord, resolveCord } from "@/lib/cords/mutations";
import { openCordsForBanner, stoppedServiceIds } from "@/lib/cords/queries";
import { cordWorld, testDb } from "@/lib/cords/test-fixtures";
import { createService } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

const report = { problem: "Checkout answers 500", customerImpact: "", severity: "STOP_DEPLOYS" as const, link: null };

describe("open cords of a request", () => {
  it("banner shows the stops of the caller's subtree, newest first; badges filter by service or team", async () => {
    const world = await cordWorld();
    const infra = await createService(testDb, world.org.id, world.teams.platform.id, { name: `infra-${randomUUID().slice(0, 6)}` });
    const quiet = await createService(testDb, world.org.id, world.teams.shop.id, { name: `quiet-${randomUUID().slice(0, 6)}` });
    const resolved = await createService(testDb, world.org.id, world.teams.shop.id, { name: `fixed-${randomUUID().slice(0, 6)}` });
    const { cord: shopCord } = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    const { cord: infraCord } = await pullCord(world.users.viewer, { ...report, serviceId: infra.id });
    const { cord: fixed } = await pullCord(world.users.viewer, { ...report, serviceId: resolved.id });
    await resolveCord(world.users.manager, { cordId: fixed.id, resolutionNote: "Rolled back" });

    expect((await openCordsForBanner(world.users.retailManager)).rows.map((row) => row.id)).toEqual([shopCord.id]);
    expect((await openCordsForBanner(world.users.outsider)).rows.map((row) => row.id)).toEqual([infraCord.id]);
    expect(await openCordsForBanner(world.users.viewer)).toEqual({ rows: [], total: 0 }); // a viewer resolves nothing: no banner

    const byService = await stoppedServiceIds(world.users.retailManager, { serviceIds: [world.service.id, quiet.id, resolved.id, infra.id] });
    expect([...byService].sort()).toEqual([world.service.id, infra.id].sort());
    expect([...(await stoppedServiceIds(world.users.retailManager, { teamIds: [world.teams.shop.id] }))]).toEqual([world.service.id]);
    expect([...(await stoppedServiceIds(world.users.retailManager, { teamIds: "all" }))].sort()).toEqual([world.service.id, infra.id].sort());
    expect(await stoppedServiceIds(world.users.retailManager, { teamIds: [] })).toEqual(new Set());
  });
});
