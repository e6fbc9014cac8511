// The policy API through its route handlers with real tokens: facts pushed by the owning team only,
// bad conditions named, findings and compliance scoped to the caller's subtree, the waiver lifecycle.
import { callRoute as call } from "@/lib/api/test-route";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { PUT: pushFacts } = await import("@/app/api/v1/services/[id]/facts/route");
const { POST: createRuleApi } = await import("@/app/api/v1/rules/route");
const { PATCH: patchRuleApi } = await import("@/app/api/v1/rules/[id]/route");
const { POST: dryRunApi } = await import("@/app/api/v1/rules/dry-run/route");
const { GET: listFindingsApi } = await import("@/app/api/v1/findings/route");
const { POST: ackApi } = await import("@/app/api/v1/findings/[id]/acknowledgment/route");
const { GET: complianceApi } = await import("@/app/api/v1/compliance/route");
const { createApiToken } = await import("@/prisma/seed/factories");
const { policyWorld, testDb, daysFromNow } = await import("@/lib/policies/test-fixtures");
const { decideAcknowledgment, expireAcknowledgments } = await import("@/lib/policies/finding-mutations");
const { loadCurrentUser } = await import("@/lib/auth/principal");

afterAll(() => testDb.$disconnect());

const TLS = { all: [{ fact: "tls.expiresAt", operator: "daysUntilLessThan", value: 30 }] };

