import type { Browser, Page } from "@playwright/test";
import { test, expect, loginByApi, type TestUser } from "./fixtures";
import { DEMO_TEAMS } from "../prisma/seed/constants";

// The learnings loop: a similar past COE suggested while writing, lessons marked, one promoted to a
// best practice, adopted by another team (which gets an action), and found in the library.

async function signedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginByApi(page.request, user.email, user.password);
  return page;
}

test.describe("Learnings", () => {
  test.describe.configure({ timeout: 150_000 });

  test("an author sees the earlier DNS COE, links it and marks two lessons; a reviewer promotes one; another team adopts it; the library finds it", async ({
    browser,
    users,
  }) => {
    const stamp = Date.now();
    const author = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER", name: `Author ${stamp}` });
    const reviewer = await users.create({ teamId: DEMO_TEAMS.retail.id, role: "REVIEWER" });
    const platform = await users.create({ teamId: DEMO_TEAMS.platform.id, role: "MANAGER", name: `Platform Lead ${stamp}` });
    const authorPage = await signedInPage(browser, author);
    const word = `zonecheck${stamp}`;
    const lessonOne = `Validate every CNAME target with ${word} before publishing a DNS change`;
    const lessonTwo = "Keep negative-caching TTLs at five minutes";
    let coeId = "";

    await test.step("the author writes a COE about a DNS failure and sees the earlier DNS COE suggested", async () => {
      const page = authorPage;
      await page.goto("/coes/new");
      await page.getByLabel("Title").fill(`Storefront DNS record change broke resolution ${stamp}`);
      await page.getByLabel("Owning team").selectOption(DEMO_TEAMS.checkout.id);
      await page.getByLabel(/^SEV2/).check();
      await page.getByRole("button", { name: "Create draft" }).click();
      await page.waitForURL(/\/coes\/[^/]+\/edit$/);
      coeId = page.url().split("/").at(-2)!;
      await page.getByRole("combobox", { name: "Affected services" }).fill("storefront");
      await page
        .getByRole("listbox", { name: "Affected services" })
        .getByRole("option", { name: /storefront-web/ })
        .click();
      await expect(page.getByRole("list", { name: "Chosen: Affected services" })).toContainText("storefront-web");
      await page
        .getByLabel("What happened?", { exact: true })
        .fill("A DNS record change pointed the storefront CNAME at a missing CDN hostname; resolvers cached NXDOMAIN.");
      await page.getByRole("button", { name: "Add contributing factor" }).click();
      await page.getByLabel("Factor 1 category").selectOption({ label: "DNS" });
      await page.getByLabel("Factor 1 description").fill("The CNAME target did not exist in every region.");
      await expect(page.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
      await page.getByRole("region", { name: "Similar past COEs" }).getByRole("button", { name: "Refresh" }).click();
      const earlier = page.getByRole("listitem", { name: "Similar COE: Storefront unreachable for some regions after a DNS record change" });
      await expect(earlier).toBeVisible();
      await expect(earlier).toContainText("Same cause: DNS");
      await expect(earlier).toContainText("Verified");
      await earlier.getByRole("button", { name: "Link as related" }).click();
      await expect(earlier).toContainText("Linked as related");
    });

    await test.step("the author marks two lessons", async () => {
      const page = authorPage;
      for (const statement of [lessonOne, lessonTwo]) {
        await page.getByLabel("Lesson", { exact: true }).fill(statement);
        await page.getByRole("button", { name: "Mark lesson" }).click();
        await expect(page.getByRole("listitem", { name: `Lesson: ${statement}` })).toBeVisible();
      }
      await page.goto(`/coes/${coeId}`);
      await expect(
        page.getByRole("region", { name: "Related COEs" }).getByRole("link", { name: "Storefront unreachable for some regions after a DNS record change" }),
      ).toBeVisible();
    });

    let practiceUrl = "";
    await test.step("the reviewer promotes one lesson to a best practice", async () => {
      const page = await signedInPage(browser, reviewer);
      await page.goto(`/coes/${coeId}`);
      const lesson = page.getByRole("listitem", { name: `Lesson: ${lessonOne}` });
      await lesson.getByRole("button", { name: "Promote to best practice" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Promote" }).click();
      await lesson.getByRole("link", { name: "Best practice" }).click();
      await page.waitForURL(/\/learnings\/best-practices\/[^/]+$/);
      practiceUrl = new URL(page.url()).pathname;
      await expect(page.getByRole("heading", { name: lessonOne })).toBeVisible();
    });

    await test.step("Platform adopts it and gets a corrective action", async () => {
      const page = await signedInPage(browser, platform);
      await page.goto(practiceUrl);
      const form = page.getByRole("form", { name: "Adopt for a team" });
      await form.getByLabel("Team").selectOption({ label: "Platform" });
      const picker = form.getByRole("combobox", { name: "Action owner" });
      await picker.fill(platform.name.slice(0, -3));
      await expect(page.getByRole("listbox", { name: "Action owner" }).getByRole("option", { name: platform.name })).toHaveAttribute("aria-selected", "true");
      await picker.press("Enter");
      await form.getByRole("button", { name: "Adopt" }).click();
      await expect(form).toContainText("Adopted: the team has a corrective action");
      const row = page.getByRole("row", { name: /^Platform / });
      await expect(row).toContainText("Adopted");
      await row.getByRole("link", { name: /Adopt best practice/ }).click();
      await page.waitForURL(/\/actions\/[^/]+$/);
      await expect(page.getByText(`Adopt best practice: ${lessonOne}`).first()).toBeVisible();
    });

    await test.step("the library search finds the lesson and the practice, highlighted", async () => {
      const page = authorPage;
      await page.goto(`/learnings?q=${word}`);
      const lessons = page.getByRole("list", { name: "Lessons" });
      await expect(lessons.getByRole("listitem")).toHaveCount(1);
      await expect(lessons.locator("mark")).toHaveText(word);
      await expect(lessons.getByRole("link", { name: "Best practice" })).toBeVisible();
      await expect(page.getByRole("link", { name: lessonOne })).toBeVisible();
    });

    await test.step("the team filter is a type-ahead over the org tree: Retail holds Checkout's lesson, Platform none", async () => {
      const page = authorPage;
      const filterByTeam = async (name: string) => {
        const picker = page.getByRole("combobox", { name: "Team (with sub-teams)" });
        await picker.fill(name);
        await expect(page.getByRole("listbox", { name: "Team (with sub-teams)" }).getByRole("option", { name, exact: true })).toHaveAttribute(
          "aria-selected",
          "true",
        );
        await picker.press("Enter");
        await page.getByRole("search").getByRole("button", { name: "Search" }).click();
      };
      await filterByTeam(DEMO_TEAMS.retail.name);
      await expect(page).toHaveURL(new RegExp(`team=${DEMO_TEAMS.retail.id}`));
      await expect(page.getByRole("list", { name: "Lessons" }).getByRole("listitem")).toHaveCount(1);
      await expect(page.getByRole("combobox", { name: "Team (with sub-teams)" })).toHaveValue(DEMO_TEAMS.retail.name);
      await filterByTeam(DEMO_TEAMS.platform.name);
      await expect(page.getByText("No lesson matches")).toBeVisible();
      // A link naming no team of the organization says so instead of showing the raw id.
      await page.goto("/learnings?team=no-such-team");
      await expect(page.getByRole("combobox", { name: "Team (with sub-teams)" })).toHaveValue("Unknown team");
      await expect(page.getByText("No lesson matches")).toBeVisible();
    });
  });
});
