// The COE visibility rule has two spellings, a Prisma `where` and SQL for hand-written statements:
// for every kind of reader both must pick exactly the same COEs.
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleCoesSql, visibleCoesWhere } from "@/lib/coes/access";
import { createCoe, saveCoe } from "@/lib/coes/mutations";
import { approvedCoe, coeWorld, completeDocument, testDb, userFor } from "@/lib/coes/test-fixtures";
import { createUser } from "@/prisma/seed/factories";
import type { CurrentUser } from "@/lib/auth/principal";

afterAll(() => testDb.$disconnect());

async function sqlVisible(user: CurrentUser): Promise<string[]> {
  const rows = await testDb.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT c.id FROM coes c WHERE ${visibleCoesSql(user)} ORDER BY c.id`);
  return rows.map((row) => row.id);
}

async function prismaVisible(user: CurrentUser): Promise<string[]> {
  const rows = await testDb.coe.findMany({ where: visibleCoesWhere(user), select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}

describe("visibleCoesWhere and visibleCoesSql", () => {
  it("pick the same COEs for an admin, a subtree's manager, a member, a viewer and an outsider", async () => {
    const world = await coeWorld();
    const other = await coeWorld();
    const make = async (name: string, teamId: string, role: "VIEWER" | "MANAGER") =>
      userFor((await createUser(testDb, world.org.id, { name, memberships: [{ teamId, role }], passwordHash: "not-a-real-hash" })).id);
    const viewer = await make("Val Viewer", world.teams.checkout.id, "VIEWER");
    const retailManager = await make("Rae Retail", world.teams.retail.id, "MANAGER");
    await approvedCoe(world, { title: "Open lesson" });
    await approvedCoe(world, { title: "Restricted lesson", restricted: true });
    await createCoe(world.users.author, { title: "Checkout draft", teamId: world.teams.checkout.id, severity: "SEV3" });
    await createCoe(world.users.outsider, { title: "Platform draft", teamId: world.teams.platform.id, severity: "SEV3" });
    // A Platform draft the Checkout author co-writes: visible to them through coe_authors only.
    const coWritten = await createCoe(world.users.outsider, { title: "Co-written", teamId: world.teams.platform.id, severity: "SEV4" });
    await saveCoe(world.users.outsider, {
      coeId: coWritten.id,
      baseVersion: 1,
      document: completeDocument(world, { title: "Co-written", teamId: world.teams.platform.id, serviceIds: [], authorIds: [world.users.author.userId] }),
    });
    await approvedCoe(other, { title: "Another organization" });

    const readers = { ...world.users, viewer, retailManager };
    for (const user of Object.values(readers)) {
      const expected = await prismaVisible(user);
      expect(expected.length).toBeGreaterThan(0);
      expect(await sqlVisible(user)).toEqual(expected);
    }
    // The cases that tell the rules apart: restricted COEs, other teams' drafts, co-authors.
    expect((await sqlVisible(world.users.outsider)).length).toBe(3); // the open one and the two Platform drafts
    expect((await sqlVisible(world.users.author)).length).toBe(4); // both approved (an author of each), its draft, the co-written one
    expect((await sqlVisible(viewer)).length).toBe(3); // Checkout's three, restricted included; not Platform's drafts
    expect((await sqlVisible(retailManager)).length).toBe(3); // the subtree's, like the viewer below it
    expect((await sqlVisible(world.users.admin)).length).toBe(5);
  });
});
