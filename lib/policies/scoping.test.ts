// Who sees which findings: a finding is read by the teams above the service's team only, the same
// through the compliance page's reads, the finding page, the API and the CSV download; and who may
// not act on a finding or a rule of another subtree.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";

const session: { user: CurrentUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { GET: exportCsv } = await import("@/app/(app)/policies/export/route");
const { GET: listFindingsApi } = await import("@/app/api/v1/findings/route");
const { POST: ackApi } = await import("@/app/api/v1/findings/[id]/acknowledgment/route");
const { POST: createRuleApi } = await import("@/app/api/v1/rules/route");
const { complianceForTeam } = await import("@/lib/policies/compliance");
const { getFinding, listFindings } = await import("@/lib/policies/queries");
const { evaluatePolicies } = await import("@/lib/policies/evaluator");
const { writeFacts } = await import("@/lib/policies/fact-mutations");
const { loadCurrentUser } = await import("@/lib/auth/principal");
const { createApiToken } = await import("@/prisma/seed/factories");
const { daysFromNow, enforcedRule, policyWorld, testDb } = await import("@/lib/policies/test-fixtures");

afterAll(() => testDb.$disconnect());

type World = Awaited<ReturnType<typeof policyWorld>>;
let world: World;
let findingIds: Record<"cart" | "web" | "infra", string>;

beforeAll(async () => {
  world = await policyWorld();
  await enforcedRule(world.org.id, { name: `Certificate soon ${world.org.id}` });
  await writeFacts(
    testDb,
    world.org.id,
    "test",
    [world.cart, world.web, world.infra].map((service) => ({
      serviceId: service.id,
      key: "tls.expiresAt",
      type: "datetime" as const,
      value: daysFromNow(3).toISOString(),
      observedAt: new Date(),
    })),
  );
  await evaluatePolicies({ organizationId: world.org.id });
  const findings = await testDb.policyFinding.findMany({ where: { organizationId: world.org.id }, select: { id: true, serviceId: true } });
  const idOf = (serviceId: string) => findings.find((finding) => finding.serviceId === serviceId)!.id;
  findingIds = { cart: idOf(world.cart.id), web: idOf(world.web.id), infra: idOf(world.infra.id) };
}, 120_000);

const userOf = async (id: string) => (await loadCurrentUser(id))!;

async function csvServices(user: CurrentUser, query = ""): Promise<{ status: number; services: string[] }> {
  session.user = user;
  const response = await exportCsv(new Request(`http://andon.test/policies/export${query}`));
  const text = await response.text();
  const names = [world.cart.name, world.web.name, world.infra.name].filter((name) => text.includes(name));
  return { status: response.status, services: names.sort() };
}

async function apiServices(userId: string, query = ""): Promise<string[]> {
  const token = (await createApiToken(testDb, userId)).secret;
  const response = await listFindingsApi(new Request(`http://andon.test/api/v1/findings${query}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });
  const json = (await response.json()) as { data: { serviceName: string }[] };
  return json.data.map((finding) => finding.serviceName).sort();
}

describe("finding visibility", () => {
  it.each([
    ["the Checkout member", "member", ["cart"]],
    ["the Retail manager", "retailManager", ["cart", "web"]],
    ["the Platform manager", "outsider", ["infra"]],
    ["an admin", "admin", ["cart", "infra", "web"]],
  ] as const)("%s sees the same findings on the page, in the API and in the CSV", async (_, who, expected) => {
    const user = await userOf(world[who].id);
    const names = expected.map((key) => world[key].name).sort();
    expect((await listFindings(user, {}, { limit: 100 })).map((finding) => finding.service.name).sort()).toEqual(names);
    expect(await apiServices(user.userId)).toEqual(names);
    expect(await csvServices(user)).toEqual({ status: 200, services: names });
    for (const key of ["cart", "web", "infra"] as const) {
      expect(await getFinding(user, findingIds[key]), `${who} reads the ${key} finding page`).toSatisfy((finding) =>
        expected.includes(key as never) ? finding !== null : finding === null,
      );
    }
  });

  it("asking for another subtree by its id shows nothing of it", async () => {
    const outsider = await userOf(world.outsider.id);
    expect(await complianceForTeam(outsider, world.retail.id)).toBeNull();
    expect(await listFindings(outsider, { teamId: world.retail.id }, { limit: 100 })).toEqual([]);
    expect(await apiServices(outsider.userId, `?team=${world.retail.id}`)).toEqual([]);
    expect(await csvServices(outsider, `?team=${world.retail.id}`)).toEqual({ status: 200, services: [] });
    const member = await userOf(world.member.id);
    expect(await complianceForTeam(member, world.retail.id)).toBeNull();
    expect((await complianceForTeam(member, world.checkout.id))?.team.id).toBe(world.checkout.id);
  });

  it("refuses the download without a session", async () => {
    session.user = null;
    const response = await exportCsv(new Request("http://andon.test/policies/export"));
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("acting on another subtree", () => {
  it("refuses a waiver request on a finding the caller cannot see, and rules for a team they do not manage", async () => {
    const outsiderToken = (await createApiToken(testDb, world.outsider.id)).secret;
    const memberToken = (await createApiToken(testDb, world.member.id)).secret;
    const ack = (token: string, findingId: string) =>
      ackApi(
        new Request(`http://andon.test/api/v1/findings/${findingId}/acknowledgment`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ category: "ACCEPTED_RISK", reason: "We accept this risk for now.", expiresOn: daysFromNow(10).toISOString().slice(0, 10) }),
        }),
        { params: Promise.resolve({ id: findingId }) },
      );
    expect((await ack(outsiderToken, findingIds.cart)).status).toBe(404);
    // A member of Checkout cannot ask for Retail's own service either (it is above their team).
    expect((await ack(memberToken, findingIds.web)).status).toBe(404);
    expect(await testDb.findingAcknowledgment.count({ where: { findingId: { in: [findingIds.cart, findingIds.web] } } })).toBe(0);

    const rule = (token: string, body: Record<string, unknown>) =>
      createRuleApi(
        new Request("http://andon.test/api/v1/rules", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            name: `Scoped ${Math.random().toString(36).slice(2, 8)}`,
            conditions: { all: [{ fact: "x.y", operator: "present" }] },
            ...body,
          }),
        }),
        { params: Promise.resolve({}) },
      );
    expect((await rule(outsiderToken, { scopeTeamId: world.retail.id, status: "ENFORCED" })).status).toBe(403);
    expect((await rule(outsiderToken, { scopeTeamId: world.retail.id, ownerTeamId: world.checkout.id })).status).toBe(403);
  });
});
