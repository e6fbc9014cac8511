import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { test, expect } from "./fixtures";
import { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID, DEMO_TEAMS } from "../prisma/seed/constants";
import { sampleJournal } from "../lib/game-days/journal-fixtures";

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must point at the end-to-end database (npm test sets it).");
  return url;
}

// A journal of a run an hour ago: its verification is current whatever the day the suite runs.
function anHourAgo(): Date {
  return new Date(Date.now() - 3_600_000);
}

test.describe("Verification and game days", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a held latency journal verifies fault tolerance, verifies an action; a deviation becomes an action", async ({ browser, users }) => {
    const db = createScriptClient(databaseUrl());
    const suffix = randomUUID().slice(0, 6);
    const service = await db.service.create({ data: { organizationId: DEMO_ORG_ID, teamId: DEMO_TEAMS.cart.id, name: `e2e-basket-${suffix}` } });
    const member = await users.create({ role: "MEMBER", teamId: DEMO_TEAMS.checkout.id, name: `Gale Member ${suffix}` });
    const reviewer = await users.create({ role: "REVIEWER", teamId: DEMO_TEAMS.checkout.id });
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await users.login(page, member);

    await test.step("plan a game day with the latency template", async () => {
      await page.goto("/game-days/new");
      await page.getByLabel("Title").fill(`Basket latency ${suffix}`);
      await page.getByLabel("Team").selectOption(DEMO_TEAMS.checkout.id);
      await page.getByLabel("Service under test").selectOption({ label: service.name });
      await page.getByLabel("Date and start time (your time zone)").fill("2030-01-07T10:00");
      await expect(page.getByLabel("Template")).toHaveValue("network-latency");
      await page.getByLabel("Network interface").fill("eth1");
      await page.getByRole("button", { name: "Plan the game day" }).click();
      await expect(page.getByRole("heading", { name: `Basket latency ${suffix}` })).toBeVisible();
      await expect(page.getByText("tc qdisc add dev eth1 root netem delay 200ms")).toBeVisible();
    });

    await test.step("export the experiment as Chaos Toolkit JSON", async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download experiment.json" }).click()]);
      const experiment = JSON.parse(await readFile((await download.path())!, "utf8"));
      expect(Object.keys(experiment)).toEqual(expect.arrayContaining(["title", "description", "steady-state-hypothesis", "method", "rollbacks"]));
      expect(experiment.method[0].provider).toMatchObject({ type: "process", path: "tc" });
    });

    await test.step("import a journal in which the hypothesis held", async () => {
      await page.getByLabel("Import journal.json").setInputFiles({
        name: "journal.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(sampleJournal("completed", { startedAt: anHourAgo() }))),
      });
      await page.getByRole("button", { name: /Import “journal.json”/ }).click();
      await expect(page.getByText("the hypothesis held, and the service's verification is updated")).toBeVisible();
    });

    await test.step("fault tolerance is verified on the service and in the parent team's grid", async () => {
      await page.goto(`/verification/services/${service.id}`);
      const card = page.locator("section", { has: page.getByRole("heading", { name: "Fault tolerance & self-healing" }) });
      await expect(card.getByText("Verified", { exact: true })).toBeVisible();
      await page.goto(`/verification?teamId=${DEMO_TEAMS.checkout.id}`);
      const row = page.getByRole("row", { name: new RegExp(service.name) });
      await expect(row.getByText("Verified", { exact: true })).toBeVisible();
      // The team switcher is a type-ahead over the teams the member may see: Checkout and the teams below it.
      const switcher = page.getByRole("combobox", { name: "Team (and its sub-teams)" });
      await expect(switcher).toHaveValue(DEMO_TEAMS.checkout.name);
      await switcher.fill("retail");
      await expect(page.getByText("No matches")).toBeVisible();
      await switcher.fill("pay");
      await expect(page.getByRole("option", { name: /^Payments/ })).toHaveAttribute("aria-selected", "true");
      await switcher.press("Enter");
      await expect(page).toHaveURL(new RegExp(`teamId=${DEMO_TEAMS.payments.id}`));
      await expect(switcher).toHaveValue(DEMO_TEAMS.payments.name);
      await expect(row).toHaveCount(0);
    });

    await test.step("attach a restore log as evidence to that verification and download it", async () => {
      await page.goto(`/verification/services/${service.id}`);
      const card = page.locator("section", { has: page.getByRole("heading", { name: "Fault tolerance & self-healing" }) });
      await card.getByText(/^History \(/).click();
      // The run's evidence is Markdown, rendered: a link back to the run, not its source text.
      await expect(card.getByRole("link", { name: "The run" })).toHaveAttribute("href", /^\/game-days\/[^/]+#run-/);
      await expect(card.getByText("[The run](")).toHaveCount(0);
      await card.getByLabel(/Attach evidence to the Fault tolerance & self-healing verification of/).setInputFiles({
        name: "restore-drill.log",
        mimeType: "text/plain",
        buffer: Buffer.from(`latency drill ${suffix}\np99 640 ms, no errors\n`),
      });
      const link = card.getByRole("link", { name: "restore-drill.log" });
      await expect(link).toBeVisible();
      const download = await page.request.get((await link.getAttribute("href"))!);
      expect(download.status()).toBe(200);
      expect(download.headers()["x-content-type-options"]).toBe("nosniff");
      expect(await download.text()).toContain(`latency drill ${suffix}`);
    });

    await test.step("a corrective action is verified by that run", async () => {
      const action = await db.correctiveAction.create({
        data: {
          organizationId: DEMO_ORG_ID,
          teamId: DEMO_TEAMS.cart.id,
          title: `Client timeouts below the latency budget ${suffix}`,
          type: "PREVENT",
          status: "DONE",
          source: "STANDALONE",
          ownerId: member.id,
          completedById: member.id,
          completedAt: new Date(),
          evidence: "https://git.example.com/pr/42",
          dueDate: new Date(Date.now() + 7 * 86_400_000),
        },
      });
      const reviewerContext = await browser.newContext();
      const reviewerPage = await reviewerContext.newPage();
      await users.login(reviewerPage, reviewer);
      await reviewerPage.goto(`/actions/${action.id}`);
      await reviewerPage.getByRole("button", { name: "Verify by this game day" }).click();
      await expect(reviewerPage.getByTestId("action-verification-run")).toContainText(`Basket latency ${suffix}`);
      await reviewerContext.close();
    });

    await test.step("a journal that deviated creates a corrective action", async () => {
      await page.goto(`/game-days`);
      // Game days belong to the Verification section of the main navigation.
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Verification" })).toHaveAttribute("aria-current", "page");
      await page.getByRole("link", { name: `Basket latency ${suffix}` }).click();
      await page.getByLabel("Import journal.json").setInputFiles({
        name: "journal.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(sampleJournal("deviated", { startedAt: anHourAgo() }))),
      });
      await page.getByRole("button", { name: /Import “journal.json”/ }).click();
      await expect(page.getByText("Imported: the system deviated.")).toBeVisible();
      await page.getByRole("button", { name: "Create a corrective action" }).click();
      await page.getByLabel("What will be done").fill(`Retry budget for the basket ${suffix}`);
      await page.getByRole("combobox", { name: "Owner" }).fill(member.name);
      await page.getByRole("option", { name: member.name }).first().click();
      await page.getByLabel("Due date").fill("2030-02-01");
      await page.getByRole("button", { name: "Create action" }).click();
      await expect(page.getByRole("link", { name: `Retry budget for the basket ${suffix}` })).toBeVisible();
    });
    await context.close();
    await db.$disconnect();
  });

  test("an admin adds, renames and archives a dimension of the organization's own; a viewer cannot add one", async ({ browser, users }) => {
    const suffix = randomUUID().slice(0, 6);
    const admin = await users.create({ isAdmin: true });
    const viewer = await users.create({ role: "VIEWER", teamId: DEMO_TEAMS.checkout.id });
    const context = await browser.newContext();
    const page = await context.newPage();
    await users.login(page, admin);

    await test.step("add a dimension with its intervals", async () => {
      await page.goto("/verification");
      await page.getByRole("link", { name: "Dimensions and intervals" }).click();
      await expect(page.getByRole("heading", { name: "Verification dimensions", level: 1 })).toBeVisible();
      const form = page.getByRole("form", { name: "Add a dimension" });
      await form.getByLabel("Name", { exact: true }).fill(`Security patching ${suffix}`);
      await form.getByLabel("Interval (days)", { exact: true }).fill("60");
      await form.getByLabel("Tier 1 interval (days)", { exact: true }).fill("14");
      await form.getByRole("button", { name: "Add the dimension" }).click();
      await expect(form.getByText(`Added “Security patching ${suffix}”`)).toBeVisible();
      await expect(page.getByRole("row", { name: new RegExp(`Security patching ${suffix}.*60 days.*14 days`) })).toBeVisible();
    });

    await test.step("rename it: the grid shows the new name", async () => {
      const settings = page.getByRole("form", { name: `Settings of Security patching ${suffix}` });
      await settings.getByLabel("Name", { exact: true }).fill(`OS patching ${suffix}`);
      await settings.getByRole("button", { name: `Save Security patching ${suffix}` }).click();
      // The saved name comes back from the server: the form is now named after it.
      await expect(page.getByRole("form", { name: `Settings of OS patching ${suffix}` }).getByText(/^Saved\./)).toBeVisible();
      await page.goto(`/verification?teamId=${DEMO_TEAMS.checkout.id}`);
      await expect(page.getByRole("columnheader", { name: `OS patching ${suffix}` }).first()).toBeVisible();
    });

    await test.step("archive it: the grid no longer shows it", async () => {
      await page.goto("/verification/dimensions");
      const settings = page.getByRole("form", { name: `Settings of OS patching ${suffix}` });
      await settings.getByRole("button", { name: `Archive OS patching ${suffix}` }).click();
      await expect(page.getByRole("row", { name: new RegExp(`OS patching ${suffix}.*archived`) })).toBeVisible();
      await page.goto(`/verification?teamId=${DEMO_TEAMS.checkout.id}`);
      await expect(page.getByRole("columnheader", { name: "Fault tolerance & self-healing" }).first()).toBeVisible();
      await expect(page.getByRole("columnheader", { name: `OS patching ${suffix}` })).toHaveCount(0);
    });
    await context.close();

    await test.step("a viewer reads the dimensions but cannot add one, on the page or through the API", async () => {
      const viewerContext = await browser.newContext();
      const viewerPage = await viewerContext.newPage();
      await users.login(viewerPage, viewer);
      await viewerPage.goto("/verification/dimensions");
      await expect(viewerPage.getByRole("row", { name: /Fault tolerance & self-healing/ })).toBeVisible();
      await expect(viewerPage.getByText("Only an admin or a manager of a top-level team can add dimensions")).toBeVisible();
      await expect(viewerPage.getByRole("form", { name: "Add a dimension" })).toHaveCount(0);
      const refused = await viewerPage.request.post("/api/v1/verification-dimensions", { data: { name: `Viewer dimension ${suffix}` } });
      expect(refused.status()).toBe(403);
      expect(refused.headers()["content-type"]).toContain("application/problem+json");
      const listed = await viewerPage.request.get("/api/v1/verification-dimensions");
      expect(((await listed.json()) as { data: { name: string }[] }).data.map((dimension) => dimension.name)).not.toContain(`Viewer dimension ${suffix}`);
      await viewerContext.close();
    });
  });
});
