// The game-day endpoints of /api/v1 through their route handlers with real tokens: a game day only
// names (and so only verifies) services whose owning team the caller may record verifications for.
import { afterAll, describe, expect, it } from "vitest";
import { POST as createGameDayApi } from "@/app/api/v1/game-days/route";
import { POST as importJournalApi } from "@/app/api/v1/game-days/[id]/journal/route";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { addExperiment } from "@/lib/game-days/mutations";
import { sampleJournal } from "@/lib/game-days/journal-fixtures";
import { ForbiddenError } from "@/lib/errors";
import { listDimensions } from "@/lib/verification/queries";
import { createApiToken, createService } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

type Params = Record<string, string>;
type Handler = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

async function call(handler: Handler, token: string, options: { path?: string; method?: string; body?: unknown; params?: Params } = {}) {
  const init: RequestInit = { method: options.method ?? "GET", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
  if (options.body !== undefined) init.body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const response = await handler(new Request(`http://andon.test${options.path ?? "/api/v1/game-days"}`, init), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type") ?? "", json: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

async function world() {
  const base = await actionWorld();
  const suffix = base.org.id.slice(-6);
  const cardApi = await createService(testDb, base.org.id, base.teams.payments.id, { name: `card-api-${suffix}` });
  const search = await createService(testDb, base.org.id, base.teams.platform.id, { name: `search-${suffix}` });
  const dimensions = await listDimensions(base.org.id);
  const faultTolerance = dimensions.find((dimension) => dimension.key === "fault_tolerance")!;
  const token = async (userId: string) => (await createApiToken(testDb, userId)).secret;
  const tokens = {
    owner: await token(base.users.owner.userId),
    retailManager: await token(base.users.retailManager.userId),
    outsider: await token(base.users.outsider.userId),
  };
  const plan = (overrides: { serviceIds?: string[]; experimentServiceId?: string; teamId?: string; title?: string; scheduledAt?: string } = {}) => ({
    title: overrides.title ?? "Latency on the card API",
    teamId: overrides.teamId ?? base.teams.payments.id,
    scheduledAt: overrides.scheduledAt ?? new Date(Date.now() + 86_400_000).toISOString(),
    durationMinutes: 120,
    serviceIds: overrides.serviceIds ?? [cardApi.id],
    experiment: {
      templateKey: "network-latency",
      parameters: { healthUrl: "http://card-api.internal/health", interface: "eth0", delayMs: "200" },
      dimensionId: faultTolerance.id,
      ...(overrides.experimentServiceId ? { serviceId: overrides.experimentServiceId } : {}),
    },
  });
  return { ...base, cardApi, search, faultTolerance, tokens, plan };
}

describe("/api/v1/game-days permissions per service", () => {
  it("a member cannot plan a game day on a service of another subtree, in scope or as the experiment's target", async () => {
    const w = await world();
    const inScope = await call(createGameDayApi, w.tokens.owner, { method: "POST", body: w.plan({ serviceIds: [w.cardApi.id, w.search.id] }) });
    expect(inScope.status).toBe(403);
    expect(inScope.type).toContain("application/problem+json");
    const target = await call(createGameDayApi, w.tokens.owner, { method: "POST", body: w.plan({ experimentServiceId: w.search.id }) });
    expect(target.status).toBe(403);
    expect(await testDb.gameDay.count({ where: { organizationId: w.org.id } })).toBe(0);

    // Within the subtree it is planned; the manager above plans one for a sub-team's service too.
    expect((await call(createGameDayApi, w.tokens.owner, { method: "POST", body: w.plan() })).status).toBe(201);
    expect(
      (await call(createGameDayApi, w.tokens.retailManager, { method: "POST", body: w.plan({ teamId: w.teams.retail.id, experimentServiceId: w.cardApi.id }) }))
        .status,
    ).toBe(201);
  });

  it("an experiment added later cannot aim at another subtree's service either", async () => {
    const w = await world();
    const created = await call(createGameDayApi, w.tokens.owner, { method: "POST", body: w.plan() });
    await expect(
      addExperiment(w.users.owner, {
        gameDayId: created.json.id as string,
        templateKey: "network-latency",
        parameters: { healthUrl: "http://search.internal/health", interface: "eth0", delayMs: "200" },
        description: "",
        serviceId: w.search.id,
        dimensionId: w.faultTolerance.id,
        blastRadius: "",
        abortConditions: "",
        expectedOutcome: "",
      }),
    ).rejects.toThrow(ForbiddenError);
  });

  it("a held journal never verifies a service the importer may not verify, even on a game day planned before the check", async () => {
    const w = await world();
    const created = await call(createGameDayApi, w.tokens.owner, { method: "POST", body: w.plan() });
    const gameDayId = created.json.id as string;
    await testDb.gameDayExperiment.updateMany({ where: { gameDayId }, data: { serviceId: w.search.id } });
    const journal = sampleJournal("completed");
    const refused = await call(importJournalApi, w.tokens.owner, {
      method: "POST",
      path: `/api/v1/game-days/${gameDayId}/journal`,
      body: journal,
      params: { id: gameDayId },
    });
    expect(refused.status).toBe(403);
    expect(refused.type).toContain("application/problem+json");
    expect(await testDb.verificationRecord.count({ where: { serviceId: w.search.id } })).toBe(0);
    expect(await testDb.gameDayRun.count({ where: { gameDayId } })).toBe(0);
  });
});
