// Shared set-up for the corrective-action tests that run against the test database: Retail →
// Checkout → Payments, and Platform beside it, with people in each role. Not a test file itself.
import { randomUUID } from "node:crypto";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createTeam, createUser } from "@/prisma/seed/factories";

export const testDb = createScriptClient(env().DATABASE_URL);

export async function userFor(id: string): Promise<CurrentUser> {
  const user = await loadCurrentUser(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

export const daysFromToday = (days: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
};

export async function actionWorld() {
  const org = await createOrganization(testDb);
  const retail = await createTeam(testDb, org.id, { name: "Retail" });
  const checkout = await createTeam(testDb, org.id, { name: "Checkout", parentId: retail.id });
  const payments = await createTeam(testDb, org.id, { name: "Payments", parentId: checkout.id });
  const platform = await createTeam(testDb, org.id, { name: "Platform" });
  const make = (name: string, memberships: { teamId: string; role: "VIEWER" | "MEMBER" | "REVIEWER" | "MANAGER" }[], isAdmin = false) =>
    createUser(testDb, org.id, { name, memberships, isAdmin, passwordHash: "not-a-real-hash" });
  const owner = await make("Olu Owner", [{ teamId: payments.id, role: "MEMBER" }]);
  const reviewer = await make("Riley Reviewer", [{ teamId: checkout.id, role: "REVIEWER" }]);
  const paymentsManager = await make("Pat Payments-Manager", [{ teamId: payments.id, role: "MANAGER" }]);
  const retailManager = await make("Rita Retail-Manager", [{ teamId: retail.id, role: "MANAGER" }]);
  const outsider = await make("Otto Outsider", [{ teamId: platform.id, role: "MANAGER" }]);
  const coe = await testDb.coe.create({
    data: {
      organizationId: org.id,
      teamId: payments.id,
      title: `Card payments failed ${randomUUID().slice(0, 6)}`,
      severity: "SEV2",
      status: "APPROVED",
      approvedAt: new Date(),
    },
  });
  const action = (title: string, dueInDays: number, overrides: { ownerId?: string; teamId?: string; coeId?: string | null } = {}) =>
    testDb.correctiveAction.create({
      data: {
        organizationId: org.id,
        coeId: overrides.coeId === undefined ? coe.id : overrides.coeId,
        teamId: overrides.teamId ?? payments.id,
        title,
        ownerId: overrides.ownerId ?? owner.id,
        type: "PREVENT",
        priority: "HIGH",
        dueDate: daysFromToday(dueInDays),
        createdAt: daysFromToday(-30),
      },
    });
  return {
    org,
    coe,
    teams: { retail, checkout, payments, platform },
    action,
    users: {
      owner: await userFor(owner.id),
      reviewer: await userFor(reviewer.id),
      paymentsManager: await userFor(paymentsManager.id),
      retailManager: await userFor(retailManager.id),
      outsider: await userFor(outsider.id),
    },
  };
}

/**
 * The readers an access rule's agreement test checks: the action world's people plus an admin and a
 * viewer of Checkout, and a second organization whose owner must see only their own rows.
 */
export async function readerWorld() {
  const world = await actionWorld();
  const other = await actionWorld();
  const make = async (name: string, options: { isAdmin?: boolean; memberships?: { teamId: string; role: "VIEWER" }[] }) =>
    userFor((await createUser(testDb, world.org.id, { name, ...options, passwordHash: "not-a-real-hash" })).id);
  const admin = await make("Ada Admin", { isAdmin: true });
  const viewer = await make("Val Viewer", { memberships: [{ teamId: world.teams.checkout.id, role: "VIEWER" }] });
  return { world, other, admin, viewer };
}
