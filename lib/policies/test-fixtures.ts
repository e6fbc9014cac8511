// Shared set-up for the policy tests against the test database: Retail → Checkout, and Platform
// beside it, a service in each, people in each role. Not a test file itself.
import { env } from "@/lib/env";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";
import type { Conditions } from "@/lib/policies/conditions";

export const testDb = createScriptClient(env().DATABASE_URL);

export async function policyWorld() {
  const org = await createOrganization(testDb);
  const retail = await createTeam(testDb, org.id, { name: "Retail" });
  const checkout = await createTeam(testDb, org.id, { name: "Checkout", parentId: retail.id });
  const platform = await createTeam(testDb, org.id, { name: "Platform" });
  const make = (name: string, memberships: { teamId: string; role: "VIEWER" | "MEMBER" | "REVIEWER" | "MANAGER" }[], isAdmin = false) =>
    createUser(testDb, org.id, { name, memberships, isAdmin, passwordHash: "not-a-real-hash" });
  const member = await make("Mia Member", [{ teamId: checkout.id, role: "MEMBER" }]);
  const checkoutManager = await make("Cam Checkout-Manager", [{ teamId: checkout.id, role: "MANAGER" }]);
  const retailManager = await make("Rita Retail-Manager", [{ teamId: retail.id, role: "MANAGER" }]);
  const outsider = await make("Otto Outsider", [{ teamId: platform.id, role: "MANAGER" }]);
  const admin = await make("Ada Admin", [], true);
  const cart = await createService(testDb, org.id, checkout.id, { name: `cart-${org.id.slice(-6)}` });
  const web = await createService(testDb, org.id, retail.id, { name: `web-${org.id.slice(-6)}` });
  const infra = await createService(testDb, org.id, platform.id, { name: `infra-${org.id.slice(-6)}` });
  return { org, retail, checkout, platform, member, checkoutManager, retailManager, outsider, admin, cart, web, infra };
}

const TLS_RULE: Conditions = { all: [{ fact: "tls.expiresAt", operator: "daysUntilLessThan", value: 30 }] };

export async function enforcedRule(
  organizationId: string,
  overrides: { name?: string; conditions?: Conditions; applicableFactKey?: string | null; scopeTeamId?: string | null } = {},
) {
  return testDb.policyRule.create({
    data: {
      organizationId,
      name: overrides.name ?? `Certificate expires soon ${Math.random().toString(36).slice(2, 8)}`,
      status: "ENFORCED",
      severity: "CRITICAL",
      category: "security",
      conditions: overrides.conditions ?? TLS_RULE,
      applicableFactKey: overrides.applicableFactKey === undefined ? "tls.expiresAt" : overrides.applicableFactKey,
      scopeTeamId: overrides.scopeTeamId ?? null,
    },
  });
}

export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

/** An open finding of `ruleId` on a service, as the evaluator would have written it. */
export async function openFinding(world: { org: { id: string } }, ruleId: string, service: { id: string; teamId: string }) {
  const now = new Date();
  return testDb.policyFinding.create({
    data: {
      organizationId: world.org.id,
      ruleId,
      serviceId: service.id,
      teamId: service.teamId,
      factValues: { "tls.expiresAt": daysFromNow(3).toISOString() },
      firstOpenedAt: now,
      openedAt: now,
      lastEvaluatedAt: now,
    },
  });
}
