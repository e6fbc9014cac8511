// /api/v1/coes against the test database: the same write path and scoping as the pages, with
// problem+json answers for bad input, forbidden writes and stale versions.
import { afterAll, describe, expect, it } from "vitest";
import { GET as getCoe, PATCH as patchCoe } from "@/app/api/v1/coes/[id]/route";
import { GET as listCoes, POST as postCoe } from "@/app/api/v1/coes/route";
import { createCoe, saveCoe, transitionCoe } from "@/lib/coes/mutations";
import { coeWorld, completeDocument, testDb } from "@/lib/coes/test-fixtures";
import { createApiToken } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

type World = Awaited<ReturnType<typeof coeWorld>>;

function call(
  handler: (request: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  params: Record<string, string> = {},
) {
  const request = new Request(`http://andon.test${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

async function tokens(world: World) {
  const token = async (userId: string) => (await createApiToken(testDb, userId)).secret;
  return {
    author: await token(world.users.author.userId),
    reviewer: await token(world.users.reviewer.userId),
    outsider: await token(world.users.outsider.userId),
  };
}

async function restrictedApproved(world: World) {
  const created = await createCoe(world.users.author, { title: "Restricted", teamId: world.teams.checkout.id, severity: "SEV1" });
  await saveCoe(world.users.author, {
    coeId: created.id,
    baseVersion: 1,
    document: completeDocument(world, { restricted: true, title: "Restricted incident" }),
  });
  await transitionCoe(world.users.author, { coeId: created.id, baseVersion: 2, transition: "submit", note: "" });
  await transitionCoe(world.users.reviewer, { coeId: created.id, baseVersion: 3, transition: "approve", note: "" });
  return created.id;
}

describe("/api/v1/coes", () => {
  it("creates a draft for a team the caller writes for, and refuses other teams", async () => {
    const world = await coeWorld();
    const token = await tokens(world);
    const created = await call(postCoe, "POST", "/api/v1/coes", token.author, { title: "From the API", teamId: world.teams.checkout.id, severity: "SEV3" });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; version: number; status: string; authors: { id: string }[] };
    expect(body).toMatchObject({ version: 1, status: "DRAFT", authors: [{ id: world.users.author.userId }] });
    const refused = await call(postCoe, "POST", "/api/v1/coes", token.outsider, { title: "Not mine", teamId: world.teams.checkout.id, severity: "SEV3" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
  });

  it("hides a restricted COE from another team in the list and by id", async () => {
    const world = await coeWorld();
    const token = await tokens(world);
    const id = await restrictedApproved(world);
    const outsiderList = (await (await call(listCoes, "GET", "/api/v1/coes", token.outsider)).json()) as { data: { id: string }[] };
    expect(outsiderList.data.map((coe) => coe.id)).not.toContain(id);
    const outsiderSearch = (await (await call(listCoes, "GET", "/api/v1/coes?q=certificate", token.outsider)).json()) as { data: { id: string }[] };
    expect(outsiderSearch.data).toEqual([]);
    const reviewerSearch = (await (await call(listCoes, "GET", "/api/v1/coes?q=certificate", token.reviewer)).json()) as { data: { id: string }[] };
    expect(reviewerSearch.data.map((coe) => coe.id)).toEqual([id]);
    expect((await call(getCoe, "GET", `/api/v1/coes/${id}`, token.outsider, undefined, { id })).status).toBe(404);
    expect((await call(patchCoe, "PATCH", `/api/v1/coes/${id}`, token.outsider, { version: 4, title: "x" }, { id })).status).toBe(404);
    const reviewerView = await call(getCoe, "GET", `/api/v1/coes/${id}`, token.reviewer, undefined, { id });
    expect(reviewerView.status).toBe(200);
    expect(((await reviewerView.json()) as { title: string }).title).toBe("Restricted incident");
  });

  it("patches with the version read, answers 409 with the current COE when it is stale, 400 for bad input", async () => {
    const world = await coeWorld();
    const token = await tokens(world);
    const created = await createCoe(world.users.author, { title: "Patch me", teamId: world.teams.checkout.id, severity: "SEV3" });
    const params = { id: created.id };
    const ok = await call(patchCoe, "PATCH", `/api/v1/coes/${created.id}`, token.author, { version: 1, whatHappened: "Written through the API." }, params);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ version: 2, whatHappened: "Written through the API.", title: "Patch me" });

    const stale = await call(patchCoe, "PATCH", `/api/v1/coes/${created.id}`, token.author, { version: 1, whatHappened: "Overwrite?" }, params);
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    expect(await stale.json()).toMatchObject({ status: 409, current: { version: 2, whatHappened: "Written through the API." } });

    const noVersion = await call(patchCoe, "PATCH", `/api/v1/coes/${created.id}`, token.author, { title: "x" }, params);
    expect(noVersion.status).toBe(400);
    const unknown = await call(patchCoe, "PATCH", `/api/v1/coes/${created.id}`, token.author, { version: 2, status: "APPROVED" }, params);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errors: [{ pointer: "#/status" }] });
    const disorder = await call(
      patchCoe,
      "PATCH",
      `/api/v1/coes/${created.id}`,
      token.author,
      { version: 2, startedAt: "2026-11-01T10:00:00Z", detectedAt: "2026-11-01T09:00:00Z" },
      params,
    );
    expect(disorder.status).toBe(400);
    expect(await disorder.json()).toMatchObject({ errors: [{ pointer: "#/detectedAt", detail: "Cannot be detected before it was started." }] });
    expect((await testDb.coe.findUniqueOrThrow({ where: { id: created.id } })).version).toBe(2);
  });
});
