// Session routes (lookups, the bell) and inbound ticket webhooks while PostgreSQL refuses
// connections: 503 problem+json with Retry-After, like the API, never a 500.
import { describe, expect, it, vi } from "vitest";

// Nothing listens on port 1: every connection is refused, as while the database restarts.
process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/andon";

// Loading the signed-in user is each request's first query: it meets the outage first.
vi.mock("@/lib/auth/session", async () => {
  const { loadCurrentUser } = await import("@/lib/auth/principal");
  return { getCurrentUser: () => loadCurrentUser("user-during-outage") };
});

async function expectUnavailable(answer: Response) {
  expect(answer.status).toBe(503);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.headers.get("retry-after")).toBe("5");
  expect(((await answer.json()) as { detail: string }).detail).toMatch(/database is unavailable/);
}

describe("routes during a database outage", () => {
  it.each(["coes", "owners", "people", "services", "colleague-names"])("GET /api/lookup/%s answers 503", async (name) => {
    const { GET } = (await import(`@/app/api/lookup/${name}/route`)) as { GET: (request: Request) => Promise<Response> };
    await expectUnavailable(await GET(new Request(`http://andon.test/api/lookup/${name}?q=db&word=Al`)));
  });

  it("GET /api/notifications answers 503", async () => {
    const { GET } = await import("@/app/api/notifications/route");
    await expectUnavailable(await GET(new Request("http://andon.test/api/notifications")));
  });

  it.each(["github", "jira"])("POST /api/integrations/%s answers 503, so the sender delivers again", async (name) => {
    const { POST } = (await import(`@/app/api/integrations/${name}/route`)) as { POST: (request: Request) => Promise<Response> };
    const delivery = new Request(`http://andon.test/api/integrations/${name}?integration=integration-1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": "issues" },
      body: JSON.stringify({ action: "closed" }),
    });
    await expectUnavailable(await POST(delivery));
  });
});
