// The /api/v1 door (apiRoute + bearer authentication + problem+json), exercised through the real
// route handlers against the test database. Each test makes its own organization and users.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { POST as postTeam } from "@/app/api/v1/teams/route";
import { errorResponse } from "@/lib/api/handler";
import { env } from "@/lib/env";
import { createScriptClient } from "@/prisma/seed/client";
import { createApiToken, createOrganization, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

type Handler = (request: Request) => Promise<Response>;

function call(handler: Handler, options: { method?: string; token?: string; body?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  return handler(
    new Request("http://andon.test/api/v1/x", { method: options.method ?? (options.body === undefined ? "GET" : "POST"), headers, body: options.body }),
  );
}

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const problem = (await response.json()) as { status: number; detail: string; errors?: { pointer: string; detail: string }[] };
  expect(problem.status).toBe(status);
  return problem;
}

let orgId: string;
let teamId: string;
let member: { id: string; email: string; name: string };
let memberToken: string;
let adminToken: string;
let viewerToken: string;

beforeAll(async () => {
  const org = await createOrganization(db);
  orgId = org.id;
  teamId = (await createTeam(db, orgId)).id;
  member = await createUser(db, orgId, { memberships: [{ teamId, role: "MEMBER" }] });
  memberToken = (await createApiToken(db, member.id)).secret;
  adminToken = (await createApiToken(db, (await createUser(db, orgId, { isAdmin: true })).id)).secret;
  viewerToken = (await createApiToken(db, (await createUser(db, orgId, { memberships: [{ teamId, role: "VIEWER" }] })).id)).secret;
});

describe("authentication", () => {
  it("answers a call without a token with 401 problem+json and a WWW-Authenticate challenge", async () => {
    const response = await call(getMe);
    const problem = await expectProblem(response, 401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="andon"');
    expect(problem.detail).toContain("Authorization: Bearer");
  });

  it("refuses a header that is not a personal token, and an unknown token", async () => {
    await expectProblem(await call(getMe, { headers: { authorization: "Basic dXNlcjpwYXNz" } }), 401);
    await expectProblem(await call(getMe, { token: "andon_not-a-real-token" }), 401);
  });

  it("refuses a revoked token and an expired token", async () => {
    const revoked = await createApiToken(db, member.id, "revoked");
    await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const expired = await createApiToken(db, member.id, "expired");
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    for (const token of [revoked.secret, expired.secret]) {
      const problem = await expectProblem(await call(getMe, { token }), 401);
      expect(problem.detail).toContain("invalid, expired or revoked");
    }
  });

  it("returns the token's owner from /me, with organization and direct team roles", async () => {
    const response = await call(getMe, { token: memberToken });
    expect(response.status).toBe(200);
    const team = await db.team.findUniqueOrThrow({ where: { id: teamId } });
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(await response.json()).toEqual({
      id: member.id,
      email: member.email,
      name: member.name,
      organization: { id: orgId, name: org.name },
      isAdmin: false,
      teams: [{ id: teamId, name: team.name, role: "MEMBER" }],
    });
  });

  it("records when a token was last used", async () => {
    const token = await createApiToken(db, member.id, "fresh");
    expect(token.lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await call(getMe, { token: token.secret })).status).toBe(200);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("refuses a deactivated user's token", async () => {
    const user = await createUser(db, orgId);
    const token = await createApiToken(db, user.id);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await expectProblem(await call(getMe, { token: token.secret }), 401);
  });
});

describe("input", () => {
  it("answers malformed JSON with 400 problem+json, not 500", async () => {
    const problem = await expectProblem(await call(postTeam, { token: adminToken, body: '{"name": "Half' }), 400);
    expect(problem.detail).toContain("not valid JSON");
  });

  it("answers an empty body with 400", async () => {
    const problem = await expectProblem(await call(postTeam, { token: adminToken, body: "" }), 400);
    expect(problem.detail).toContain("empty");
  });

  it("names each invalid field with a JSON pointer", async () => {
    const problem = await expectProblem(await call(postTeam, { token: adminToken, body: JSON.stringify({ name: "", parentId: 42 }) }), 400);
    expect(problem.errors?.map((error) => error.pointer)).toEqual(expect.arrayContaining(["#/name", "#/parentId"]));
    expect(problem.errors?.find((error) => error.pointer === "#/name")?.detail).toBe("Give the team a name.");
  });

  it("answers a JSON array or scalar body with 400 field issues", async () => {
    await expectProblem(await call(postTeam, { token: adminToken, body: "[1,2]" }), 400);
    await expectProblem(await call(postTeam, { token: adminToken, body: "null" }), 400);
  });

  it("answers JSON nested absurdly deep with 400, not a stack overflow", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const problem = await expectProblem(await call(postTeam, { token: adminToken, body: `{"name": "Deep", "parentId": ${deep}}` }), 400);
    expect(problem.detail).toContain("nests more than 64 levels");
  });
});

describe("admin-only writes", () => {
  it("refuses a viewer with 403, before looking at the input", async () => {
    const problem = await expectProblem(await call(postTeam, { token: viewerToken, body: JSON.stringify({ name: `Sneaky ${Date.now()}` }) }), 403);
    expect(problem.detail).toBe("Only organization admins can change organization settings.");
    await expectProblem(await call(postTeam, { token: viewerToken, body: "{not json" }), 403);
    expect(await db.team.count({ where: { organizationId: orgId, name: { startsWith: "Sneaky" } } })).toBe(0);
  });

  it("lets an admin create a team: 201 with the team, stored in the admin's organization and audited", async () => {
    const name = `Payments ${Date.now()}`;
    const response = await call(postTeam, { token: adminToken, body: JSON.stringify({ name: `  ${name} `, description: "Cards", parentId: teamId }) });
    expect(response.status).toBe(201);
    const team = (await response.json()) as { id: string };
    expect(team).toEqual({ id: expect.any(String), name, description: "Cards", parentId: teamId, createdAt: expect.any(String) });
    const stored = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(stored.organizationId).toBe(orgId);
    expect(await db.auditEvent.count({ where: { organizationId: orgId, action: "team.created", entityId: team.id } })).toBe(1);
  });

  it("answers a duplicate team name with 400 and a field error on name", async () => {
    const name = `Duplicate ${Date.now()}`;
    expect((await call(postTeam, { token: adminToken, body: JSON.stringify({ name }) })).status).toBe(201);
    const problem = await expectProblem(await call(postTeam, { token: adminToken, body: JSON.stringify({ name }) }), 400);
    expect(problem.detail).toContain("already exists");
    expect(problem.errors).toEqual([{ pointer: "#/name", detail: expect.stringContaining("already exists") }]);
  });

  it("does not accept a parent team from another organization", async () => {
    const otherOrg = await createOrganization(db);
    const foreignTeam = await createTeam(db, otherOrg.id);
    const problem = await expectProblem(
      await call(postTeam, { token: adminToken, body: JSON.stringify({ name: `Child ${Date.now()}`, parentId: foreignTeam.id }) }),
      404,
    );
    expect(problem.detail).toContain("parent team");
    expect(await db.team.count({ where: { parentId: foreignTeam.id } })).toBe(0);
  });
});

describe("a row removed meanwhile", () => {
  it("answers 404 problem+json, not 500, when a write finds its row gone (someone removed it since it was read)", async () => {
    const gone = await db.team.delete({ where: { id: "no-such-team" } }).catch((error: unknown) => error);
    const problem = await expectProblem(errorResponse(gone, new Request("http://andon.test/api/v1/teams/no-such-team"), undefined), 404);
    expect(problem.detail).toContain("removed meanwhile");
  });
});
