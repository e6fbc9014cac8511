// The findings visibility rule has two spellings, a Prisma `where` and SQL for the compliance
// statements: for every kind of reader both must pick exactly the same findings.
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/principal";
import { visibleFindingsSql, visibleFindingsWhere } from "@/lib/policies/access";
import { enforcedRule, policyWorld, testDb } from "@/lib/policies/test-fixtures";
import { createUser } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

async function reader(id: string): Promise<CurrentUser> {
  const user = await loadCurrentUser(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

async function sqlVisible(user: CurrentUser): Promise<string[]> {
  const rows = await testDb.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT f.id FROM policy_findings f WHERE ${visibleFindingsSql(user)} ORDER BY f.id`);
  return rows.map((row) => row.id);
}

async function prismaVisible(user: CurrentUser): Promise<string[]> {
  const rows = await testDb.policyFinding.findMany({ where: visibleFindingsWhere(user), select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}

describe("visibleFindingsWhere and visibleFindingsSql", () => {
  it("pick the same findings for an admin, a subtree's manager, a member, a viewer and an outsider", async () => {
    const world = await policyWorld();
    const other = await policyWorld();
    const viewer = await createUser(testDb, world.org.id, { name: "Val Viewer", memberships: [{ teamId: world.checkout.id, role: "VIEWER" }] });
    const now = new Date();
    for (const [rule, services] of [
      [await enforcedRule(world.org.id), [world.cart, world.web, world.infra]],
      [await enforcedRule(other.org.id), [other.cart]],
    ] as const) {
      for (const service of services) {
        await testDb.policyFinding.create({
          data: {
            organizationId: rule.organizationId,
            ruleId: rule.id,
            serviceId: service.id,
            teamId: service.teamId,
            firstOpenedAt: now,
            openedAt: now,
            lastEvaluatedAt: now,
          },
        });
      }
    }

    const expectedCounts = { admin: 3, retailManager: 2, member: 1, viewer: 1, outsider: 1 };
    const readers = { admin: world.admin, retailManager: world.retailManager, member: world.member, viewer, outsider: world.outsider };
    for (const [name, row] of Object.entries(readers)) {
      const user = await reader(row.id);
      const expected = await prismaVisible(user);
      expect(await sqlVisible(user), name).toEqual(expected);
      expect(expected, name).toHaveLength(expectedCounts[name as keyof typeof expectedCounts]);
    }
  });
});
