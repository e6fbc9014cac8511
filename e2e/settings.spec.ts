import { randomUUID } from "node:crypto";
import { test, expect } from "./fixtures";
import { DEMO_TEAMS } from "../prisma/seed/constants";

test("an admin adds a person, who signs in with the temporary password and changes it", async ({ page, browser, users, baseURL }) => {
  // Three sign-ins and two password hashes in three browser contexts.
  test.setTimeout(60_000);
  const admin = await users.create({ isAdmin: true });
  const email = `new-${randomUUID().slice(0, 8)}@example.test`;
  let temporaryPassword = "";

  await test.step("the admin adds the person as a reviewer of Payments", async () => {
    await users.login(page, admin);
    await page.goto("/settings/users");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Name", { exact: true }).fill("Noor Haddad");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Team", { exact: true }).selectOption(DEMO_TEAMS.payments.id);
    await page.getByLabel("Role on the team").selectOption("REVIEWER");
    await page.getByRole("button", { name: "Add person" }).click();
    const secret = page.getByLabel("Temporary password");
    await expect(secret).toBeVisible();
    temporaryPassword = await secret.inputValue();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
  });

  await test.step("the audit log records it", async () => {
    await page.goto("/settings/audit");
    await expect(page.getByText(`Added Noor Haddad <${email}>`)).toBeVisible();
  });

  const context = await browser.newContext({ baseURL });
  const personPage = await context.newPage();
  await test.step("the person signs in and sees their team", async () => {
    await personPage.goto("/login");
    await personPage.getByLabel("Email").fill(email);
    await personPage.getByLabel("Password").fill(temporaryPassword);
    await personPage.getByRole("button", { name: "Sign in" }).click();
    await expect(personPage.getByRole("heading", { name: /Hello, Noor/ })).toBeVisible();
    await expect(personPage.getByText(/· Payments/).first()).toBeVisible();
  });

  await test.step("a wrong current password is refused inline; the right one changes it", async () => {
    await personPage.goto("/settings/account");
    await personPage.waitForLoadState("networkidle");
    await personPage.getByLabel("Current password").fill("not-it-at-all");
    await personPage.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await personPage.getByLabel("Confirm new password").fill("a brand new passphrase");
    await personPage.getByRole("button", { name: "Change password" }).click();
    await expect(personPage.getByText("This is not your current password.")).toBeVisible();
    await expect(personPage.getByLabel("New password", { exact: true })).toHaveValue("a brand new passphrase");

    await personPage.getByLabel("Current password").fill(temporaryPassword);
    await personPage.getByRole("button", { name: "Change password" }).click();
    await expect(personPage.getByRole("status").filter({ hasText: /password/i })).toBeVisible();
  });

  await test.step("the old password no longer works, the new one does", async () => {
    const fresh = await browser.newContext({ baseURL });
    const login = await fresh.newPage();
    await login.goto("/login");
    await login.getByLabel("Email").fill(email);
    await login.getByLabel("Password").fill(temporaryPassword);
    await login.getByRole("button", { name: "Sign in" }).click();
    await expect(login.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await login.getByLabel("Password").fill("a brand new passphrase");
    await login.getByRole("button", { name: "Sign in" }).click();
    await expect(login.getByRole("heading", { name: /Hello, Noor/ })).toBeVisible();
    await fresh.close();
  });
  await context.close();
});

test("a member creates an API token in settings, uses it, and revokes it", async ({ page, users, playwright, baseURL }) => {
  const member = await users.create({ role: "MEMBER", teamId: DEMO_TEAMS.cart.id });
  await users.login(page, member);
  await page.goto("/settings/tokens");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill("CI pipeline");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByLabel("API token").inputValue();
  expect(secret).toMatch(/^andon_/);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await api.get("/api/v1/me")).status()).toBe(200);

  await page.reload();
  await expect(page.getByRole("row", { name: /CI pipeline/ })).toContainText(/ago|UTC|\d{4}-\d{2}-\d{2}/);
  await page
    .getByRole("button", { name: /Revoke/ })
    .first()
    .click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /Revoke/ })
    .click();
  await expect(page.getByRole("row", { name: /CI pipeline/ })).toContainText("Revoked");

  const refused = await api.get("/api/v1/me");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).detail).toContain("revoked");
  await api.dispose();
});
