// Whose metrics a user may open, and which team the page starts on.
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { loadCurrentUser } from "@/lib/auth/principal";
import { resolveMetricsScope } from "@/lib/metrics/scope";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

async function world() {
  const org = await createOrganization(db);
  const retail = await createTeam(db, org.id, { name: "Retail" });
  const checkout = await createTeam(db, org.id, { name: "Checkout", parentId: retail.id });
  const payments = await createTeam(db, org.id, { name: "Payments", parentId: checkout.id });
  const platform = await createTeam(db, org.id, { name: "Platform" });
  const user = async (overrides: Parameters<typeof createUser>[2]) => (await loadCurrentUser((await createUser(db, org.id, overrides)).id))!;
  return { org, retail, checkout, payments, platform, user };
}

describe("metrics scope", () => {
  it("starts on the user's highest team, with its whole subtree", async () => {
    const w = await world();
    const manager = await w.user({
      memberships: [
        { teamId: w.payments.id, role: "MEMBER" },
        { teamId: w.checkout.id, role: "MANAGER" },
      ],
    });
    const scope = await resolveMetricsScope(manager, undefined);
    expect(scope?.team.id).toBe(w.checkout.id);
    expect(scope?.teamIds.toSorted()).toEqual([w.checkout.id, w.payments.id].toSorted());
  });

  it("opens a sub-team on request, but never a team the user cannot see", async () => {
    const w = await world();
    const viewer = await w.user({ memberships: [{ teamId: w.checkout.id, role: "VIEWER" }] });
    expect((await resolveMetricsScope(viewer, w.payments.id))?.teamIds).toEqual([w.payments.id]);
    expect((await resolveMetricsScope(viewer, w.platform.id))?.team.id).toBe(w.checkout.id);
    expect((await resolveMetricsScope(viewer, w.retail.id))?.team.id).toBe(w.checkout.id);
  });

  it("gives admins every team, starting at the first top-level one; and nobody else without a team anything", async () => {
    const w = await world();
    const admin = await w.user({ isAdmin: true });
    expect((await resolveMetricsScope(admin, undefined))?.team.id).toBe(w.platform.id);
    expect((await resolveMetricsScope(admin, w.retail.id))?.teamIds).toHaveLength(3);
    expect(await resolveMetricsScope(await w.user({}), undefined)).toBeNull();
  });
});
