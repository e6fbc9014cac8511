import { test, expect } from "./fixtures";
import { DEMO_TEAMS } from "../prisma/seed/constants";

test.describe("signing in", () => {
  test("a demo admin signs in and sees their teams", async ({ page }) => {
    await test.step("open Andon and get sent to sign in", async () => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/login/);
    });
    await test.step("sign in with email and password", async () => {
      await page.getByLabel("Email").fill("manager@andon.local");
      await page.getByLabel("Password").fill("andon-demo-password");
      await page.getByRole("button", { name: "Sign in" }).click();
    });
    await test.step("home says what needs them; the directory shows the team and its sub-teams' services", async () => {
      await expect(page.getByRole("heading", { name: "Hello, Maya" })).toBeVisible();
      await expect(page.getByRole("heading", { name: /COEs awaiting your review/ })).toBeVisible();
      await page.getByRole("link", { name: "teams and services" }).click();
      await expect(page.getByRole("heading", { name: "Retail Engineering" })).toBeVisible();
      await expect(page.getByRole("heading", { name: /Services of sub-teams/ })).toBeVisible();
      // A sub-team's services are one line of names under the sub-team.
      await expect(
        page
          .getByRole("main")
          .getByText(/\bpayment-gateway\b/)
          .first(),
      ).toBeVisible();
    });
    await test.step("sign out", async () => {
      await page.getByRole("button", { name: /Maya Lindqvist/ }).click(); // the user menu
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/login/);
    });
  });

  test("a wrong password shows a clear message and keeps the email", async ({ page, users }) => {
    const user = await users.create({ teamId: DEMO_TEAMS.cart.id });
    await page.goto("/login");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue(user.email);
  });

  test("repeated failures lock the account with a message saying when to retry", async ({ page, users }) => {
    const user = await users.create({ teamId: DEMO_TEAMS.cart.id });
    await page.goto("/login");
    await page.getByLabel("Email").fill(user.email);
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
    }
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("Too many failed sign-in attempts for this account");
  });
});

test.describe("roles", () => {
  test("a viewer is refused the settings pages and the admin-only API", async ({ page, users }) => {
    const viewer = await users.create({ role: "VIEWER", teamId: DEMO_TEAMS.catalog.id });
    await users.login(page, viewer);
    await page.goto("/settings/teams");
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    const response = await page.request.post("/api/v1/teams", { data: { name: "Sneaky team" } });
    expect(response.status()).toBe(403);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
  });
});

test.describe("API", () => {
  test("a personal token calls /api/v1/me", async ({ playwright, users, baseURL }) => {
    const member = await users.create({ role: "MEMBER", teamId: DEMO_TEAMS.payments.id });
    const token = await users.token(member);
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const response = await api.get("/api/v1/me");
    expect(response.status()).toBe(200);
    const me = await response.json();
    expect(me.email).toBe(member.email);
    expect(me.teams).toEqual([expect.objectContaining({ id: DEMO_TEAMS.payments.id, role: "MEMBER" })]);

    const anonymous = await playwright.request.newContext({ baseURL });
    const refused = await anonymous.get("/api/v1/me");
    expect(refused.status()).toBe(401);
    await api.dispose();
    await anonymous.dispose();
  });

  test("malformed JSON and invalid fields get 400 problem+json, never 500", async ({ playwright, users, baseURL }) => {
    const admin = await users.create({ isAdmin: true });
    const token = await users.token(admin);
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}`, "content-type": "application/json" } });

    const malformed = await api.post("/api/v1/teams", { data: '{"name": "Half' });
    expect(malformed.status()).toBe(400);
    expect(malformed.headers()["content-type"]).toContain("application/problem+json");
    expect((await malformed.json()).detail).toContain("not valid JSON");

    const invalid = await api.post("/api/v1/teams", { data: JSON.stringify({ name: "", parentId: 42 }) });
    expect(invalid.status()).toBe(400);
    const problem = await invalid.json();
    expect(problem.status).toBe(400);
    expect(problem.errors.map((error: { pointer: string }) => error.pointer)).toEqual(expect.arrayContaining(["#/name", "#/parentId"]));
    await api.dispose();
  });
});

test.describe("org tree settings", () => {
  test("an admin cannot move a team under its own sub-team", async ({ page, users }) => {
    const admin = await users.create({ isAdmin: true });
    await users.login(page, admin);
    await page.goto("/settings/teams");
    await expect(page.getByRole("heading", { name: "Teams", exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Edit Retail Engineering" }).click();
    await expect(page.getByRole("heading", { name: "Edit team" })).toBeVisible();
    // Let the form hydrate first, or React resets the select to its initial value.
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Parent team").selectOption(DEMO_TEAMS.payments.id);
    await expect(page.getByLabel("Parent team")).toHaveValue(DEMO_TEAMS.payments.id);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("A team cannot move under one of its own sub-teams").first()).toBeVisible();
    await expect(page.getByLabel("Parent team")).toHaveAttribute("aria-invalid", "true");
  });
});
