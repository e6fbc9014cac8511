// The game-day endpoints of /api/v1 through their route handlers with real tokens: planning, the
// paginated list, journal import (held, repeated, NUL, bad dates) and who may do what; a game day only
// names (and so only verifies) services whose owning team the caller may record verifications for.
import { callRoute, type RouteHandler } from "@/lib/api/test-route";
import { afterAll, describe, expect, it } from "vitest";
import { GET as listGameDaysApi, POST as createGameDayApi } from "@/app/api/v1/game-days/route";
import { GET as getGameDayApi } from "@/app/api/v1/game-days/[id]/route";
import { POST as importJournalApi } from "@/app/api/v1/game-days/[id]/journal/route";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { addExperiment } from "@/lib/game-days/mutations";
import { sampleJournal } from "@/lib/game-days/journal-fixtures";
import { ForbiddenError } from "@/lib/errors";
import { listDimensions } from "@/lib/verification/queries";
import { createApiToken, createService, createUser } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

type Params = Record<string, string>;

function call(handler: RouteHandler, token: string, options: { path?: string; method?: string; body?: unknown; params?: Params } = {}) {
  return callRoute(handler, options.method ?? "GET", options.path ?? "/api/v1/game-days", token, options.body, options.params);
}

async function world() {
  const base = await actionWorld();
  const suffix = base.org.id.slice(-6);
  const cardApi = await createService(testDb, base.org.id, base.teams.payments.id, { name: `card-api-${suffix}` });
  const search = await createService(testDb, base.org.id, base.teams.platform.id, { name: `search-${suffix}` });
  const dimensions = await listDimensions(base.users.owner);
  const faultTolerance = dimensions.find((dimension) => dimension.key === "fault_tolerance")!;
  const token = async (userId: string) => (await createApiToken(testDb, userId)).secret;
  const viewer = await createUser(testDb, base.org.id, { memberships: [{ teamId: base.teams.retail.id, role: "VIEWER" }] });
  const tokens = {
    viewer: await token(viewer.id),
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

describe("/api/v1/game-days", () => {
  it("plans a game day, lists it page by page to readers of the subtree, and refuses bad input with the field named", async () => {
    const w = await world();
    const created = await call(createGameDayApi, w.tokens.owner, { method: "POST", body: w.plan() });
    expect(created.status).toBe(201);
    const gameDayId = created.json.id as string;
    const detail = await call(getGameDayApi, w.tokens.viewer, { path: `/api/v1/game-days/${gameDayId}`, params: { id: gameDayId } });
    expect(detail.json).toMatchObject({
      id: gameDayId,
      status: "PLANNED",
      services: [{ id: w.cardApi.id }],
      experiments: [{ templateKey: "network-latency" }],
    });
    expect((await call(getGameDayApi, w.tokens.outsider, { path: `/api/v1/game-days/${gameDayId}`, params: { id: gameDayId } })).status).toBe(404);

    // 25 a page, soonest first among upcoming ones.
    const later = Date.now() + 2 * 86_400_000;
    await testDb.gameDay.createMany({
      data: Array.from({ length: 25 }, (_, index) => ({
        organizationId: w.org.id,
        teamId: w.teams.payments.id,
        title: `Drill ${index}`,
        scheduledAt: new Date(later + index * 3_600_000),
        durationMinutes: 60,
      })),
    });
    const list = (query: string, token = w.tokens.viewer) => call(listGameDaysApi, token, { path: `/api/v1/game-days?${query}` });
    const first = await list("when=upcoming");
    expect(first.json).toMatchObject({ total: 26, page: 1, pageCount: 2 });
    expect((first.json.data as { id: string }[]).length).toBe(25);
    expect((first.json.data as { id: string }[])[0]!.id).toBe(gameDayId);
    const second = await list("when=upcoming&page=2");
    expect((second.json.data as { title: string }[]).map((gameDay) => gameDay.title)).toEqual(["Drill 24"]);
    expect((await list(`when=all&teamId=${w.teams.payments.id}`, w.tokens.retailManager)).json.total).toBe(26);
    expect((await list("when=all", w.tokens.outsider)).json).toMatchObject({ total: 0, data: [] });
    expect((await list("when=past")).json.total).toBe(0);

    for (const [query, pointer] of [
      ["page=0", "#/page"],
      ["when=someday", "#/when"],
    ] as const) {
      const bad = await list(query);
      expect(bad.status).toBe(400);
      expect(bad.json.errors).toEqual([expect.objectContaining({ pointer })]);
    }
    for (const [body, pointer] of [
      [{ ...w.plan(), title: "" }, "#/title"],
      [{ ...w.plan(), scheduledAt: "+275760-09-13T00:00:00.000Z" }, "#/scheduledAt"],
      [{ ...w.plan(), durationMinutes: 5 }, "#/durationMinutes"],
      [
        { ...w.plan(), experiment: { ...w.plan().experiment, parameters: { healthUrl: "not a url", interface: "eth0; rm -rf /", delayMs: "200" } } },
        "#/experiment/parameters/interface",
      ],
    ] as const) {
      const bad = await call(createGameDayApi, w.tokens.owner, { method: "POST", body });
      expect(bad.status).toBe(400);
      expect(bad.type).toContain("application/problem+json");
      expect(bad.json.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer })]));
    }
    const malformed = await call(createGameDayApi, w.tokens.owner, { method: "POST", body: "{oops" });
    expect(malformed.status).toBe(400);

    // A viewer reads but does not plan; a manager elsewhere cannot plan for this team.
    expect((await call(createGameDayApi, w.tokens.viewer, { method: "POST", body: w.plan() })).status).toBe(403);
    expect((await call(createGameDayApi, w.tokens.outsider, { method: "POST", body: w.plan() })).status).toBe(403);
  });

  it("imports a journal once, drops NUL, refuses impossible dates with the field named, and keeps out viewers and other subtrees", async () => {
    const w = await world();
    const gameDayId = (await call(createGameDayApi, w.tokens.owner, { method: "POST", body: w.plan() })).json.id as string;
    const path = `/api/v1/game-days/${gameDayId}/journal`;
    const importAs = (token: string, body: unknown) => call(importJournalApi, token, { method: "POST", path, body, params: { id: gameDayId } });
    const journal = { ...sampleJournal("completed", { startedAt: new Date(Date.now() - 3_600_000) }), node: "runner\u0000-1" };

    expect((await importAs(w.tokens.viewer, journal)).status).toBe(403);
    expect((await importAs(w.tokens.outsider, journal)).status).toBe(404);

    const first = await importAs(w.tokens.owner, journal);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ verdict: "HELD", duplicate: false, verificationRecorded: true });
    const run = await testDb.gameDayRun.findFirstOrThrow({ where: { gameDayId }, select: { raw: true } });
    expect(run.raw).toMatchObject({ node: "runner-1" });
    expect(await testDb.verificationRecord.count({ where: { serviceId: w.cardApi.id, dimensionId: w.faultTolerance.id } })).toBe(1);
    const again = await importAs(w.tokens.retailManager, journal);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ runId: first.json.runId, duplicate: true });

    // The uploaded text, wrapped: an escaped NUL inside it is dropped the same way.
    const deviated = { ...sampleJournal("deviated", { startedAt: new Date(Date.now() - 7_200_000) }), node: "runner-2" };
    const wrappedText = JSON.stringify(deviated).replace('"runner-2"', '"runner\\u0000-2"');
    expect(wrappedText).toContain("\\u0000");
    const wrapped = await importAs(w.tokens.owner, { journal: wrappedText });
    expect(wrapped.status).toBe(201);
    expect(wrapped.json).toMatchObject({ verdict: "DEVIATED", verificationRecorded: false });
    expect(
      await testDb.gameDayRun.findFirstOrThrow({ where: { gameDayId, id: wrapped.json.runId as string }, select: { raw: true } }).then((row) => row.raw),
    ).toMatchObject({ node: "runner-2" });

    for (const [body, pointer] of [
      [{ ...journal, start: "+275760-09-13T00:00:00.000Z" }, "#/journal/start"],
      [{ ...journal, start: "-000001-01-01T00:00:00" }, "#/journal/start"],
      [{ ...journal, end: "yesterday at noon" }, "#/journal/end"],
      [{ experimentId: "nope", journal: { ...journal, end: "2026-13-01T00:00:00" } }, "#/journal/end"],
      [{ deviated: false }, "#/journal"],
      [{ journal: "{oops" }, "#/journal"],
    ] as const) {
      const bad = await importAs(w.tokens.owner, body);
      expect(bad.status).toBe(400);
      expect(bad.type).toContain("application/problem+json");
      expect(bad.json.errors).toEqual([expect.objectContaining({ pointer })]);
    }
    expect(await testDb.gameDayRun.count({ where: { gameDayId } })).toBe(2);

    // A pipeline retrying at once: one run, the others answered as duplicates of it (was a 500).
    const retried = { ...sampleJournal("completed", { startedAt: new Date(Date.now() - 5_400_000) }), node: "runner-3" };
    const retries = await Promise.all([1, 2, 3].map(() => importAs(w.tokens.owner, retried)));
    expect(retries.map((retry) => retry.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(retries.map((retry) => retry.json.runId)).size).toBe(1);
    expect(await testDb.gameDayRun.count({ where: { gameDayId } })).toBe(3);
  });
});
