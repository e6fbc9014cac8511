// The contributing-factor taxonomy against the test database.
import { afterAll, describe, expect, it } from "vitest";
import { listFactorCategories } from "@/lib/coes/categories";
import { createFactorCategory, setFactorCategoryRetired } from "@/lib/coes/category-mutations";
import { createCoe, saveCoe } from "@/lib/coes/mutations";
import { coeWorld, completeDocument, testDb } from "@/lib/coes/test-fixtures";

afterAll(() => testDb.$disconnect());

describe("factor categories", () => {
  it("starts with the default taxonomy", async () => {
    const world = await coeWorld();
    const names = (await listFactorCategories(world.users.admin)).map((category) => category.name);
    for (const name of [
      "DNS",
      "Configuration drift",
      "Certificate expiry",
      "Deployment failure",
      "Third-party dependency",
      "Capacity",
      "Code defect",
      "Process",
      "Other",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("adds categories with unique names and audits it", async () => {
    const world = await coeWorld();
    const added = await createFactorCategory(world.users.admin, { name: "Data corruption", description: "" });
    await expect(createFactorCategory(world.users.admin, { name: "Data corruption", description: "" })).rejects.toThrow("already exists");
    expect(await testDb.auditEvent.count({ where: { entityId: added.id, action: "factor_category.created" } })).toBe(1);
  });

  it("keeps a retired category on factors that use it, but refuses it for new ones", async () => {
    const world = await coeWorld();
    const dns = world.categories.find((category) => category.name === "DNS")!;
    const created = await createCoe(world.users.author, { title: "Retire", teamId: world.teams.checkout.id, severity: "SEV3" });
    const withDns = completeDocument(world);
    withDns.factors[0]!.categoryId = dns.id;
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: withDns });
    await setFactorCategoryRetired(world.users.admin, { categoryId: dns.id, retired: true });

    const again = await saveCoe(world.users.author, { coeId: created.id, baseVersion: 2, document: { ...withDns, title: "Still DNS" } });
    expect(again.snapshot.factors[0]!.categoryName).toBe("DNS");
    const other = await createCoe(world.users.author, { title: "New", teamId: world.teams.checkout.id, severity: "SEV3" });
    await expect(saveCoe(world.users.author, { coeId: other.id, baseVersion: 1, document: withDns })).rejects.toThrow("retired");
  });
});
