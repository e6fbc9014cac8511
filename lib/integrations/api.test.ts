// /api/v1/webhook-endpoints, /api/v1/ticket-integrations and /api/v1/action-items/{id}/ticket with
// personal API tokens: scoped to what the caller manages, secrets answered once and never read back.
import { afterAll, describe, expect, it } from "vitest";
import { GET as readTicket, POST as createTicket } from "@/app/api/v1/action-items/[id]/ticket/route";
import { DELETE as deleteIntegration, GET as readIntegration, PUT as putIntegration } from "@/app/api/v1/ticket-integrations/[id]/route";
import { GET as listIntegrations, POST as postIntegration } from "@/app/api/v1/ticket-integrations/route";
import { GET as readEndpoint, PUT as putEndpoint } from "@/app/api/v1/webhook-endpoints/[id]/route";
import { POST as rotateSecret } from "@/app/api/v1/webhook-endpoints/[id]/rotate-secret/route";
import { GET as listEndpoints, POST as postEndpoint } from "@/app/api/v1/webhook-endpoints/route";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { retryTicketSync } from "@/lib/integrations/mutations";
import { runTicketSyncPass } from "@/lib/integrations/sync";
import { startFakeGithub } from "@/lib/integrations/test-ticket-servers";
import { createApiToken } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

type Handler = (request: Request, args?: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, method: string, token: string, body?: unknown, params: Record<string, string> = {}) {
  const response = await handler(
    new Request("http://andon.test/api/v1/x", {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { data?: Record<string, unknown>[] } };
}

describe("integration APIs", () => {
  it("webhook endpoints: create answers the secret once, reads never do, a manager sees only their subtree's, stale versions conflict", async () => {
    const world = await actionWorld();
    const managerToken = (await createApiToken(testDb, world.users.paymentsManager.userId, "test")).secret;
    const outsiderToken = (await createApiToken(testDb, world.users.outsider.userId, "test")).secret;
    const created = await call(postEndpoint, "POST", managerToken, {
      url: "https://hooks.example.com/andon",
      teamId: world.teams.payments.id,
      eventTypes: ["coe.approved"],
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const id = created.body.id as string;
    const read = await call(readEndpoint, "GET", managerToken, undefined, { id });
    expect(read.body).toMatchObject({ id, url: "https://hooks.example.com/andon", teamName: "Payments", eventTypes: ["coe.approved"], version: 1 });
    expect(JSON.stringify(read.body)).not.toContain('secret":');
    expect((await call(listEndpoints, "GET", outsiderToken)).body.data).toEqual([]);
    expect((await call(readEndpoint, "GET", outsiderToken, undefined, { id })).status).toBe(404);
    expect((await call(postEndpoint, "POST", managerToken, { url: "https://hooks.example.com/x" })).status).toBe(403); // organization-wide: admins only
    expect((await call(postEndpoint, "POST", managerToken, { url: "ftp://hooks.example.com", teamId: world.teams.payments.id })).status).toBe(400);
    const changed = await call(putEndpoint, "PUT", managerToken, { url: "https://hooks.example.com/v2", teamId: world.teams.payments.id, version: 1 }, { id });
    expect(changed.body).toMatchObject({ url: "https://hooks.example.com/v2", version: 2 });
    expect(
      (await call(putEndpoint, "PUT", managerToken, { url: "https://hooks.example.com/v3", teamId: world.teams.payments.id, version: 1 }, { id })).status,
    ).toBe(409);
    expect((await call(rotateSecret, "POST", managerToken, undefined, { id })).body.secret).toMatch(/^whsec_/);
  });

  it("ticket integrations and an action's ticket: token write-only, webhook secret once, the ticket created through the API", async () => {
    const world = await actionWorld();
    const fake = await startFakeGithub({ token: "ghp_api", repository: "acme/api" });
    try {
      const managerToken = (await createApiToken(testDb, world.users.paymentsManager.userId, "test")).secret;
      const ownerToken = (await createApiToken(testDb, world.users.owner.userId, "test")).secret;
      const body = { provider: "GITHUB", teamId: world.teams.payments.id, baseUrl: fake.apiUrl, repository: "acme/api", token: "ghp_api" };
      expect((await call(postIntegration, "POST", ownerToken, body)).status).toBe(403);
      const created = await call(postIntegration, "POST", managerToken, body);
      expect(created.status).toBe(201);
      expect(typeof created.body.webhookSecret).toBe("string");
      const id = created.body.id as string;
      const listed = await call(listIntegrations, "GET", managerToken);
      expect(listed.body.data).toHaveLength(1);
      expect(JSON.stringify(listed.body)).not.toContain("ghp_api");
      expect((await call(postIntegration, "POST", managerToken, { ...body, repository: "not a repo" })).status).toBe(400);
      // An empty token on PUT keeps the stored one: the ticket below is still created with it.
      const put = await call(putIntegration, "PUT", managerToken, { ...body, token: "", version: 1 }, { id });
      expect(put.body).toMatchObject({ version: 2, repository: "acme/api" });

      const action = await world.action("Add a canary for refunds", 3);
      expect((await call(readTicket, "GET", ownerToken, undefined, { id: action.id })).status).toBe(404);
      const ticket = await call(createTicket, "POST", ownerToken, undefined, { id: action.id });
      // The route syncs under the server's WEBHOOK_ALLOWED_HOSTS (unset here): a loopback ticket system is refused, visibly.
      expect(ticket.status).toBe(201);
      expect(ticket.body).toMatchObject({ provider: "GITHUB", issueName: null, state: "PENDING" });
      expect(ticket.body.syncError).toContain("Refused: 127.0.0.1 resolves to 127.0.0.1");
      await retryTicketSync(world.users.owner, action.id);
      await runTicketSyncPass({ allowedHosts: ["127.0.0.1"] });
      expect((await call(readTicket, "GET", ownerToken, undefined, { id: action.id })).body).toMatchObject({
        issueName: "acme/api#1",
        issuePermalink: "https://github.example/acme/api/issues/1",
        state: "OPEN",
        syncError: null,
      });
      expect((await call(readIntegration, "GET", managerToken, undefined, { id })).body).toMatchObject({ ticketCount: 1 });
      expect((await call(deleteIntegration, "DELETE", managerToken, undefined, { id })).status).toBe(204);
      expect((await call(readTicket, "GET", ownerToken, undefined, { id: action.id })).status).toBe(404);
    } finally {
      await fake.close();
    }
  });
});
