// The verification endpoints of /api/v1 through their route handlers with real tokens: members of the
// owning subtree record, viewers and other subtrees may not; the grid pages through a subtree's
// services, 50 at a time, only for those who may read it; bad input is a 400 naming the field.
import { callRoute, type RouteHandler } from "@/lib/api/test-route";
import { afterAll, describe, expect, it } from "vitest";
import { GET as gridApi } from "@/app/api/v1/verifications/route";
import { GET as cardApi, POST as recordApi } from "@/app/api/v1/services/[id]/verifications/route";
import { loadCurrentUser } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { listDimensions } from "@/lib/verification/queries";
import { createScriptClient } from "@/prisma/seed/client";
import { createApiToken, createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

type Params = Record<string, string>;
type Cell = { status: string; verifiedAt: string | null };
type Grid = { teamId: string; page: number; pageCount: number; total: number; services: { id: string; teamId: string; cells: Record<string, Cell> }[] };

function call(handler: RouteHandler, token: string, options: { path?: string; method?: string; body?: unknown; params?: Params } = {}) {
  return callRoute(handler, options.method ?? "GET", options.path ?? "/api/v1/verifications", token, options.body, options.params);
}

async function world() {
  const org = await createOrganization(db);
  const retail = await createTeam(db, org.id, { name: "Retail" });
  const checkout = await createTeam(db, org.id, { name: "Checkout", parentId: retail.id });
  const platform = await createTeam(db, org.id, { name: "Platform" });
  const checkoutApi = await createService(db, org.id, checkout.id, { name: "checkout-api" });
  // 50 more under Checkout: the subtree's grid has two pages.
  await db.service.createMany({
    data: Array.from({ length: 50 }, (_, index) => ({ organizationId: org.id, teamId: checkout.id, name: `svc-${String(index).padStart(2, "0")}` })),
  });
  const dns = await createService(db, org.id, platform.id, { name: "dns" });
  const user = (memberships: { teamId: string; role: "VIEWER" | "MEMBER" | "MANAGER" }[]) => createUser(db, org.id, { memberships });
  const member = await user([{ teamId: checkout.id, role: "MEMBER" }]);
  const dimensions = await listDimensions((await loadCurrentUser(member.id))!);
  const dimension = (key: string) => dimensions.find((entry) => entry.key === key)!;
  const token = async (userId: string) => (await createApiToken(db, userId)).secret;
  return {
    teams: { retail, checkout, platform },
    checkoutApi,
    dns,
    dr: dimension("dr_backups"),
    faultTolerance: dimension("fault_tolerance"),
    tokens: {
      member: await token(member.id),
      viewer: await token((await user([{ teamId: retail.id, role: "VIEWER" }])).id),
      outsider: await token((await user([{ teamId: platform.id, role: "MANAGER" }])).id),
      stranger: await token((await createUser(db, (await createOrganization(db)).id, { isAdmin: true })).id),
    },
  };
}

describe("/api/v1/services/{id}/verifications", () => {
  it("a member of the owning subtree records a verification; viewers, other subtrees and other organizations cannot", async () => {
    const w = await world();
    const params = { id: w.checkoutApi.id };
    const path = `/api/v1/services/${w.checkoutApi.id}/verifications`;
    const restore = {
      dimensionId: w.dr.id,
      result: "PASSED",
      method: "RESTORE_TEST",
      evidence: "Restored last night's snapshot into staging in **42 minutes**.",
      rtoTargetMinutes: 60,
      rtoObservedMinutes: 42,
    };
    const record = (token: string, body: unknown, at = params) =>
      call(recordApi, token, { method: "POST", path: `/api/v1/services/${at.id}/verifications`, body, params: at });

    for (const token of [w.tokens.viewer, w.tokens.outsider]) {
      const refused = await record(token, restore);
      expect(refused.status).toBe(403);
      expect(refused.type).toContain("application/problem+json");
    }
    expect((await record(w.tokens.stranger, restore)).status).toBe(404);
    expect((await record(w.tokens.member, restore, { id: w.dns.id })).status).toBe(403);
    expect(await db.verificationRecord.count({ where: { serviceId: { in: [w.checkoutApi.id, w.dns.id] } } })).toBe(0);

    const created = await record(w.tokens.member, restore);
    expect(created.status).toBe(201);
    const data = created.json.data as { dimension: string; status: string; rtoObservedMinutes: number | null; history: { evidence: string }[] }[];
    expect(data.find((entry) => entry.dimension === "dr_backups")).toMatchObject({
      status: "VERIFIED",
      rtoObservedMinutes: 42,
      history: [{ evidence: restore.evidence }],
    });
    expect(data.find((entry) => entry.dimension === "fault_tolerance")).toMatchObject({ status: "NEVER" });

    // Readers of the subtree read the card; others learn nothing, not even that the service exists.
    expect((await call(cardApi, w.tokens.viewer, { path, params })).status).toBe(200);
    expect((await call(cardApi, w.tokens.outsider, { path, params })).status).toBe(404);
    expect((await call(cardApi, w.tokens.stranger, { path, params })).status).toBe(404);
  });

  it("refuses bad input with a 400 naming the field", async () => {
    const w = await world();
    const params = { id: w.checkoutApi.id };
    const base = { dimensionId: w.faultTolerance.id, result: "PASSED", method: "GAME_DAY", evidence: "Killed a pod; traffic moved within 20 s." };
    for (const [body, pointer] of [
      [{ ...base, evidence: "" }, "#/evidence"],
      [{ ...base, evidence: `${">".repeat(40)} deep` }, "#/evidence"],
      [{ ...base, result: "MOSTLY" }, "#/result"],
      [{ ...base, method: undefined }, "#/method"],
      [{ ...base, performedAt: "+275760-09-13T00:00:00.000Z" }, "#/performedAt"],
      [{ ...base, performedAt: "2026-02-30" }, "#/performedAt"],
      [{ ...base, result: "NOT_APPLICABLE", method: undefined }, "#/notApplicableReason"],
      [{ ...base, links: ["javascript:alert(1)"] }, "#/links/0"],
      [{ ...base, rtoObservedMinutes: -1 }, "#/rtoObservedMinutes"],
    ] as const) {
      const bad = await call(recordApi, w.tokens.member, { method: "POST", path: `/api/v1/services/${w.checkoutApi.id}/verifications`, body, params });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.type).toContain("application/problem+json");
      expect(bad.json.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer })]));
    }
    const unknownDimension = await call(recordApi, w.tokens.member, {
      method: "POST",
      path: `/api/v1/services/${w.checkoutApi.id}/verifications`,
      body: { ...base, dimensionId: "no-such-dimension" },
      params,
    });
    expect(unknownDimension.status).toBe(404);
    expect(await db.verificationRecord.count({ where: { serviceId: w.checkoutApi.id } })).toBe(0);
  });
});

