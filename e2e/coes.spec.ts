import type { Browser, Page } from "@playwright/test";
import { test, expect, loginByApi, type TestUser } from "./fixtures";
import { DEMO_TEAMS } from "../prisma/seed/constants";

// A 1×1 PNG: enough for the server to recognise the type from its bytes.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const ANSWERS = {
  "What happened?": "The checkout API returned 500s after DNS records for the payment processor changed.",
  "What was the impact on customers and your business?": "About 900 orders failed during 25 minutes.",
  "What were the contributing factors?": "A DNS record with a long TTL pointed at a retired endpoint.",
  "What data do you have to support this?": "Error-rate graph below.",
  "What lessons did you learn?": "DNS changes need the same checks as deployments.",
  "What corrective actions are you taking?": "Lower TTLs and add a resolution check to the change process.",
};

async function signedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginByApi(page.request, user.email, user.password);
  return page;
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
}

/** Picks a person in a row's owner picker by typing part of the name, as a keyboard user would. */
async function pickOwner(page: Page, label: string, name: string) {
  const picker = page.getByRole("combobox", { name: label });
  await picker.fill(name);
  await expect(page.locator(`#${await picker.getAttribute("aria-controls")}`).getByRole("option", { name })).toHaveAttribute("aria-selected", "true");
  await picker.press("Enter");
  await expect(picker).toHaveValue(name);
}

async function startCoe(page: Page, title: string): Promise<string> {
  await page.goto("/coes/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Owning team").selectOption(DEMO_TEAMS.checkout.id);
  await page.getByLabel(/^SEV2/).check();
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/coes\/[^/]+\/edit$/);
  return page.url().split("/").at(-2)!;
}

