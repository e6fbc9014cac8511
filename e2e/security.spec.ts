import { createScriptClient } from "../prisma/seed/client";
import { DEMO_TEAMS } from "../prisma/seed/constants";
import { expect, test } from "./fixtures";

// Security headers, the CSP not getting in the way of the app, and refusals at the proxy.
test.describe("security", () => {
  test("pages, API answers and downloads carry the security headers; the COE page and editor work under the CSP", async ({ page, users }) => {
    const user = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER" });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await users.login(page, user);

    await test.step("a page: nonce-based CSP, frame-ancestors 'none', nosniff, referrer and permissions policies", async () => {
      const response = await page.goto("/coes/coe_demo_01");
      const headers = response!.headers();
      expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });

    await test.step("client code still runs: the COE editor hydrates and previews Markdown", async () => {
      await page.goto("/coes/new");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // The bell is a client component: it opens only if React hydrated.
      await page.goto("/coes/coe_demo_01");
      await page.waitForLoadState("networkidle");
      expect(violations).toEqual([]);
    });

    await test.step("an API answer and a download", async () => {
      for (const path of ["/api/v1/me", "/coes/coe_demo_01/export"]) {
        const response = await page.request.get(path);
        expect(response.status(), path).toBe(200);
        expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
        expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
      }
    });

    await test.step("a cross-site write riding on the session cookie is refused", async () => {
      const response = await page.request.post("/coes/coe_demo_01/attachments", {
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
        multipart: { file: { name: "p.png", mimeType: "image/png", buffer: Buffer.from("x") } },
      });
      expect(response.status()).toBe(403);
    });

    await test.step("so is one from a browser that sends only Origin, to the JSON API and to a download route", async () => {
      const coe = await page.request.post("/api/v1/coes", {
        headers: { origin: "https://evil.example", "content-type": "application/json" },
        data: { title: "Cross-site", teamId: DEMO_TEAMS.checkout.id },
      });
      expect(coe.status()).toBe(403);
      expect(coe.headers()["content-type"]).toContain("application/problem+json");
      const upload = await page.request.post("/coes/coe_demo_01/attachments", {
        headers: { origin: "https://evil.example" },
        multipart: { file: { name: "p.png", mimeType: "image/png", buffer: Buffer.from("x") } },
      });
      expect(upload.status()).toBe(403);
    });
  });

  test("a deactivated account's correct password gets the same answer as a wrong one", async ({ page, users }) => {
    const user = await users.create({ teamId: DEMO_TEAMS.cart.id });
    const db = createScriptClient(process.env.DATABASE_URL!);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await db.$disconnect();
    const messages: string[] = [];
    for (const password of [user.password, "not-the-password"]) {
      await page.goto("/login");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.locator("form").getByRole("alert");
      await expect(alert).toBeVisible();
      messages.push((await alert.textContent()) ?? "");
    }
    expect(messages).toEqual(["Email or password is incorrect.", "Email or password is incorrect."]);
  });

  test("/api/v1 answers problem+json for bad paths and methods", async ({ request }) => {
    const root = await request.get("/api/v1");
    expect(root.status()).toBe(404);
    expect(root.headers()["content-type"]).toContain("application/problem+json");

    const malformed = await request.get("/api/v1/coes/%ff");
    expect(malformed.status()).toBe(400);
    expect(malformed.headers()["content-type"]).toContain("application/problem+json");

    const method = await request.fetch("/api/v1/me", { method: "DELETE" });
    expect(method.status()).toBe(405);
    expect(method.headers()["allow"]).toContain("GET");
    expect(method.headers()["content-type"]).toContain("application/problem+json");

    expect((await request.get("/coes/%ff")).status()).toBe(400);

    // Sign-in endpoints next-auth does not serve are a 404, not its thrown 500.
    expect((await request.get("/api/auth/nope")).status()).toBe(404);
    expect((await request.get("/api/auth/providers")).status()).toBe(200);
  });

  test("bad dates, weeks, cursors and text are a 400 at the API and ignored by pages", async ({ page, users }) => {
    const user = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MANAGER" });
    const token = await users.token(user);
    const auth = { authorization: `Bearer ${token}` };
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString("base64url");
    const refused = [
      "/api/v1/cords?since=0000-01-01",
      "/api/v1/cords?since=%2B275760-09-13T00:00:00Z",
      "/api/v1/cords?since=2026-02-30",
      `/api/v1/coes?cursor=${cursor(["0000-01-01T00:00:00.000Z", "x"])}`,
      `/api/v1/coes?cursor=${cursor(["2026-02-30T00:00:00.000Z", "x"])}`,
      "/api/v1/reviews/x/weeks/9999-W52/agenda",
    ];
    for (const path of refused) {
      const response = await page.request.get(path, { headers: auth });
      expect([400, 404], path).toContain(response.status());
      expect(response.headers()["content-type"], path).toContain("application/problem+json");
    }
    // The audit log is for admins: its bigint cursor past PostgreSQL's range is a 400 too.
    const admin = await users.token(await users.create({ isAdmin: true }));
    const audit = await page.request.get(`/api/v1/audit-events?cursor=${cursor(["9999999999999999999"])}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(audit.status()).toBe(400);

    const surrogate = await page.request.post("/api/v1/coes", {
      headers: { ...auth, "content-type": "application/json" },
      data: '{"title":"x\\ud800","teamId":"team_checkout"}',
    });
    expect(surrogate.status()).toBe(400);
    expect((await surrogate.json()) as { errors?: { pointer: string; detail: string }[] }).toMatchObject({
      errors: [{ pointer: "#/title", detail: expect.stringMatching(/invalid character/) }],
    });

    await users.login(page, user);
    for (const path of [
      "/actions?dueFrom=0000-01-01&dueTo=2026-02-30",
      "/coes?from=0000-01-01&to=%2B275760-09-13",
      "/settings/audit?before=9999999999999999999",
    ]) {
      const response = await page.goto(path);
      expect(response!.status(), path).toBeLessThan(500);
    }
  });
});