describe("/api/v1/verifications", () => {
  it("pages through a subtree's grid for its readers; another subtree's grid is not found; bad paging is a 400", async () => {
    const w = await world();
    await call(recordApi, w.tokens.member, {
      method: "POST",
      path: `/api/v1/services/${w.checkoutApi.id}/verifications`,
      body: { dimensionId: w.faultTolerance.id, result: "PASSED", method: "GAME_DAY", evidence: "Killed a pod; traffic moved within 20 s." },
      params: { id: w.checkoutApi.id },
    });
    const grid = async (query: string, token = w.tokens.viewer) => {
      const answer = await call(gridApi, token, { path: `/api/v1/verifications?${query}` });
      return { ...answer, grid: answer.json as unknown as Grid };
    };

    const first = await grid(`teamId=${w.teams.retail.id}`);
    expect(first.status).toBe(200);
    expect(first.grid).toMatchObject({ teamId: w.teams.retail.id, page: 1, pageCount: 2, total: 51 });
    expect(first.grid.services).toHaveLength(50);
    const verified = first.grid.services.find((service) => service.id === w.checkoutApi.id)!;
    expect(verified.cells.fault_tolerance).toMatchObject({ status: "VERIFIED" });
    expect(verified.cells.dr_backups).toMatchObject({ status: "NEVER", verifiedAt: null });
    const second = await grid(`teamId=${w.teams.retail.id}&page=2`);
    expect(second.grid).toMatchObject({ page: 2, pageCount: 2, total: 51 });
    expect(second.grid.services).toHaveLength(1);
    // A page past the end is empty but still says how many there are.
    const past = await grid(`teamId=${w.teams.retail.id}&page=3`);
    expect(past.grid).toMatchObject({ page: 3, pageCount: 2, total: 51, services: [] });
    const ids = new Set([...first.grid.services, ...second.grid.services].map((service) => service.id));
    expect(ids.size).toBe(51);
    expect(ids.has(w.dns.id)).toBe(false);

    // Without a team: the caller's own. Another subtree's grid, or another organization's, is not found.
    const own = await grid("", w.tokens.outsider);
    expect(own.grid).toMatchObject({ teamId: w.teams.platform.id, total: 1 });
    expect(own.grid.services.map((service) => service.id)).toEqual([w.dns.id]);
    for (const token of [w.tokens.outsider, w.tokens.stranger]) {
      const hidden = await grid(`teamId=${w.teams.retail.id}`, token);
      expect(hidden.status).toBe(404);
      expect(hidden.type).toContain("application/problem+json");
    }

    for (const [query, pointer] of [
      ["page=0", "#/page"],
      ["page=two", "#/page"],
      [`teamId=${"x".repeat(65)}`, "#/teamId"],
    ] as const) {
      const bad = await grid(query);
      expect(bad.status).toBe(400);
      expect(bad.json.errors).toEqual([expect.objectContaining({ pointer })]);
    }
  });
});
