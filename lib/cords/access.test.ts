// The cord visibility rule has two spellings, a Prisma `where` and SQL for home's one statement:
// for every kind of reader both must pick exactly the same cords — every cord of their
// organization, none of another's.
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { visibleCordsSql, visibleCordsWhere } from "@/lib/cords/access";
import { pullCord } from "@/lib/cords/mutations";
import { cordWorld, testDb } from "@/lib/cords/test-fixtures";
import { userFor } from "@/lib/actions/test-fixtures";
import { createService, createUser } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

async function sqlVisible(user: CurrentUser): Promise<string[]> {
  const rows = await testDb.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT c.id FROM cords c WHERE ${visibleCordsSql(user)} ORDER BY c.id`);
  return rows.map((row) => row.id);
}

async function prismaVisible(user: CurrentUser): Promise<string[]> {
  const rows = await testDb.cord.findMany({ where: visibleCordsWhere(user), select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}

const report = { problem: "Prices wrong", customerImpact: "", severity: "CUSTOMER_DEFECT" as const, link: null };

describe("visibleCordsWhere and visibleCordsSql", () => {
  it("pick the same cords for an admin, a subtree's manager, a member, a viewer and an outsider", async () => {
    const world = await cordWorld();
    const other = await cordWorld();
    const admin = await userFor((await createUser(testDb, world.org.id, { name: "Ada Admin", isAdmin: true, passwordHash: "not-a-real-hash" })).id);
    const platformService = await createService(testDb, world.org.id, world.teams.platform.id, { name: `infra-${world.org.id.slice(-6)}` });
    const shop = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    const platform = await pullCord(world.users.outsider, { ...report, serviceId: platformService.id });
    await pullCord(other.users.member, { ...report, serviceId: other.service.id });

    const readers = { admin, retailManager: world.users.retailManager, member: world.users.member, viewer: world.users.viewer, outsider: world.users.outsider };
    for (const [name, user] of Object.entries(readers)) {
      const expected = await prismaVisible(user);
      expect(expected, name).toEqual([shop.cord.id, platform.cord.id].sort());
      expect(await sqlVisible(user), name).toEqual(expected);
    }
  });
});
