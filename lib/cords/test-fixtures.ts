// Shared set-up for the cord tests against the test database: Retail → Shop, and Platform beside
// it, with a viewer, a member and a manager of Shop, a Retail manager and an outsider. Not a test file.
import { randomUUID } from "node:crypto";
import { userFor, testDb } from "@/lib/actions/test-fixtures";
import { createApiToken, createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

export { testDb };

export async function cordWorld() {
  const org = await createOrganization(testDb);
  const retail = await createTeam(testDb, org.id, { name: "Retail" });
  const shop = await createTeam(testDb, org.id, { name: "Shop", parentId: retail.id });
  const platform = await createTeam(testDb, org.id, { name: "Platform" });
  const service = await createService(testDb, org.id, shop.id, { name: `shop-web-${randomUUID().slice(0, 6)}` });
  const make = (name: string, memberships: { teamId: string; role: "VIEWER" | "MEMBER" | "REVIEWER" | "MANAGER" }[]) =>
    createUser(testDb, org.id, { name, memberships, passwordHash: "not-a-real-hash" });
  const viewer = await make("Vera Viewer", [{ teamId: shop.id, role: "VIEWER" }]);
  const member = await make("Mo Member", [{ teamId: shop.id, role: "MEMBER" }]);
  const manager = await make("Mia Manager", [{ teamId: shop.id, role: "MANAGER" }]);
  const retailManager = await make("Rita Retail", [{ teamId: retail.id, role: "MANAGER" }]);
  const outsider = await make("Otto Outsider", [{ teamId: platform.id, role: "MEMBER" }]);
  const token = await createApiToken(testDb, viewer.id, "CI");
  return {
    org,
    teams: { retail, shop, platform },
    service,
    token,
    users: {
      viewer: await userFor(viewer.id),
      member: await userFor(member.id),
      manager: await userFor(manager.id),
      retailManager: await userFor(retailManager.id),
      outsider: await userFor(outsider.id),
    },
  };
}

/** Asks the deploy gate as CI would: the route's own handler with a bearer token. */
export async function askGate(token: string, service: string, init: { method?: "GET" | "HEAD"; ref?: string; environment?: string } = {}) {
  const url = new URL("http://andon.test/api/v1/deploy-gate");
  url.searchParams.set("service", service);
  if (init.environment) url.searchParams.set("environment", init.environment);
  const { deployGate, deployGateHead } = await import("@/lib/cords/gate-route");
  const request = new Request(url, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, ...(init.ref ? { "x-andon-deploy-ref": init.ref } : {}) },
  });
  return init.method === "HEAD" ? deployGateHead(request) : deployGate(request);
}

/** A one-off freeze window on a team's subtree that is running now and ends in an hour. */
export function runningFreezeWindow(organizationId: string, teamId: string, reason: string) {
  const now = Date.now();
  const endsAt = new Date(now + 3_600_000);
  return testDb.freezeWindow.create({ data: { organizationId, teamId, reason, startsAt: new Date(now - 60_000), endsAt, lastEndsAt: endsAt } });
}
