import { test, expect } from "./fixtures";
import { DEMO_TEAMS } from "../prisma/seed/constants";

test.describe("daily use", () => {
  test.describe.configure({ timeout: 120_000 });

  test("typing without pause across several autosaves loses nothing, shows no false restore banner, and a blank timeline row blocks nothing", async ({
    page,
    users,
  }) => {
    const author = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER" });
    await users.login(page, author);
    const saves: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.headers()["next-action"]) saves.push(request.url());
    });

    await test.step("start a draft and leave a blank timeline row", async () => {
      await page.goto("/coes/new");
      await page.getByLabel("Title").fill(`Typing ${Date.now()}`);
      await page.getByLabel("Owning team").selectOption(DEMO_TEAMS.checkout.id);
      await page.getByLabel(/^SEV3/).check();
      await page.getByRole("button", { name: "Create draft" }).click();
      await page.waitForURL(/\/coes\/[^/]+\/edit$/);
      await page.getByRole("button", { name: "Add timeline entry" }).click();
      await expect(page.getByLabel("Timeline entry 1 time (UTC)")).toBeFocused();
    });

    const text = "The load balancer dropped connections while the pool drained. ".repeat(4).trim();
    await test.step("type continuously for several autosave cycles", async () => {
      const before = saves.length;
      await page.getByLabel("What happened?", { exact: true }).pressSequentially(text, { delay: 45 });
      expect(saves.length - before, "autosaves while typing").toBeGreaterThanOrEqual(2);
      await expect(page.getByText("Restored changes from this browser")).toHaveCount(0);
      await expect(page.getByText("This browser holds text you had not saved")).toHaveCount(0);
      await expect(page.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
      await expect(page.getByTestId("save-state")).toContainText("not saved until complete");
    });

    await test.step("Done leaves at once, and the server has every character", async () => {
      await page.getByRole("button", { name: "Done" }).click();
      await page.waitForURL(/\/coes\/[^/]+$/, { timeout: 10_000 });
      await expect(page.getByRole("main")).toContainText(text);
    });
  });

  test("home says what needs each role, and a viewer is not asked to write", async ({ page, users }) => {
    await test.step("a reviewer sees the review queue and the verification queue", async () => {
      await users.login(page, { email: "reviewer@andon.local", password: users.demoPassword });
      await page.goto("/");
      await expect(page.getByRole("heading", { name: /COEs awaiting your review/ })).toBeVisible();
      await expect(page.getByRole("heading", { name: /Actions waiting for your verification/ })).toBeVisible();
      await expect(page.getByRole("heading", { name: /Next weekly review/ })).toBeVisible();
    });
    await test.step("a viewer sees no review queue and no invitation to write a COE", async () => {
      await page.context().clearCookies();
      await users.login(page, { email: "viewer@andon.local", password: users.demoPassword });
      await page.goto("/");
      await expect(page.getByRole("heading", { name: /Hello/ })).toBeVisible();
      await expect(page.getByRole("heading", { name: /COEs awaiting your review/ })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Write a COE" })).toHaveCount(0);
    });
  });
});
