// The type-ahead lookups answer only from the caller's organization, and COEs only when readable.
import { afterAll, describe, expect, it } from "vitest";
import { createCoe, transitionCoe, saveCoe } from "@/lib/coes/mutations";
import { coeWorld, completeDocument, testDb } from "@/lib/coes/test-fixtures";
import { colleagueNamesStartingWith, lookupCoes, lookupLabel, lookupPeople, lookupServices, lookupTeams, lookupViewableTeams } from "@/lib/lookup/queries";
import { lookupQuerySchema } from "@/lib/lookup/schemas";
import { createService, createTeam, createUser } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

describe("people lookup", () => {
  it("matches names case-insensitively, lists by name, and leaves out other organizations and deactivated people", async () => {
    const world = await coeWorld();
    const other = await coeWorld();
    const gone = await createUser(testDb, world.org.id, { name: "Rita Gone", passwordHash: "x" });
    await testDb.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });

    const all = await lookupPeople(world.users.outsider, "", 20);
    expect(all.map((item) => item.label)).toEqual(["Ada Admin", "Alex Author", "Olive Outsider", "Riley Reviewer"]);
    expect(all.map((item) => item.value)).not.toContain(other.users.author.userId);

    const riley = await lookupPeople(world.users.outsider, "  rI ", 20);
    expect(riley).toEqual([{ value: world.users.reviewer.userId, label: "Riley Reviewer", hint: expect.stringContaining("@") }]);
    expect(await lookupPeople(world.users.outsider, "A", 2)).toHaveLength(2);
    expect(await lookupLabel(world.users.outsider, "people", other.users.author.userId)).toBeUndefined();
    expect(await lookupLabel(world.users.outsider, "people", world.users.author.userId)).toBe("Alex Author");
  });
});

describe("colleague names for the blameless-writing hints", () => {
  it("finds active colleagues by their first word, exactly, and only in the caller's organization", async () => {
    const world = await coeWorld();
    const other = await coeWorld();
    await createUser(testDb, world.org.id, { name: "Cher", passwordHash: "x" });
    const gone = await createUser(testDb, world.org.id, { name: "Rita Gone", passwordHash: "x" });
    await testDb.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const names = (words: string[]) => colleagueNamesStartingWith(world.users.outsider, words);
    expect(await names(["Riley", "Alex", "Cher", "The"])).toEqual(["Alex Author", "Cher", "Riley Reviewer"]);
    expect(await names(["riley", "Rile", "Reviewer", "Rita"])).toEqual([]);
    expect(await names([])).toEqual([]);
    expect(await colleagueNamesStartingWith(other.users.outsider, ["Cher"])).toEqual([]);
  });
});

describe("service lookup", () => {
  it("lists the organization's services with their team, never another organization's", async () => {
    const world = await coeWorld();
    const other = await coeWorld();
    const billing = await createService(testDb, world.org.id, world.teams.platform.id, { name: "Billing-Ledger" });
    const found = await lookupServices(world.users.outsider, "ledger", 20);
    expect(found).toEqual([{ value: billing.id, label: "Billing-Ledger", hint: "Platform" }]);
    const all = (await lookupServices(world.users.outsider, "", 50)).map((item) => item.value);
    expect(all).toContain(world.service.id);
    expect(all).not.toContain(other.service.id);
    expect(await lookupServices(world.users.outsider, other.service.name, 20)).toEqual([]);
    expect(await lookupLabel(world.users.outsider, "services", billing.id)).toBe("Billing-Ledger");
  });
});

describe("team lookup", () => {
  it("lists the organization's teams in tree order with the path above each, matching names anywhere, never another organization's", async () => {
    const world = await coeWorld();
    const other = await coeWorld();
    const payments = await createTeam(testDb, world.org.id, { name: "Payments", parentId: world.teams.checkout.id });
    const all = await lookupTeams(world.users.author, "", 20);
    expect(all).toEqual([
      { value: world.teams.platform.id, label: "Platform" },
      { value: world.teams.retail.id, label: "Retail" },
      { value: world.teams.checkout.id, label: "Checkout", hint: "Retail" },
      { value: payments.id, label: "Payments", hint: "Retail › Checkout" },
    ]);
    expect(await lookupTeams(world.users.author, " CHECK", 20)).toEqual([{ value: world.teams.checkout.id, label: "Checkout", hint: "Retail" }]);
    expect(await lookupTeams(world.users.author, "", 2)).toHaveLength(2);
    expect(await lookupTeams(world.users.author, other.teams.platform.name, 20)).toEqual([{ value: world.teams.platform.id, label: "Platform" }]);
    expect(await lookupLabel(world.users.author, "teams", payments.id)).toBe("Payments");
    expect(await lookupLabel(world.users.author, "teams", other.teams.retail.id)).toBeUndefined();
  });

  it("offers only the teams whose work the caller may see where a filter needs that", async () => {
    const world = await coeWorld();
    // The author is a member of Checkout: its work, not Retail's above it or Platform's beside it.
    expect((await lookupViewableTeams(world.users.author, "", 20)).map((item) => item.label)).toEqual(["Checkout"]);
    // The reviewer of Retail sees Retail and the sub-team below it.
    expect((await lookupViewableTeams(world.users.reviewer, "", 20)).map((item) => item.label)).toEqual(["Retail", "Checkout"]);
    expect(await lookupViewableTeams(world.users.reviewer, "platform", 20)).toEqual([]);
  });
});

describe("COE lookup", () => {
  it("offers only the COEs the caller may read", async () => {
    const world = await coeWorld();
    const draft = await createCoe(world.users.author, { title: "Draft about DNS", teamId: world.teams.checkout.id, severity: "SEV3" });
    const published = await createCoe(world.users.author, { title: "x", teamId: world.teams.checkout.id, severity: "SEV2" });
    await saveCoe(world.users.author, { coeId: published.id, baseVersion: 1, document: completeDocument(world, { title: "Published DNS outage" }) });
    await transitionCoe(world.users.author, { coeId: published.id, baseVersion: 2, transition: "submit", note: "" });
    await transitionCoe(world.users.reviewer, { coeId: published.id, baseVersion: 3, transition: "approve", note: "" });

    expect((await lookupCoes(world.users.author, "dns", 20)).map((item) => item.value)).toEqual([draft.id, published.id]);
    const outsider = await lookupCoes(world.users.outsider, "DNS", 20);
    expect(outsider).toEqual([{ value: published.id, label: "Published DNS outage", hint: "Checkout · Approved" }]);
    const other = await coeWorld();
    expect(await lookupCoes(other.users.admin, "dns", 20)).toEqual([]);
  });
});

describe("lookup query", () => {
  it("defaults to 20, caps the limit at 50 and reads q as text", () => {
    expect(lookupQuerySchema.parse({})).toEqual({ q: "", limit: 20 });
    expect(lookupQuerySchema.parse({ q: "pay", limit: "5" })).toEqual({ q: "pay", limit: 5 });
    expect(lookupQuerySchema.safeParse({ limit: "51" }).success).toBe(false);
    expect(lookupQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
  });
});
