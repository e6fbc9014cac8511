// Who can read which COE, and full-text search, against the test database.
import { afterAll, describe, expect, it } from "vitest";
import { createCoe } from "@/lib/coes/mutations";
import { getCoeForView, getCoeSnapshot, listCoes, listRevisionSteps, REVISION_STEPS_PAGE_SIZE } from "@/lib/coes/queries";
import { coeListFilterSchema } from "@/lib/coes/schemas";
import { approvedCoe, coeWorld, testDb } from "@/lib/coes/test-fixtures";
import type { CurrentUser } from "@/lib/auth/principal";

afterAll(() => testDb.$disconnect());

const list = (user: CurrentUser, query: Record<string, string> = {}) => listCoes(user, coeListFilterSchema.parse(query));

describe("COE visibility", () => {
  it("shows drafts to the owning team's subtree readers and authors, not to other teams", async () => {
    const world = await coeWorld();
    const draft = await createCoe(world.users.author, { title: "Draft only", teamId: world.teams.checkout.id, severity: "SEV3" });
    expect(await getCoeSnapshot(world.users.author, draft.id)).not.toBeNull();
    expect(await getCoeSnapshot(world.users.reviewer, draft.id)).not.toBeNull(); // reviewer on Retail, the parent team
    expect(await getCoeSnapshot(world.users.admin, draft.id)).not.toBeNull();
    expect(await getCoeSnapshot(world.users.outsider, draft.id)).toBeNull();
    expect((await list(world.users.outsider)).rows.map((row) => row.id)).not.toContain(draft.id);
  });

  it("publishes approved COEs across the organization, except restricted ones", async () => {
    const world = await coeWorld();
    const open = await approvedCoe(world, { title: "Open lesson" });
    const restricted = await approvedCoe(world, { title: "Restricted lesson", restricted: true });
    const outsiderSees = (await list(world.users.outsider)).rows.map((row) => row.id);
    expect(outsiderSees).toContain(open);
    expect(outsiderSees).not.toContain(restricted);
    expect(await getCoeForView(world.users.outsider, restricted)).toBeNull();
    expect(await listRevisionSteps(world.users.outsider, restricted)).toBeNull();
    expect(await getCoeForView(world.users.admin, restricted)).not.toBeNull();
    expect(await getCoeForView(world.users.reviewer, restricted)).not.toBeNull();
  });

  it("never lists another organization's COEs, even for its admin", async () => {
    const world = await coeWorld();
    const other = await coeWorld();
    const foreign = await approvedCoe(other);
    expect(await getCoeSnapshot(world.users.admin, foreign)).toBeNull();
    expect((await list(world.users.admin)).rows).toEqual([]);
  });
});

describe("COE list", () => {
  it("filters by team including sub-teams, status, category and author", async () => {
    const world = await coeWorld();
    const approved = await approvedCoe(world);
    const draft = await createCoe(world.users.author, { title: "A draft", teamId: world.teams.checkout.id, severity: "SEV4" });
    const ids = async (query: Record<string, string>) => (await list(world.users.admin, query)).rows.map((row) => row.id).sort();
    expect(await ids({ teamId: world.teams.retail.id })).toEqual([approved, draft.id].sort());
    expect(await ids({ teamId: world.teams.platform.id })).toEqual([]);
    expect(await ids({ status: "APPROVED" })).toEqual([approved]);
    expect(await ids({ severity: "SEV4" })).toEqual([draft.id]);
    expect(await ids({ categoryId: world.categories.find((c) => c.name === "Certificate expiry")!.id })).toEqual([approved]);
    expect(await ids({ categoryId: world.categories.find((c) => c.name === "DNS")!.id })).toEqual([]);
    expect(await ids({ authorId: world.users.author.userId })).toEqual([approved, draft.id].sort());
    expect(await ids({ from: "2026-11-01", to: "2026-11-01" })).toEqual([approved]);
    expect(await ids({ from: "2026-11-02" })).toEqual([]);
  });

  it("ranks a title match above a body match and highlights only the matches, escaping the rest", async () => {
    const world = await coeWorld();
    const inBody = await approvedCoe(world, { title: "Checkout latency", whatHappened: "A resolver timeout made checkout slow when p99 > 2s & retries < 3." });
    const inTitle = await approvedCoe(world, { title: "Resolver timeout broke DNS", whatHappened: "A resolver timeout took DNS down." });
    await approvedCoe(world, { title: "Unrelated", whatHappened: "Disk full." });
    const result = await list(world.users.outsider, { q: "resolver timeout", sort: "relevance" });
    expect(result.rows.map((row) => row.id)).toEqual([inTitle, inBody]);
    expect(result.rows[0]!.highlights!.title).toBe("\u0002Resolver\u0003 \u0002timeout\u0003 broke DNS");
    const snippet = result.rows[1]!.highlights!.snippet;
    expect(snippet).toContain("\u0002resolver\u0003");
    expect(snippet).toContain("> 2s & retries <"); // raw text: the page renders it as text, never as HTML
    expect((await list(world.users.outsider, { q: '"disk full"' })).rows).toHaveLength(1);
    expect((await list(world.users.outsider, { q: "nonexistentword" })).rows).toHaveLength(0);
  });
});

describe("COE revision history", () => {
  it("lists one step per author per sitting, keeping every revision inside its step", async () => {
    const world = await coeWorld();
    const id = await approvedCoe(world); // v1–v3 by the author a moment apart, v4 the reviewer's approval
    const history = await listRevisionSteps(world.users.admin, id);
    expect(history!.latestVersion).toBe(4);
    expect(history!.steps.map((step) => [step.baseVersion, step.firstVersion, step.lastVersion, step.authorName])).toEqual([
      [3, 4, 4, world.users.reviewer.name],
      [0, 1, 3, world.users.author.name],
    ]);
    expect(history!.steps[1]!.revisions.map((revision) => revision.summary)).toEqual(["Submit for review", "Edited", "Created"]);
  });

  it("pages the steps, opening on the page that holds a given version", async () => {
    const world = await coeWorld();
    const id = await approvedCoe(world);
    // Two authors taking turns: every save is its own step.
    for (let version = 5; version < 5 + REVISION_STEPS_PAGE_SIZE + 2; version++) {
      await testDb.coeRevision.create({
        data: { coeId: id, version, snapshot: {}, summary: "Edited", authorId: version % 2 ? world.users.author.userId : world.users.reviewer.userId },
      });
    }
    const first = await listRevisionSteps(world.users.admin, id);
    expect(first!.page).toBe(1);
    expect(first!.pageCount).toBe(2);
    expect(first!.steps).toHaveLength(REVISION_STEPS_PAGE_SIZE);
    const older = await listRevisionSteps(world.users.admin, id, { containing: 2 });
    expect(older!.page).toBe(2);
    expect(older!.steps.at(-1)!.firstVersion).toBe(1);
    expect((await listRevisionSteps(world.users.admin, id, { page: 99 }))!.page).toBe(2);
  });
});
