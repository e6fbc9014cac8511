// The key-metric visibility rule has two spellings, a Prisma `where` and SQL for the overview
// statement: for every kind of reader both must pick exactly the same metrics.
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/principal";
import { visibleMetricsSql, visibleMetricsWhere } from "@/lib/metrics/access";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

async function sqlVisible(user: CurrentUser): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT m.id FROM service_metrics m JOIN services s ON s.id = m.service_id WHERE ${visibleMetricsSql(user)} ORDER BY m.id`,
  );
  return rows.map((row) => row.id);
}

async function prismaVisible(user: CurrentUser): Promise<string[]> {
  const rows = await db.serviceMetric.findMany({ where: visibleMetricsWhere(user), select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}

/** Retail → Checkout and Platform beside it, one metric on a service of each; a second organization with one. */
async function world() {
  const org = await createOrganization(db);
  const retail = await createTeam(db, org.id, { name: "Retail" });
  const checkout = await createTeam(db, org.id, { name: "Checkout", parentId: retail.id });
  const platform = await createTeam(db, org.id, { name: "Platform" });
  const metricOn = async (organizationId: string, teamId: string) => {
    const service = await createService(db, organizationId, teamId);
    return (await db.serviceMetric.create({ data: { organizationId, serviceId: service.id, name: "p95 latency", direction: "DOWN" } })).id;
  };
  const metrics = { retail: await metricOn(org.id, retail.id), checkout: await metricOn(org.id, checkout.id), platform: await metricOn(org.id, platform.id) };
  const otherOrg = await createOrganization(db);
  await metricOn(otherOrg.id, (await createTeam(db, otherOrg.id, { name: "Elsewhere" })).id);
  const person = async (memberships: { teamId: string; role: "VIEWER" | "MEMBER" | "MANAGER" }[], isAdmin = false) =>
    (await loadCurrentUser((await createUser(db, org.id, { memberships, isAdmin })).id))!;
  return {
    metrics,
    readers: {
      admin: await person([], true),
      retailManager: await person([{ teamId: retail.id, role: "MANAGER" }]),
      member: await person([{ teamId: checkout.id, role: "MEMBER" }]),
      viewer: await person([{ teamId: checkout.id, role: "VIEWER" }]),
      outsider: await person([{ teamId: platform.id, role: "MEMBER" }]),
    },
  };
}

describe("visibleMetricsWhere and visibleMetricsSql", () => {
  it("pick the same metrics for an admin, a subtree's manager, a member, a viewer and an outsider", async () => {
    const { metrics, readers } = await world();
    const expected = {
      admin: [metrics.retail, metrics.checkout, metrics.platform],
      retailManager: [metrics.retail, metrics.checkout],
      member: [metrics.checkout],
      viewer: [metrics.checkout],
      outsider: [metrics.platform],
    };
    for (const [name, user] of Object.entries(readers)) {
      const prisma = await prismaVisible(user);
      expect(prisma, name).toEqual(expected[name as keyof typeof expected].toSorted());
      expect(await sqlVisible(user), name).toEqual(prisma);
    }
  });
});
