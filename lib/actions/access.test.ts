// The corrective-action visibility rule has two spellings, a Prisma `where` and SQL for the lists'
// paging and home's statement: for every kind of reader both must pick exactly the same actions,
// also when a query is already limited to some teams, and the SQL's count parts must not overlap.
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { visibleActionSqlParts, visibleActionsSql, visibleActionsWhere, visibleActionsWhereWithin } from "@/lib/actions/access";
import { readerWorld, testDb } from "@/lib/actions/test-fixtures";

afterAll(() => testDb.$disconnect());

async function sqlVisible(condition: Prisma.Sql): Promise<string[]> {
  const rows = await testDb.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT ca.id FROM corrective_actions ca WHERE ${condition} ORDER BY ca.id`);
  return rows.map((row) => row.id);
}

async function prismaVisible(where: Prisma.CorrectiveActionWhereInput): Promise<string[]> {
  const rows = await testDb.correctiveAction.findMany({ where, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}

async function titles(ids: string[]): Promise<string[]> {
  const rows = await testDb.correctiveAction.findMany({ where: { id: { in: ids } }, select: { title: true }, orderBy: { title: "asc" } });
  return rows.map((row) => row.title);
}

describe("visibleActionsWhere and visibleActionsSql", () => {
  it("pick the same actions for an admin, a subtree's manager, a member, a viewer, an outsider and another organization", async () => {
    const { world, other, admin, viewer } = await readerWorld();
    const { owner, reviewer, retailManager, outsider } = world.users;
    const platformCoe = (restricted: boolean) =>
      testDb.coe.create({
        data: {
          organizationId: world.org.id,
          teamId: world.teams.platform.id,
          title: `Platform ${restricted}`,
          severity: "SEV2",
          status: "APPROVED",
          restricted,
        },
      });
    const hiddenCoe = await platformCoe(true);
    const openCoe = await platformCoe(false);
    await testDb.coe.update({ where: { id: world.coe.id }, data: { restricted: true } });
    const platform = world.teams.platform.id;
    await world.action("Payments, restricted COE of payments", 3);
    await world.action("Platform, no COE", 3, { teamId: platform, coeId: null });
    await world.action("Platform, open COE", 3, { teamId: platform, coeId: openCoe.id });
    await world.action("Platform, hidden COE", 3, { teamId: platform, coeId: hiddenCoe.id });
    await world.action("Platform, payments COE", 3, { teamId: platform });
    await world.action("Checkout, the reviewer's", 3, { teamId: world.teams.checkout.id, ownerId: reviewer.userId, coeId: null });
    await world.action("Platform, the outsider's", 3, { teamId: platform, ownerId: outsider.userId, coeId: null });
    await other.action("Another organization's", 3);

    const expected: Record<string, [CurrentUser, string[]]> = {
      admin: [
        admin,
        [
          "Checkout, the reviewer's",
          "Payments, restricted COE of payments",
          "Platform, hidden COE",
          "Platform, no COE",
          "Platform, open COE",
          "Platform, payments COE",
          "Platform, the outsider's",
        ],
      ],
      retailManager: [retailManager, ["Checkout, the reviewer's", "Payments, restricted COE of payments"]],
      // Their own actions in Platform too, except the one a restricted Platform COE holds.
      member: [owner, ["Payments, restricted COE of payments", "Platform, no COE", "Platform, open COE", "Platform, payments COE"]],
      viewer: [viewer, ["Checkout, the reviewer's", "Payments, restricted COE of payments"]],
      outsider: [outsider, ["Platform, hidden COE", "Platform, no COE", "Platform, open COE", "Platform, payments COE", "Platform, the outsider's"]],
      otherOrganization: [other.users.owner, ["Another organization's"]],
    };
    const teams = world.teams;
    const within = [[teams.payments.id], [platform], [teams.checkout.id, teams.payments.id], [teams.retail.id, teams.checkout.id, teams.payments.id, platform]];
    for (const [name, [user, visibleTitles]] of Object.entries(expected)) {
      const viaPrisma = await prismaVisible(visibleActionsWhere(user));
      expect(await titles(viaPrisma), name).toEqual(visibleTitles);
      expect(await sqlVisible(visibleActionsSql(user)), name).toEqual(viaPrisma);
      for (const teamIn of [undefined, ...within]) {
        const parts = visibleActionSqlParts(user, teamIn);
        const whole = await sqlVisible(visibleActionsSql(user, teamIn));
        const fromParts = (await Promise.all(parts.map(sqlVisible))).flat();
        expect(fromParts.sort(), `${name}: the parts overlap or miss rows`).toEqual(whole);
        if (!teamIn) continue;
        const inTeams = Prisma.sql`${visibleActionsSql(user, teamIn)} AND ca.team_id = ANY(${teamIn}::text[])`;
        const prismaInTeams = await prismaVisible({ AND: [visibleActionsWhereWithin(user, teamIn), { teamId: { in: teamIn } }] });
        expect(await sqlVisible(inTeams), `${name} within ${teamIn.length} teams`).toEqual(prismaInTeams);
        // And the shortcut keeps the rule: inside those teams it picks what visibleActionsWhere picks.
        expect(prismaInTeams, `${name} within ${teamIn.length} teams`).toEqual(
          await prismaVisible({ AND: [visibleActionsWhere(user), { teamId: { in: teamIn } }] }),
        );
      }
    }
  });
});
