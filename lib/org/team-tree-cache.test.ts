// The cached team tree follows every team write, whoever makes it (the trigger raises tree_version).
import { afterAll, describe, expect, it } from "vitest";
import { loadCurrentUser } from "@/lib/auth/principal";
import { createTeam as createTeamThroughMutations } from "@/lib/org/mutations";
import { orgTeamTree } from "@/lib/org/queries";
import { withRequestTreeVersion } from "@/lib/org/team-tree-cache";
import { testDb } from "@/lib/actions/test-fixtures";
import { createOrganization, createTeam, createUser } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

describe("the signed-in user's team tree", () => {
  it("sees a team added, moved or removed after it was cached", async () => {
    const org = await createOrganization(testDb);
    const retail = await createTeam(testDb, org.id, { name: "Retail" });
    const platform = await createTeam(testDb, org.id, { name: "Platform" });
    const manager = await createUser(testDb, org.id, { name: "Mia Manager", memberships: [{ teamId: retail.id, role: "MANAGER" }], passwordHash: "x" });
    const roles = async () => [...(await loadCurrentUser(manager.id))!.teamRoles.keys()].sort();

    expect(await roles()).toEqual([retail.id]);
    const checkout = await createTeam(testDb, org.id, { name: "Checkout", parentId: retail.id });
    expect(await roles()).toEqual([retail.id, checkout.id].sort());
    await testDb.team.update({ where: { id: checkout.id }, data: { parentId: platform.id } });
    expect(await roles()).toEqual([retail.id]);
    await testDb.team.update({ where: { id: checkout.id }, data: { parentId: retail.id } });
    await testDb.team.delete({ where: { id: checkout.id } });
    expect(await roles()).toEqual([retail.id]);
  });

  it("refuses a deactivated user and a stale session version", async () => {
    const org = await createOrganization(testDb);
    const team = await createTeam(testDb, org.id, { name: "Ops" });
    const user = await createUser(testDb, org.id, { memberships: [{ teamId: team.id, role: "MEMBER" }], passwordHash: "x" });
    expect((await loadCurrentUser(user.id, 0))?.organizationName).toBe(org.name);
    expect(await loadCurrentUser(user.id, 1)).toBeNull();
    await testDb.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await loadCurrentUser(user.id)).toBeNull();
  });

  it("reads the tree anew after a team write in the same request", async () => {
    const org = await createOrganization(testDb);
    const retail = await createTeam(testDb, org.id, { name: "Retail" });
    const admin = await createUser(testDb, org.id, { isAdmin: true, memberships: [{ teamId: retail.id, role: "MANAGER" }], passwordHash: "x" });
    await withRequestTreeVersion(async () => {
      const user = (await loadCurrentUser(admin.id))!;
      expect((await orgTeamTree(org.id)).map((team) => team.name)).toEqual(["Retail"]);
      await createTeamThroughMutations(user, { name: "Checkout", description: "", parentId: retail.id });
      expect((await orgTeamTree(org.id)).map((team) => team.name)).toEqual(["Checkout", "Retail"]);
    });
  });
});