describe("policy API", () => {
  it("runs the journey: rule, facts, findings rolled up, waiver asked and approved; other subtrees see nothing", async () => {
    const world = await policyWorld();
    const [member, manager, outsider] = await Promise.all(
      [world.member, world.retailManager, world.outsider].map(async (user) => (await createApiToken(testDb, user.id)).secret),
    );

    // A bad condition names its part.
    const bad = await call(createRuleApi, "POST", "/api/v1/rules", manager!, {
      name: "TLS soon",
      scopeTeamId: world.retail.id,
      conditions: { all: [{ fact: "tls.expiresAt", operator: "soonish", value: 30 }] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.errors)).toContain("#/conditions/all/0/operator");

    // Org-wide rules are for admins; a manager writes for their subtree.
    expect((await call(createRuleApi, "POST", "/api/v1/rules", manager!, { name: "TLS soon", conditions: TLS, status: "ENFORCED" })).status).toBe(403);
    const created = await call(createRuleApi, "POST", "/api/v1/rules", manager!, {
      name: "TLS soon",
      scopeTeamId: world.retail.id,
      applicableFactKey: "tls.expiresAt",
      severity: "CRITICAL",
      conditions: TLS,
      status: "DRAFT",
    });
    expect(created.status).toBe(201);
    const ruleId = created.json.id as string;

    // Facts: the owning team's member may push, a manager elsewhere may not.
    const soon = { facts: [{ key: "tls.expiresAt", type: "datetime", value: daysFromNow(10).toISOString() }] };
    expect((await call(pushFacts, "PUT", `/api/v1/services/${world.cart.id}/facts`, outsider!, soon, { id: world.cart.id })).status).toBe(403);
    expect((await call(pushFacts, "PUT", `/api/v1/services/${world.cart.id}/facts`, member!, soon, { id: world.cart.id })).json).toEqual({
      accepted: 1,
      changed: true,
    });
    expect((await call(pushFacts, "PUT", `/api/v1/services/${world.cart.id}/facts`, member!, soon, { id: world.cart.id })).json).toEqual({
      accepted: 1,
      changed: false,
    });
    expect((await call(pushFacts, "PUT", `/api/v1/services/${world.web.id}/facts`, manager!, soon, { id: world.web.id })).status).toBe(200);
    expect((await call(pushFacts, "PUT", `/api/v1/services/${world.infra.id}/facts`, outsider!, soon, { id: world.infra.id })).status).toBe(200);

    const dry = await call(dryRunApi, "POST", "/api/v1/rules/dry-run", member!, { conditions: TLS, applicableFactKey: "tls.expiresAt" });
    expect(dry.json).toMatchObject({ applicable: 3, total: 3 });
    expect((dry.json.failing as unknown[]).length).toBe(3);

    const enforced = await call(patchRuleApi, "PATCH", `/api/v1/rules/${ruleId}`, manager!, { version: 1, status: "ENFORCED" }, { id: ruleId });
    expect(enforced.status).toBe(200);

    // The rule covers Retail's subtree: cart (Checkout) and web (Retail), not infra (Platform).
    const listed = await call(listFindingsApi, "GET", `/api/v1/findings?team=${world.retail.id}`, manager!);
    expect(listed.json.data!.map((finding) => finding.serviceName).sort()).toEqual([world.cart.name, world.web.name].sort());
    expect((await call(listFindingsApi, "GET", "/api/v1/findings", outsider!)).json.data).toEqual([]);
    expect((await call(complianceApi, "GET", `/api/v1/compliance?team=${world.retail.id}`, outsider!)).status).toBe(404);

    const compliance = await call(complianceApi, "GET", `/api/v1/compliance?team=${world.retail.id}`, manager!);
    expect(compliance.json.total).toMatchObject({ applicable: 2, failing: 2, acknowledged: 0, failingCritical: 2, passingPercent: 0 });

    // The member asks for a waiver on cart; the manager approves; the team counts it as acknowledged.
    const cartFinding = listed.json.data!.find((finding) => finding.serviceId === world.cart.id)!;
    const tooLong = await call(
      ackApi,
      "POST",
      "/",
      member!,
      { category: "ACCEPTED_RISK", reason: "Renewal is automated next week", expiresOn: "2099-01-01" },
      {
        id: cartFinding.id as string,
      },
    );
    expect(tooLong.status).toBe(400);
    const expiresOn = daysFromNow(30).toISOString().slice(0, 10);
    const asked = await call(
      ackApi,
      "POST",
      "/",
      member!,
      { category: "MITIGATED_ELSEWHERE", reason: "The CDN terminates TLS for this host", expiresOn },
      {
        id: cartFinding.id as string,
      },
    );
    expect(asked.status).toBe(201);
    const memberUser = (await loadCurrentUser(world.member.id))!;
    await expect(decideAcknowledgment(memberUser, { acknowledgmentId: asked.json.id as string, decision: "APPROVED", note: "" })).rejects.toThrow(/manager/);
    await decideAcknowledgment((await loadCurrentUser(world.checkoutManager.id))!, {
      acknowledgmentId: asked.json.id as string,
      decision: "APPROVED",
      note: "ok",
    });
    const { evaluatePolicies } = await import("@/lib/policies/evaluator");
    await evaluatePolicies({ organizationId: world.org.id });
    const after = await call(complianceApi, "GET", `/api/v1/compliance?team=${world.retail.id}`, manager!);
    expect(after.json.total).toMatchObject({ applicable: 2, failing: 1, acknowledged: 1, passing: 0 });

    // Expiry reopens it and tells the team.
    expect(await expireAcknowledgments(world.org.id, daysFromNow(40))).toBe(1);
    expect((await testDb.policyFinding.findUniqueOrThrow({ where: { id: cartFinding.id as string } })).status).toBe("OPEN");
    expect(await testDb.notification.count({ where: { userId: world.member.id, kind: "ACKNOWLEDGMENT_EXPIRED" } })).toBe(1);
  });

  it("lets a member propose a draft rule for their team; only a manager of its scope enforces it", async () => {
    const world = await policyWorld();
    const [member, checkoutManager, outsider] = await Promise.all(
      [world.member, world.checkoutManager, world.outsider].map(async (user) => (await createApiToken(testDb, user.id)).secret),
    );
    const proposal = { name: "Renew certificates early", scopeTeamId: world.checkout.id, conditions: TLS };

    // Enforcing at once, or owning the draft by a team one is not on, is refused.
    expect((await call(createRuleApi, "POST", "/api/v1/rules", member!, { ...proposal, status: "ENFORCED" })).status).toBe(403);
    expect((await call(createRuleApi, "POST", "/api/v1/rules", member!, { ...proposal, ownerTeamId: world.platform.id })).status).toBe(403);
    const created = await call(createRuleApi, "POST", "/api/v1/rules", member!, proposal);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: "DRAFT", ownerTeamId: world.checkout.id });
    const ruleId = created.json.id as string;

    // The member edits the draft but cannot enforce it; a manager of another subtree cannot touch it.
    const edited = await call(patchRuleApi, "PATCH", `/api/v1/rules/${ruleId}`, member!, { version: 1, severity: "CRITICAL" }, { id: ruleId });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ severity: "CRITICAL", version: 2, status: "DRAFT" });
    expect((await call(patchRuleApi, "PATCH", `/api/v1/rules/${ruleId}`, member!, { version: 2, status: "ENFORCED" }, { id: ruleId })).status).toBe(403);
    expect((await call(patchRuleApi, "PATCH", `/api/v1/rules/${ruleId}`, outsider!, { version: 2, severity: "LOW" }, { id: ruleId })).status).toBe(403);

    const enforced = await call(patchRuleApi, "PATCH", `/api/v1/rules/${ruleId}`, checkoutManager!, { version: 2, status: "ENFORCED" }, { id: ruleId });
    expect(enforced.status).toBe(200);
    expect(enforced.json).toMatchObject({ status: "ENFORCED" });
    // Once it checks services, it is no longer the proposer's to change.
    expect((await call(patchRuleApi, "PATCH", `/api/v1/rules/${ruleId}`, member!, { version: 3, severity: "LOW" }, { id: ruleId })).status).toBe(403);
    expect((await testDb.policyRule.findUniqueOrThrow({ where: { id: ruleId } })).severity).toBe("CRITICAL");
  });
});
