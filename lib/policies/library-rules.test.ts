// Every organization gets the built-in rule library as disabled rules, once: calling again adds only
// what is missing and never undoes an edit.
import { afterAll, describe, expect, it, vi } from "vitest";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/principal";
import { ensureLibraryRules } from "@/lib/policies/rule-mutations";
import { addMissingLibraryRulesAction } from "@/lib/policies/actions";
import { RULE_LIBRARY } from "@/lib/policies/library";
import { policyWorld, testDb } from "@/lib/policies/test-fixtures";
import { createOrganization } from "@/prisma/seed/factories";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

afterAll(() => testDb.$disconnect());

describe("ensureLibraryRules", () => {
  it("adds every library rule disabled with its first revision, then nothing on a second call, keeping edits", async () => {
    const org = await createOrganization(testDb);
    expect(await ensureLibraryRules(testDb, org.id, null)).toBe(RULE_LIBRARY.length);
    const rules = await testDb.policyRule.findMany({ where: { organizationId: org.id }, select: { id: true, libraryKey: true, status: true } });
    expect(rules.map((rule) => rule.libraryKey).sort()).toEqual(RULE_LIBRARY.map((entry) => entry.key).sort());
    expect(new Set(rules.map((rule) => rule.status))).toEqual(new Set(["DISABLED"]));
    expect(await testDb.policyRuleRevision.count({ where: { rule: { organizationId: org.id }, version: 1 } })).toBe(RULE_LIBRARY.length);

    const tls = rules.find((rule) => rule.libraryKey === "tls-expiring")!;
    await testDb.policyRule.update({ where: { id: tls.id }, data: { name: "Certificate expires in < 14 days", status: "ENFORCED" } });
    expect(await ensureLibraryRules(testDb, org.id, null)).toBe(0);
    expect(await testDb.policyRule.count({ where: { organizationId: org.id } })).toBe(RULE_LIBRARY.length);
    expect(await testDb.policyRule.findUniqueOrThrow({ where: { id: tls.id }, select: { name: true, status: true } })).toEqual({
      name: "Certificate expires in < 14 days",
      status: "ENFORCED",
    });
  });

  it("adds only the missing entries, skipping one whose name a custom rule already uses", async () => {
    const org = await createOrganization(testDb);
    const [first, second] = RULE_LIBRARY;
    await testDb.policyRule.create({ data: { organizationId: org.id, name: first!.name, conditions: first!.conditions, status: "DRAFT" } });
    expect(await ensureLibraryRules(testDb, org.id, null)).toBe(RULE_LIBRARY.length - 1);
    await testDb.policyRule.deleteMany({ where: { organizationId: org.id, libraryKey: second!.key } });
    expect(await ensureLibraryRules(testDb, org.id, null)).toBe(1);
    expect(await testDb.policyRule.count({ where: { organizationId: org.id, name: first!.name } })).toBe(1);
  });
});

describe("adding the missing library rules from the catalog page", () => {
  it("is refused to anyone but an admin, and adds what is missing once for an admin, saying how many", async () => {
    const world = await policyWorld();
    const rules = () => testDb.policyRule.count({ where: { organizationId: world.org.id } });
    for (const user of [world.retailManager, world.member]) {
      session.user = await loadCurrentUser(user.id);
      expect(await addMissingLibraryRulesAction({})).toMatchObject({ ok: false, status: 403 });
    }
    expect(await rules()).toBe(0);

    session.user = await loadCurrentUser(world.admin.id);
    expect(await addMissingLibraryRulesAction({})).toEqual({ ok: true, data: { added: RULE_LIBRARY.length } });
    expect(await rules()).toBe(RULE_LIBRARY.length);
    expect(await testDb.policyRule.count({ where: { organizationId: world.org.id, status: "DISABLED", createdById: world.admin.id } })).toBe(
      RULE_LIBRARY.length,
    );
    expect(await testDb.auditEvent.count({ where: { organizationId: world.org.id, actorId: world.admin.id, action: "rule.created" } })).toBe(1);
    expect(await addMissingLibraryRulesAction({})).toEqual({ ok: true, data: { added: 0 } });
    expect(await rules()).toBe(RULE_LIBRARY.length);
    // Webhook subscribers hear of each added rule once, as of a rule made in the editor.
    expect(await testDb.domainEvent.count({ where: { organizationId: world.org.id, type: "rule.created" } })).toBe(RULE_LIBRARY.length);
  });
});
