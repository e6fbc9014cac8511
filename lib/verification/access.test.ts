// The verification visibility rule has two spellings, a Prisma `where` and SQL for the grid, its
// roll-up and export, and home's block: for every kind of reader both must pick exactly the same services.
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { teamRecordServicesSql, teamRecordServicesWhere } from "@/lib/services/access";
import { readerWorld, testDb } from "@/lib/actions/test-fixtures";
import { createService } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

async function sqlVisible(user: CurrentUser): Promise<string[]> {
  const rows = await testDb.$queryRaw<{ name: string }[]>(Prisma.sql`SELECT s.name FROM services s WHERE ${teamRecordServicesSql(user)} ORDER BY s.name`);
  return rows.map((row) => row.name);
}

async function prismaVisible(user: CurrentUser): Promise<string[]> {
  const rows = await testDb.service.findMany({ where: teamRecordServicesWhere(user), select: { name: true }, orderBy: { name: "asc" } });
  return rows.map((row) => row.name);
}

describe("teamRecordServicesWhere and teamRecordServicesSql", () => {
  it("pick the same services for an admin, a subtree's manager, a member, a viewer, an outsider and another organization", async () => {
    const { world, other, admin, viewer } = await readerWorld();
    for (const [name, team] of Object.entries(world.teams)) await createService(testDb, world.org.id, team.id, { name: `${name}-api` });
    await createService(testDb, other.org.id, other.teams.payments.id, { name: "elsewhere-api" });

    const expected: Record<string, [CurrentUser, string[]]> = {
      admin: [admin, ["checkout-api", "payments-api", "platform-api", "retail-api"]],
      retailManager: [world.users.retailManager, ["checkout-api", "payments-api", "retail-api"]],
      member: [world.users.owner, ["payments-api"]],
      viewer: [viewer, ["checkout-api", "payments-api"]],
      outsider: [world.users.outsider, ["platform-api"]],
      otherOrganization: [other.users.owner, ["elsewhere-api"]],
    };
    for (const [name, [user, services]] of Object.entries(expected)) {
      const viaPrisma = await prismaVisible(user);
      expect(viaPrisma, name).toEqual(services);
      expect(await sqlVisible(user), name).toEqual(viaPrisma);
    }
  });
});
