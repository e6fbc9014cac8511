import { test, expect } from "./fixtures";

// The frame's popovers (phone menu, bell, user menu) share one primitive: these journeys hold it to
// what a user notices — it closes on Escape, a click outside and navigation, and gives focus back.

test.describe("menus and popovers", () => {
  test("on a phone: the menu and the bell close on Escape, outside clicks and navigation; filters fold away", async ({ page, users }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await users.login(page, { email: "admin@andon.local", password: users.demoPassword });
    await page.goto("/");
    // The sidebar (with its own bell) is hidden at this width: only the phone header's controls are visible.
    const menuButton = page.getByRole("button", { name: "Menu" });
    const menu = page.getByRole("dialog", { name: "Menu" });

    await test.step("Escape closes the menu and puts focus back on its button", async () => {
      await menuButton.click();
      await expect(menu).toBeVisible();
      await expect(menuButton).toHaveAttribute("aria-expanded", "true");
      await expect(menu.getByRole("link").first()).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
      await expect(menuButton).toBeFocused();
    });

    await test.step("Tab stays inside the open menu", async () => {
      await menuButton.click();
      const stops = await menu.locator("a[href], button").count();
      for (let index = 0; index < stops + 2; index++) await page.keyboard.press("Tab");
      const inside = await page.evaluate(() => Boolean(document.activeElement?.closest("header")));
      expect(inside, "focus is still in the menu (or on its button)").toBe(true);
      await page.keyboard.press("Escape");
    });

    await test.step("following a link closes the menu", async () => {
      await menuButton.click();
      await menu.getByRole("link", { name: "COEs" }).click();
      await page.waitForURL(/\/coes$/);
      await expect(page.getByRole("heading", { level: 1, name: "COEs" })).toBeVisible();
      await expect(menu).toBeHidden();
    });

    await test.step("the bell closes on a click outside, then leaves the page clickable, and closes on Escape", async () => {
      const bell = page.getByRole("button", { name: /^Notifications/ });
      const panel = page.getByRole("dialog", { name: "Notifications" });
      await bell.click();
      await expect(panel).toBeVisible();
      // Outside the panel on nothing clickable: the header's empty middle (below the panel, the list's rows
      // depend on what other specs wrote, and a click there would follow a COE link).
      await page.mouse.click(195, 20);
      await expect(panel).toBeHidden();
      await page.getByRole("link", { name: "New COE" }).click();
      await page.waitForURL(/\/coes\/new$/);
      await bell.click();
      await expect(panel).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(panel).toBeHidden();
      await expect(bell).toBeFocused();
    });

    await test.step("list filters fold behind a Filters button that counts the ones in use", async () => {
      await page.goto("/coes?status=DRAFT&severity=SEV3");
      const status = page.getByLabel("Status", { exact: true });
      await expect(status).toBeHidden();
      await page.getByRole("button", { name: "Filters (2)" }).click();
      await expect(status).toBeVisible();
      await expect(status).toHaveValue("DRAFT");
    });
  });

  test("on a desktop: the user menu opens, closes on Escape and leads to account settings", async ({ page, users }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const user = await users.create({ name: "Popover Person" });
    await users.login(page, user);
    await page.goto("/");
    const trigger = page.getByRole("button", { name: /Popover Person/ });
    const panel = page.getByRole("dialog", { name: "Your account" });
    await trigger.click();
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(user.email);
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    await expect(trigger).toBeFocused();
    await trigger.click();
    await panel.getByRole("link", { name: "Account settings" }).click();
    await page.waitForURL(/\/settings\/account$/);
    await expect(panel).toBeHidden();
    // The filters are plainly there on a wide screen, with no Filters button.
    await page.goto("/coes");
    await expect(page.getByLabel("Status", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Filters/ })).toBeHidden();
  });
});
