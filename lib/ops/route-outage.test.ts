// Session routes (lookups, the bell, downloads, images, the agenda's item data), the calendar feed
// and inbound ticket webhooks while PostgreSQL refuses connections: 503 problem+json with Retry-After, like the API, never a 500.
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
  it.each(["coes", "owners", "people", "services", "teams", "viewable-teams", "colleague-names"])("GET /api/lookup/%s answers 503", async (name) => {
    const { GET } = (await import(`@/app/api/lookup/${name}/route`)) as { GET: (request: Request) => Promise<Response> };
    await expectUnavailable(await GET(new Request(`http://andon.test/api/lookup/${name}?q=db&word=Al`)));
  });

  it("GET /api/notifications answers 503", async () => {
    const { GET } = await import("@/app/api/notifications/route");
    await expectUnavailable(await GET(new Request("http://andon.test/api/notifications")));
  });

  type Handler = (request: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>;
  it.each([
    ["coes/[id]/export", "/coes/coe-1/export", { id: "coe-1" }],
    ["coes/[id]/attachments/[attachmentId]", "/coes/coe-1/attachments/image-1", { id: "coe-1", attachmentId: "image-1" }],
    ["reviews/[seriesId]/calendar", "/reviews/series-1/calendar", { seriesId: "series-1" }],
    ["reviews/[seriesId]/weeks/[isoWeek]/item-data", "/reviews/series-1/weeks/2026-W48/item-data?key=k", { seriesId: "series-1", isoWeek: "2026-W48" }],
    ["reviews/[seriesId]/weeks/[isoWeek]/export", "/reviews/series-1/weeks/2026-W48/export", { seriesId: "series-1", isoWeek: "2026-W48" }],
  ])("GET /%s answers 503", async (route, path, params) => {
    const { GET } = (await import(`@/app/(app)/${route}/route`)) as { GET: Handler };
    await expectUnavailable(await GET(new Request(`http://andon.test${path}`), { params: Promise.resolve(params) }));
  });

  it("POST /coes/[id]/attachments answers 503, and the editor keeps the image to try again", async () => {
    const { POST } = await import("@/app/(app)/coes/[id]/attachments/route");
    const form = new FormData();
    form.set("file", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "graph.png", { type: "image/png" }));
    const upload = new Request("http://andon.test/coes/coe-1/attachments", { method: "POST", body: form });
    await expectUnavailable(await POST(upload, { params: Promise.resolve({ id: "coe-1" }) }));
  });

  it("GET /calendar/[token] answers 503, so the calendar app keeps its copy and asks again", async () => {
    const { GET } = await import("@/app/calendar/[token]/route");
    const request = new Request("http://andon.test/calendar/cal_0123456789abcdef.ics");
    await expectUnavailable(await GET(request, { params: Promise.resolve({ token: "cal_0123456789abcdef.ics" }) }));
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
