// Search ranks only what the reader may see (the rule itself: lib/coes/access.test.ts).
import { afterAll, describe, expect, it } from "vitest";
import { searchVisibleCoesPage } from "@/lib/coes/search";
import { approvedCoe, coeWorld, testDb } from "@/lib/coes/test-fixtures";

afterAll(() => testDb.$disconnect());

describe("searchVisibleCoesPage", () => {
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