test.describe("COE documents", () => {
  // Long journeys across two signed-in browsers, each step a real save.
  test.describe.configure({ timeout: 120_000 });

  test("an author writes a complete COE, a reviewer requests changes, the author fixes it, the reviewer approves, and the export holds every answer", async ({
    browser,
    users,
  }) => {
    const author = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER", name: `Author ${Date.now()}` });
    const reviewer = await users.create({ teamId: DEMO_TEAMS.retail.id, role: "REVIEWER" });
    const authorPage = await signedInPage(browser, author);
    const reviewerPage = await signedInPage(browser, reviewer);
    const title = `Payments DNS outage ${Date.now()}`;
    let coeId = "";

    await test.step("the author starts a draft", async () => {
      coeId = await startCoe(authorPage, title);
    });

    await test.step("the author fills the header, six answers, timeline, a factor with five whys, an image and an action", async () => {
      const page = authorPage;
      // Times are typed as text in UTC: a full date and time, ISO with a T, or a time alone on the day the incident started.
      await page.getByLabel("Started (UTC)").fill("2026-11-20 10:00");
      await page.getByLabel("Detected (UTC)").fill("10:05");
      await page.getByLabel("Detected (UTC)").blur();
      await expect(page.getByLabel("Detected (UTC)")).toHaveValue("2026-11-20 10:05");
      await page.getByLabel("Mitigated (UTC)").fill("2026-11-20T10:25");
      await page.getByLabel("Resolved (UTC)").fill("2026-11-20 11:00");
      await expect(page.getByText("Time to detect: 5 min")).toBeVisible();
      await expect(page.getByText("Time to resolve: 1 h")).toBeVisible();

      // Affected services: a multi-select type-ahead with chips; Enter adds, the chip's button removes.
      const services = page.getByRole("combobox", { name: "Affected services" });
      await services.fill("checkout-a");
      await expect(page.getByRole("listbox", { name: "Affected services" }).getByRole("option", { name: /checkout-api/ })).toBeVisible();
      await services.press("ArrowDown");
      await services.press("ArrowUp");
      await services.press("Enter");
      const chosenServices = page.getByRole("list", { name: "Chosen: Affected services" });
      await expect(chosenServices.getByRole("listitem")).toHaveText(["checkout-api"]);
      await services.fill("payment-g");
      await page
        .getByRole("listbox", { name: "Affected services" })
        .getByRole("option", { name: /payment-gateway/ })
        .click();
      await expect(chosenServices.getByRole("listitem")).toHaveText(["checkout-api", "payment-gateway"]);
      await chosenServices.getByRole("button", { name: "Remove payment-gateway" }).click();
      await expect(chosenServices.getByRole("listitem")).toHaveText(["checkout-api"]);
      await expect(page.getByRole("list", { name: "Chosen: Authors" })).toContainText(author.name);
      for (const [question, answer] of Object.entries(ANSWERS)) await page.getByLabel(question, { exact: true }).fill(answer);

      await page.getByRole("button", { name: "Add timeline entry" }).click();
      // Focus moves to the new row, and every field of it has a visible label.
      await expect(page.getByLabel("Timeline entry 1 time (UTC)")).toBeFocused();
      await expect(page.locator("#timeline").getByText("Time (UTC)", { exact: true })).toBeVisible();
      await page.getByLabel("Timeline entry 1 time (UTC)").fill("2026-11-20T10:05");
      await page.getByLabel("Timeline entry 1 description").fill("Error-rate alarm paged the on-call engineer.");

      await page.getByRole("button", { name: "Add contributing factor" }).click();
      await page.getByLabel("Factor 1 category").selectOption({ label: "DNS" });
      await page.getByLabel("Factor 1 description").fill("A record pointed at a retired endpoint.");
      await page.getByLabel("Factor 1 why 1").fill("The endpoint was retired without updating DNS.");
      await page.getByLabel("Factor 1 why 2").fill("Retirement checklist had no DNS step.");

      await page.getByLabel("Upload an image (PNG, JPEG or WebP, up to 5 MB)").setInputFiles({ name: "error-rate.png", mimeType: "image/png", buffer: PNG });
      await expect(page.getByRole("list", { name: "Uploaded images" }).getByRole("img", { name: "error-rate.png" })).toBeVisible();
      await expect(page.getByLabel("What data do you have to support this?", { exact: true })).toHaveValue(
        /!\[error-rate\.png\]\(\/coes\/.+\/attachments\/.+\)/,
      );

      await page.getByRole("button", { name: "Add corrective action" }).click();
      await expect(page.getByLabel("Action 1 title")).toBeFocused();
      await page.getByLabel("Action 1 title").fill("Lower TTL of payment DNS records to 60 s");
      await pickOwner(page, "Action 1 owner", author.name);
      await page.getByLabel("Action 1 type").selectOption("PREVENT");
      await page.getByLabel("Action 1 priority").selectOption("HIGH");
      await page.getByLabel("Action 1 due date").fill("2026-12-15");
      await expectSaved(page);
    });

    await test.step("after a reload the chosen services, owner and times read back", async () => {
      const page = authorPage;
      await page.reload();
      await expect(page.getByRole("list", { name: "Chosen: Affected services" }).getByRole("listitem")).toHaveText(["checkout-api"]);
      await expect(page.getByRole("combobox", { name: "Action 1 owner" })).toHaveValue(author.name);
      await expect(page.getByLabel("Detected (UTC)")).toHaveValue("2026-11-20 10:05");
      // The timeline sits with the incident's times, before the first question.
      const timelineBox = await page.locator("#timeline").boundingBox();
      const firstQuestionBox = await page.locator("#whatHappened").boundingBox();
      expect(timelineBox!.y).toBeLessThan(firstQuestionBox!.y);
    });

    await test.step("the Markdown preview renders the answer", async () => {
      await authorPage.getByRole("group", { name: "What happened? view" }).getByRole("button", { name: "Preview" }).click();
      await expect(authorPage.getByLabel("Preview of What happened?")).toContainText("returned 500s");
    });

    await test.step("the author submits it for review", async () => {
      await authorPage.goto(`/coes/${coeId}`);
      await expect(authorPage.getByRole("img", { name: "error-rate.png" }).first()).toBeVisible();
      await authorPage.getByRole("button", { name: "Submit for review" }).click();
      await expect(authorPage.getByText("Waiting for a reviewer who is not an author.")).toBeVisible({ timeout: 15_000 });
      await expect(authorPage.getByRole("button", { name: "Approve" })).toHaveCount(0);
    });

    await test.step("the reviewer comments on the impact section and requests changes", async () => {
      await reviewerPage.goto(`/coes/${coeId}`);
      // A reviewer is never offered the authors' moves on a COE in review.
      await expect(reviewerPage.getByRole("button", { name: "Approve" })).toBeVisible();
      await expect(reviewerPage.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
      await expect(reviewerPage.getByRole("button", { name: "Withdraw from review" })).toHaveCount(0);
      await reviewerPage.getByRole("button", { name: "Comment on 2. What was the impact on customers and your business?" }).click();
      await reviewerPage.getByLabel("Comment on 2. What was the impact on customers and your business?").fill("What did the failed orders cost?");
      await reviewerPage.getByRole("button", { name: "Add comment" }).click();
      await expect(reviewerPage.getByTestId("review-thread")).toContainText("What did the failed orders cost?", { timeout: 15_000 });
      await reviewerPage.getByLabel("Note to the authors (needed to request changes)").fill("Quantify the business impact.");
      await reviewerPage.getByRole("button", { name: "Request changes" }).click();
      await expect(reviewerPage.getByText("requested changes (version")).toBeVisible({ timeout: 15_000 });
    });

    await test.step("the author follows the bell's row to the COE's review panel", async () => {
      await authorPage.goto("/");
      await authorPage.getByRole("button", { name: /^Notifications/ }).click();
      const row = authorPage.getByTestId("bell-row").filter({ hasText: "requested changes on" });
      await row.getByRole("link").click();
      await authorPage.waitForURL(`**/coes/${coeId}#review`);
      await expect(authorPage.locator("#review")).toContainText("Quantify the business impact.");
      await expect(authorPage.locator("#review")).toBeInViewport();
    });

    await test.step("the author sees the open thread, fixes the answer, resolves the thread and resubmits", async () => {
      // Sent back is its own state, not plain "Draft".
      await expect(authorPage.getByRole("main").getByText("Changes requested", { exact: true }).first()).toBeVisible();
      await expect(authorPage.getByTestId("review-thread")).toContainText("What did the failed orders cost?");
      await authorPage.getByRole("link", { name: "Edit" }).click();
      await expect(authorPage.getByLabel("Open review comments")).toContainText("What did the failed orders cost?");
      await authorPage
        .getByLabel("What was the impact on customers and your business?", { exact: true })
        .fill("About 900 orders failed during 25 minutes: $41k of revenue, 60 support contacts.");
      await expectSaved(authorPage);
      await authorPage.getByRole("button", { name: "Done" }).click();
      await authorPage.waitForURL(`**/coes/${coeId}`);
      await authorPage.getByTestId("review-thread").getByRole("button", { name: "Resolve" }).click();
      await expect(authorPage.getByText("1 resolved thread")).toBeVisible({ timeout: 15_000 });
      await authorPage.getByRole("button", { name: "Submit for review" }).click();
      await expect(authorPage.getByText("Waiting for a reviewer who is not an author.")).toBeVisible({ timeout: 15_000 });
    });

    await test.step("the reviewer approves", async () => {
      await reviewerPage.goto(`/coes/${coeId}`);
      await reviewerPage.getByRole("button", { name: "Approve" }).click();
      await expect(reviewerPage.getByText("Published to the organization.")).toBeVisible({ timeout: 15_000 });
    });

    await test.step("the reviewer finds it in the list by its author, picked by typing part of the name", async () => {
      const page = reviewerPage;
      await page.goto("/coes");
      const picker = page.getByRole("combobox", { name: "Author" });
      await picker.fill(author.name.slice(0, -3).toLowerCase());
      const option = page.getByRole("listbox", { name: "Author" }).getByRole("option", { name: author.name });
      await expect(option).toHaveAttribute("aria-selected", "true");
      await picker.press("Enter");
      await expect(picker).toHaveValue(author.name);
      await expect(picker).toHaveAttribute("aria-expanded", "false");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.waitForURL(new RegExp(`authorId=${author.id}`));
      await expect(page.getByRole("link", { name: title })).toBeVisible();
      // The choice comes back from the URL with its label, and the clear button empties it.
      await expect(page.getByRole("combobox", { name: "Author" })).toHaveValue(author.name);
      await page.getByRole("button", { name: "Clear Author" }).click();
      await expect(page.locator('input[type="hidden"][name="authorId"]')).toHaveValue("");
    });

    await test.step("the Markdown export holds all six questions and answers", async () => {
      const response = await reviewerPage.request.get(`/coes/${coeId}/export`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-disposition"]).toContain("attachment");
      const markdown = await response.text();
      expect(markdown).toContain(`# ${title}`);
      const expected = {
        ...ANSWERS,
        "What was the impact on customers and your business?": "About 900 orders failed during 25 minutes: $41k of revenue, 60 support contacts.",
      };
      for (const [question, answer] of Object.entries(expected)) {
        expect(markdown).toContain(question);
        expect(markdown).toContain(answer);
      }
      expect(markdown).toContain("**DNS:** A record pointed at a retired endpoint.");
      expect(markdown).toContain("Lower TTL of payment DNS records to 60 s");
      expect(markdown).toContain("Error-rate alarm paged the on-call engineer.");
      // It renders outside Andon: the image is embedded, not a link that needs a session.
      expect(markdown).toMatch(/!\[error-rate\.png\]\(data:image\/png;base64,[A-Za-z0-9+/=]+\)/);
      expect(markdown).not.toContain("/attachments/");
      expect(markdown.indexOf("## Timeline")).toBeLessThan(markdown.indexOf("## 1. What happened?"));
    });
  });

  test("the editor's actions follow the actions' rules: a saved due date moves with a reason; an action under way is read-only and links to its page", async ({
    browser,
    users,
  }) => {
    const author = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER", name: `Author ${Date.now()}` });
    const page = await signedInPage(browser, author);
    const coeId = await startCoe(page, `Inline actions ${Date.now()}`);
    let actionId = "";

    await test.step("the author adds an action with an owner and a due date", async () => {
      await page.getByRole("button", { name: "Add corrective action" }).click();
      await page.getByLabel("Action 1 title").fill("Alarm 30 days before certificate expiry");
      await pickOwner(page, "Action 1 owner", author.name);
      await page.getByLabel("Action 1 due date").fill("2030-01-15");
      await expectSaved(page);
      actionId = (await page.locator("fieldset[data-row]").first().getAttribute("data-row"))!;
    });

    await test.step("moving the saved due date asks why, and the action's history keeps the reason", async () => {
      await page.getByLabel("Action 1 due date").fill("2030-02-01");
      await expect(page.getByRole("button", { name: "Move due date" })).toBeDisabled();
      await page.getByLabel("Action 1: why the due date moves").fill("The vendor ships the fix in January");
      await page.getByRole("button", { name: "Move due date" }).click();
      await expectSaved(page);
      await page.goto(`/actions/${actionId}`);
      await expect(page.getByText("The vendor ships the fix in January")).toBeVisible();
    });

    await test.step("once work starts, the editor shows the action read-only with a link to its page", async () => {
      await page.getByRole("radio", { name: "Start work" }).check();
      await page.getByRole("button", { name: "Start work" }).click();
      await expect(page.getByText("In progress").first()).toBeVisible({ timeout: 15_000 });
      await page.goto(`/coes/${coeId}/edit`);
      await expect(page.getByLabel("Action 1 title")).toHaveCount(0);
      const row = page.locator(`[data-row="${actionId}"]`);
      await expect(row).toContainText("Alarm 30 days before certificate expiry");
      await expect(row).toContainText("In progress");
      await row.getByRole("link", { name: /Open the action/ }).click();
      await page.waitForURL(`**/actions/${actionId}`);
    });
  });

  test("two people editing the same COE: the second save shows the conflict and keeps its text", async ({ browser, users }) => {
    const first = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER" });
    const second = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER" });
    const firstPage = await signedInPage(browser, first);
    const coeId = await startCoe(firstPage, `Conflict ${Date.now()}`);
    const secondPage = await signedInPage(browser, second);
    await secondPage.goto(`/coes/${coeId}/edit`);
    await expect(secondPage.getByTestId("save-state")).toHaveText(/^Saved/);

    await test.step("the first editor saves a change", async () => {
      await firstPage.getByLabel("What happened?", { exact: true }).fill("First editor's account of the incident.");
      await expectSaved(firstPage);
    });

    await test.step("the second editor's save, based on the old version, is refused and shown side by side", async () => {
      await secondPage.getByLabel("What happened?", { exact: true }).fill("Second editor's account, typed at the same time.");
      const conflict = secondPage.getByTestId("conflict");
      await expect(conflict).toBeVisible({ timeout: 15_000 });
      await expect(secondPage.getByTestId("save-state")).toHaveText("Not saved: someone else changed this COE");
      await expect(conflict).toContainText("First editor's account of the incident.");
      await expect(conflict).toContainText("Second editor's account, typed at the same time.");
      const section = secondPage.getByTestId("conflict-section-whatHappened");
      await expect(section.getByRole("radio", { name: /Mine \(in the editor\)/ })).toBeChecked();
      await expect(section.getByRole("radio", { name: /Theirs \(version \d+\)/ })).not.toBeChecked();
      await expect(secondPage.getByLabel("What happened?", { exact: true })).toHaveValue("Second editor's account, typed at the same time.");
    });

    await test.step("the text survives a reload of the second editor", async () => {
      await secondPage.reload();
      await expect(secondPage.getByText("This browser holds text you had not saved")).toBeVisible();
      await secondPage.getByRole("button", { name: "Compare and keep my text" }).click();
      await expect(secondPage.getByLabel("What happened?", { exact: true })).toHaveValue("Second editor's account, typed at the same time.");
    });

    await test.step("the second editor keeps their answer in the section that differs, saved as a new revision", async () => {
      await secondPage.getByRole("button", { name: "Save with these choices" }).click();
      await expectSaved(secondPage);
      await secondPage.goto(`/coes/${coeId}/history`);
      await expect(secondPage.getByRole("link", { name: "v3 · Edited" })).toBeVisible();
    });

    await test.step("the history shows one step per person per sitting, each single save still reachable", async () => {
      const steps = secondPage.getByRole("list", { name: "Revision steps" });
      // The first editor created the COE and saved it a moment later: one step, measured from the empty COE.
      const firstSitting = steps.getByRole("link", { name: "v1–v2 · Created, Edited" });
      await expect(firstSitting).toBeVisible();
      await expect(secondPage.getByRole("heading", { name: "Version 2 → version 3" })).toBeVisible();
      await firstSitting.click();
      await expect(secondPage.getByRole("heading", { name: "The empty COE → version 2" })).toBeVisible();
      await expect(secondPage.getByLabel("Differences between the empty COE and version 2")).toContainText("First editor's account of the incident.");
      await steps.getByText("2 saves").click();
      await steps.getByRole("link", { name: "v2 · Edited" }).click();
      await expect(secondPage.getByRole("heading", { name: "Version 1 → version 2" })).toBeVisible();
    });
  });

  test("a restricted COE stays inside its team: another team's reader cannot open, export or find it", async ({ page, users }) => {
    // coe_demo_09 is the seeded, restricted, closed Storage COE.
    const reader = await users.create({ teamId: DEMO_TEAMS.catalog.id, role: "VIEWER" });
    await users.login(page, reader);
    const response = await page.goto("/coes/coe_demo_09");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    expect((await page.request.get("/coes/coe_demo_09/export")).status()).toBe(404);
    expect((await page.request.get("/api/v1/coes/coe_demo_09")).status()).toBe(404);
    await page.goto("/coes?q=failover");
    await expect(page.getByRole("heading", { name: "No COE matches" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Primary database failover/ })).toHaveCount(0);
    await page.goto("/coes?q=certificate");
    await expect(page.getByRole("link", { name: /processor certificate expired/ })).toBeVisible();
  });

  test("a save that fails keeps the text in the browser, and it is saved after a reload", async ({ browser, users }) => {
    const author = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER" });
    const page = await signedInPage(browser, author);
    const coeId = await startCoe(page, `Offline ${Date.now()}`);
    await test.step("the editor does not hold the organization's list of people", async () => {
      await expect(page.getByTestId("save-state")).toHaveText(/^Saved/);
      expect(await page.content()).not.toContain("Ada Okafor");
      // The hints ask about the words typed instead: a batch at a time, answered as problem+json when too long.
      const lookup = await page.request.get("/api/lookup/colleague-names?word=Maya&word=Nobody");
      expect(lookup.status()).toBe(200);
      expect(((await lookup.json()) as { names: string[] }).names).toEqual(["Maya Lindqvist"]);
      const tooMany = await page.request.get(
        `/api/lookup/colleague-names?${new URLSearchParams(Array.from({ length: 101 }, (_, index) => ["word", `W${index}`]))}`,
      );
      expect(tooMany.status()).toBe(400);
      expect(tooMany.headers()["content-type"]).toContain("application/problem+json");
    });
    await test.step("blaming a person draws a non-blocking hint", async () => {
      await page.getByLabel("What happened?", { exact: true }).fill("Human error: Maya should have checked the config.");
      const hints = page.getByRole("list", { name: "Blameless-writing hints for What happened?" });
      await expect(hints).toContainText("“Human error”");
      await expect(hints).toContainText("“should have”");
      await expect(hints).toContainText("instead of “Maya”");
      await expectSaved(page);
    });
    await test.step("the connection drops while the author types", async () => {
      await page.context().setOffline(true);
      await page.getByLabel("What lessons did you learn?", { exact: true }).fill("Typed while the network was down.");
      await expect(page.getByTestId("save-state")).toHaveText("Failed to save", { timeout: 15_000 });
      await expect(page.getByRole("alert").filter({ hasText: "Your last change is not saved yet" })).toBeVisible();
    });
    await test.step("after a reload the text is restored and saved", async () => {
      await page.context().setOffline(false);
      await page.reload();
      await expect(page.getByText("Restored changes from this browser that had not been saved yet.")).toBeVisible();
      await expect(page.getByLabel("What lessons did you learn?", { exact: true })).toHaveValue("Typed while the network was down.");
      await expectSaved(page);
      await page.goto(`/coes/${coeId}`);
      await expect(page.getByText("Typed while the network was down.")).toBeVisible();
    });
    await test.step("a service picked while saves fail is restored with its name, not its id", async () => {
      await page.goto(`/coes/${coeId}/edit`);
      const saves = /\/coes\/[^/]+\/edit$/;
      await page.route(saves, (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
      await page.getByRole("combobox", { name: "Affected services" }).fill("edge-d");
      await page
        .getByRole("listbox", { name: "Affected services" })
        .getByRole("option", { name: /edge-dns/ })
        .click();
      await expect(page.getByTestId("save-state")).toHaveText("Failed to save", { timeout: 15_000 });
      await page.unroute(saves);
      await page.reload();
      await expect(page.getByText("Restored changes from this browser that had not been saved yet.")).toBeVisible();
      await expect(page.getByRole("list", { name: "Chosen: Affected services" }).getByRole("listitem")).toHaveText(["edge-dns"]);
      await expectSaved(page);
    });
  });
});
