// Deleting a rule through the API: only who may edit it, never on a stale version; its findings go
// with it (and leave the compliance count), the corrective action made from one stays, the audit log
// and the outbox keep the rule as it was.
import { callRoute as call } from "@/lib/api/test-route";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { POST: createRuleApi } = await import("@/app/api/v1/rules/route");
const { GET: getRuleApi, DELETE: deleteRuleApi } = await import("@/app/api/v1/rules/[id]/route");
const { createApiToken } = await import("@/prisma/seed/factories");
const { createCorrectiveActionFromFinding } = await import("@/lib/policies/finding-mutations");
const { refreshComplianceSnapshots } = await import("@/lib/policies/compliance-snapshots");
const { loadCurrentUser } = await import("@/lib/auth/principal");
const { daysFromNow, openFinding, policyWorld, testDb } = await import("@/lib/policies/test-fixtures");

afterAll(() => testDb.$disconnect());

const TLS = { all: [{ fact: "tls.expiresAt", operator: "daysUntilLessThan", value: 30 }] };

describe("DELETE /api/v1/rules/{id}", () => {
  it("refuses who may not edit the rule and stale versions, then deletes it with its findings for its manager", async () => {
    const world = await policyWorld();
    const [member, retailManager, outsider] = await Promise.all(
      [world.member, world.retailManager, world.outsider].map(async (user) => (await createApiToken(testDb, user.id)).secret),
    );
    const created = await call(createRuleApi, "POST", "/api/v1/rules", retailManager!, {
      name: "Certificates renewed in time",
      scopeTeamId: world.retail.id,
      severity: "CRITICAL",
      conditions: TLS,
      status: "ENFORCED",
    });
    expect(created.status).toBe(201);
    const ruleId = created.json!.id as string;
    const version = created.json!.version as number;
    const finding = await openFinding(world, ruleId, world.cart);
    const action = await createCorrectiveActionFromFinding((await loadCurrentUser(world.member.id))!, {
      findingId: finding.id,
      ownerId: world.member.id,
      dueDate: daysFromNow(10).toISOString().slice(0, 10),
    });
    await refreshComplianceSnapshots(testDb, world.org.id, { teamIds: [world.checkout.id] });
    const failing = () => testDb.complianceSnapshot.findFirst({ where: { teamId: world.checkout.id }, select: { failing: true } });
    expect((await failing())?.failing).toBe(1);

    const path = `/api/v1/rules/${ruleId}`;
    const params = { id: ruleId };
    // A manager elsewhere, and a member of the team (the rule is enforced, not their draft): 403.
    expect((await call(deleteRuleApi, "DELETE", path, outsider!, undefined, params)).status).toBe(403);
    expect((await call(deleteRuleApi, "DELETE", path, member!, undefined, params)).status).toBe(403);
    // A version that is not the rule's: 409, nothing deleted; a malformed one: 400.
    expect((await call(deleteRuleApi, "DELETE", `${path}?version=${version + 1}`, retailManager!, undefined, params)).status).toBe(409);
    expect((await call(deleteRuleApi, "DELETE", `${path}?version=latest`, retailManager!, undefined, params)).status).toBe(400);
    expect(await testDb.policyFinding.count({ where: { id: finding.id } })).toBe(1);

    expect((await call(deleteRuleApi, "DELETE", `${path}?version=${version}`, retailManager!, undefined, params)).status).toBe(204);
    expect((await call(getRuleApi, "GET", path, retailManager!, undefined, params)).status).toBe(404);
    expect((await call(deleteRuleApi, "DELETE", path, retailManager!, undefined, params)).status).toBe(404);
    expect(await testDb.policyFinding.count({ where: { id: finding.id } })).toBe(0);
    expect((await failing())?.failing).toBe(0);
    expect(await testDb.correctiveAction.count({ where: { id: action.id } })).toBe(1);
    const audit = await testDb.auditEvent.findFirst({ where: { entityId: ruleId, action: "rule.deleted" }, select: { actorId: true, summary: true } });
    expect(audit).toEqual({ actorId: world.retailManager.id, summary: "Deleted rule “Certificates renewed in time” and its 1 finding" });
    const event = await testDb.domainEvent.findFirst({ where: { organizationId: world.org.id, type: "rule.deleted" }, select: { data: true } });
    expect(event?.data).toMatchObject({ id: ruleId, name: "Certificates renewed in time" });
  });

  it("an organization-wide rule is deleted by an admin, not by a team's manager", async () => {
    const world = await policyWorld();
    const [admin, retailManager] = await Promise.all([world.admin, world.retailManager].map(async (user) => (await createApiToken(testDb, user.id)).secret));
    const created = await call(createRuleApi, "POST", "/api/v1/rules", admin!, { name: "Org-wide certificates", conditions: TLS, status: "DRAFT" });
    const params = { id: created.json!.id as string };
    expect((await call(deleteRuleApi, "DELETE", `/api/v1/rules/${params.id}`, retailManager!, undefined, params)).status).toBe(403);
    expect((await call(deleteRuleApi, "DELETE", `/api/v1/rules/${params.id}`, admin!, undefined, params)).status).toBe(204);
    expect(await testDb.policyRule.count({ where: { id: params.id } })).toBe(0);
  });
});
