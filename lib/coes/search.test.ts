// The ranking statement's visibility rule must say exactly what visibleCoesWhere says.
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleCoesWhere } from "@/lib/coes/access";
import { createCoe, saveCoe } from "@/lib/coes/mutations";
import { searchVisibleCoesPage, visibleCoesSql } from "@/lib/coes/search";
import { approvedCoe, coeWorld, completeDocument, testDb } from "@/lib/coes/test-fixtures";
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

describe("visibleCoesSql", () => {
  it("sees the same COEs as visibleCoesWhere for admins, parent-team reviewers, leaf members and outsiders", async () => {
    const world = await coeWorld();
    const other = await coeWorld();
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

    for (const user of Object.values(world.users)) {
      const expected = await prismaVisible(user);
      expect(expected.length).toBeGreaterThan(0);
      expect(await sqlVisible(user)).toEqual(expected);
    }
    // The cases that tell the rules apart: restricted and other teams' drafts.
    expect((await sqlVisible(world.users.outsider)).length).toBe(3); // the open one and the two Platform drafts
    expect((await sqlVisible(world.users.author)).length).toBe(4); // both approved (an author of each), its draft, the co-written one
    expect((await sqlVisible(world.users.admin)).length).toBe(5);
  });

  it("pages the visible matches best first, with their count, and clamps a page past the end", async () => {
    const world = await coeWorld();
    const open = await approvedCoe(world, { title: "Certificate expiry on checkout" });
    const restricted = await approvedCoe(world, { title: "Certificate expiry, restricted", restricted: true });
    const outsider = await searchVisibleCoesPage(world.users.outsider, "certificate expiry", 1, 20);
    expect(outsider.total).toBe(1);
    expect(outsider.matches.map((match) => match.id)).toEqual([open]);
    const reviewer = await searchVisibleCoesPage(world.users.reviewer, "certificate expiry", 5, 1);
    expect(reviewer.total).toBe(2);
    expect(reviewer.page).toBe(2);
    expect(reviewer.matches).toHaveLength(1);
    expect([open, restricted]).toContain(reviewer.matches[0]!.id);
    const none = await searchVisibleCoesPage(world.users.outsider, "nonexistentword", 3, 20);
    expect(none).toEqual({ total: 0, page: 1, matches: [] });
  });
});
