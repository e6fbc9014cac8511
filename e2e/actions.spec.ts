import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { test, expect, loginByApi, type TestUser } from "./fixtures";
import { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID, DEMO_TEAMS } from "../prisma/seed/constants";

async function signedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await loginByApi(page.request, user.email, user.password);
  return page;
}

const daysFromToday = (days: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
};

/** An open DETECT action of the demo organization due in a week, owned by `ownerId`, titled `title` plus a unique suffix. */
function createWeekAction(db: ReturnType<typeof createScriptClient>, teamId: string, ownerId: string, title: string) {
  return db.correctiveAction.create({
    data: {
      organizationId: DEMO_ORG_ID,
      teamId,
      title: `${title} ${randomUUID().slice(0, 6)}`,
      ownerId,
      type: "DETECT",
      priority: "MEDIUM",
      dueDate: daysFromToday(7),
    },
  });
}

/** Types into a type-ahead picker and chooses the first option that names `text`. */
async function pick(page: Page, label: string, text: string) {
  await page.getByRole("combobox", { name: label }).fill(text);
  await page.getByRole("option", { name: text }).first().click();
  await expect(page.getByRole("combobox", { name: label })).toHaveValue(text);
}

test.describe("Corrective actions", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a reviewer reassigns overdue actions in bulk, the owner finishes them, a manager verifies, the COE closes and the CSV holds the rows", async ({
    browser,
    users,
  }) => {
    const suffix = randomUUID().slice(0, 6);
    const owner = await users.create({ teamId: DEMO_TEAMS.payments.id, role: "MEMBER", name: `Owen Owner ${suffix}` });
    const reviewer = await users.create({ teamId: DEMO_TEAMS.retail.id, role: "REVIEWER" });
    const manager = await users.create({ teamId: DEMO_TEAMS.retail.id, role: "MANAGER" });
    const db = createScriptClient(process.env.DATABASE_URL!);
    const coeTitle = `Gateway timeouts ${suffix}`;
    const coe = await db.coe.create({
      data: { organizationId: DEMO_ORG_ID, teamId: DEMO_TEAMS.payments.id, title: coeTitle, severity: "SEV2", status: "APPROVED", approvedAt: new Date() },
    });
    const titles = [`Retry budget for the gateway ${suffix}`, `Timeout alarm on the gateway ${suffix}`];
    for (const [index, title] of titles.entries()) {
      await db.correctiveAction.create({
        data: {
          organizationId: DEMO_ORG_ID,
          coeId: coe.id,
          teamId: DEMO_TEAMS.payments.id,
          title,
          ownerId: "user_member",
          type: "PREVENT",
          priority: "HIGH",
          dueDate: daysFromToday(-5 - index * 7),
        },
      });
    }
    const reviewerPage = await signedInPage(browser, reviewer);

    await test.step("the reviewer opens the overdue filter for the COE and sees how late each action is", async () => {
      await reviewerPage.goto("/actions");
      // The pickers answer typing only once the page has hydrated.
      await reviewerPage.waitForLoadState("networkidle");
      // The reviewer owns nothing, so the list opens on every action, its filters folded to one line.
      await expect(reviewerPage.getByRole("link", { name: "All", exact: true })).toHaveAttribute("aria-current", "page");
      await expect(reviewerPage.getByLabel("Overdue only")).toBeHidden();
      await reviewerPage.getByRole("button", { name: "Filters" }).click();
      await reviewerPage.getByLabel("Overdue only").check();
      await pick(reviewerPage, "Source COE", coeTitle);
      await reviewerPage.getByRole("button", { name: "Apply filters" }).click();
      await reviewerPage.waitForURL(/overdue=true/);
      await expect(reviewerPage.getByRole("button", { name: "Filters (2)" })).toBeVisible();
      const chips = reviewerPage.getByRole("list", { name: "Active filters" });
      await expect(chips.getByRole("listitem")).toHaveText([`COE: ${coeTitle}`, "Overdue only"]);
      const rows = reviewerPage.getByTestId("action-row");
      await expect(rows).toHaveCount(2);
      await expect(rows.filter({ hasText: titles[0] })).toContainText("5 days overdue");
      await expect(rows.filter({ hasText: titles[1] })).toContainText("12 days overdue");
    });

    await test.step("and reassigns both to the owner with a new due date and one reason", async () => {
      await reviewerPage.getByLabel("Select all actions on this page").check();
      await pick(reviewerPage, "Reassign to", owner.name);
      await reviewerPage.getByLabel("New due date", { exact: true }).fill("2030-03-01");
      await reviewerPage.getByLabel("Reason for the new due date").fill("Replanned in the weekly review");
      await reviewerPage.getByRole("button", { name: "Apply to 2 actions" }).click();
      // No longer overdue, so the overdue filter is now empty (the bar and its "Updated 2 actions."
      // go with the rows, so the lasting evidence is the list and the records).
      await expect(reviewerPage.getByText("No actions match these filters.")).toBeVisible({ timeout: 15_000 });
      const moved = await db.correctiveAction.findMany({ where: { coeId: coe.id }, select: { ownerId: true, dueDate: true } });
      expect(moved.map((action) => [action.ownerId, action.dueDate?.toISOString().slice(0, 10)])).toEqual([
        [owner.id, "2030-03-01"],
        [owner.id, "2030-03-01"],
      ]);
      const reasons = await db.correctiveActionEvent.findMany({ where: { action: { coeId: coe.id }, reason: { not: null } }, select: { reason: true } });
      expect(reasons.map((event) => event.reason)).toContain("Replanned in the weekly review");
    });

    const ownerPage = await signedInPage(browser, owner);
    let firstId = "";
    await test.step("the owner marks the first one done with evidence", async () => {
      await ownerPage.goto(`/actions?view=mine&coeId=${coe.id}`);
      await expect(ownerPage.getByTestId("action-row")).toHaveCount(2);
      await ownerPage.getByRole("link", { name: titles[0] }).click();
      await ownerPage.waitForURL(/\/actions\/[^/?]+$/);
      firstId = ownerPage.url().split("/").at(-1)!;
      await expect(ownerPage.getByText("Replanned in the weekly review")).toBeVisible();
      await ownerPage.getByRole("radio", { name: "Mark done" }).check();
      await ownerPage.getByLabel("Evidence", { exact: true }).fill("https://git.example.com/payments/gateway/pull/77");
      await ownerPage.getByRole("button", { name: "Mark done" }).click();
      await expect(ownerPage.getByTestId("action-evidence")).toHaveText("https://git.example.com/payments/gateway/pull/77", { timeout: 15_000 });
      await expect(ownerPage.getByTestId("action-evidence").getByRole("link")).toHaveAttribute("href", "https://git.example.com/payments/gateway/pull/77");
    });

    await test.step("the owner's actions list opens on My actions", async () => {
      await ownerPage.goto("/actions");
      await expect(ownerPage.getByRole("link", { name: "My actions" })).toHaveAttribute("aria-current", "page");
      await expect(ownerPage.getByTestId("action-row").filter({ hasText: titles[1] })).toBeVisible();
    });

    await test.step("a manager verifies it with a game day", async () => {
      const managerPage = await signedInPage(browser, manager);
      await managerPage.goto(`/actions/${firstId}`);
      await managerPage.getByRole("radio", { name: "Verify" }).check();
      await managerPage.getByLabel("How was it proven to work?").selectOption({ label: "A game day" });
      await managerPage.getByLabel("Proof", { exact: true }).fill("Game day: the processor was slowed to 5 s; retries stayed in budget.");
      await managerPage.getByRole("button", { name: "Verify", exact: true }).click();
      await expect(managerPage.getByText(/Verified: A game day — by /)).toBeVisible({ timeout: 15_000 });
      // The history says it in the same words as the form.
      await expect(managerPage.getByRole("list", { name: "Action history" })).toContainText("A game day: Game day: the processor was slowed");
      await expect(managerPage.getByRole("list", { name: "Action history" })).not.toContainText("GAME_DAY");
    });

    await test.step("the COE closes when its last action is done", async () => {
      expect((await db.coe.findUniqueOrThrow({ where: { id: coe.id } })).status).toBe("APPROVED");
      await ownerPage.goto(`/actions?view=mine&coeId=${coe.id}`);
      await ownerPage.getByRole("link", { name: titles[1] }).click();
      await ownerPage.getByRole("radio", { name: "Mark done" }).check();
      await ownerPage.getByLabel("Evidence", { exact: true }).fill("Alarm gateway-timeouts-p99 added");
      await ownerPage.getByRole("button", { name: "Mark done" }).click();
      await expect(ownerPage.getByTestId("action-evidence")).toBeVisible({ timeout: 15_000 });
      await expect.poll(async () => (await db.coe.findUniqueOrThrow({ where: { id: coe.id } })).status, { timeout: 15_000 }).toBe("CLOSED");
    });

    await test.step("the CSV export of the filter downloads and parses with the right rows", async () => {
      await reviewerPage.goto(`/actions?coeId=${coe.id}`);
      const [download] = await Promise.all([reviewerPage.waitForEvent("download"), reviewerPage.getByRole("link", { name: "Export CSV" }).click()]);
      const text = await readFile((await download.path())!, "utf8");
      const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      expect(Object.keys(records[0]!)).toEqual(
        expect.arrayContaining(["id", "title", "status", "owner", "due_date", "completed_at", "verified_at", "evidence"]),
      );
      expect(records.map((row) => [row.title, row.status, row.owner, row.due_date]).sort()).toEqual(
        [
          [titles[0], "VERIFIED", owner.name, "2030-03-01"],
          [titles[1], "DONE", owner.name, "2030-03-01"],
        ].sort(),
      );
      for (const row of records) expect(row.completed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });
    await db.$disconnect();
  });

  test("the status form starts from the server's answer after each change, and keeps typed evidence across someone else's change", async ({ page, users }) => {
    const owner = await users.create({ teamId: DEMO_TEAMS.payments.id, role: "MEMBER" });
    const db = createScriptClient(process.env.DATABASE_URL!);
    const action = await createWeekAction(db, DEMO_TEAMS.payments.id, owner.id, "Stale form check");
    await users.login(page, owner);
    const statusForm = page.getByRole("form", { name: "Change status" });

    await test.step("after Start work the form offers what comes next, with the confirmation", async () => {
      await page.goto(`/actions/${action.id}`);
      await statusForm.getByRole("radio", { name: "Start work" }).check();
      await statusForm.getByRole("button", { name: "Start work" }).click();
      await expect(statusForm.getByText("Now in progress.")).toBeVisible({ timeout: 15_000 });
      await expect(statusForm.getByRole("radio", { name: "Start work" })).toHaveCount(0);
      await expect(statusForm.getByRole("radio", { name: "Mark done" })).toBeVisible();
    });

    const evidence = "https://git.example.com/payments/alarm/pull/9";
    await test.step("evidence typed before someone else's change is kept, with the conflict shown", async () => {
      await statusForm.getByRole("radio", { name: "Mark done" }).check();
      await statusForm.getByLabel("Evidence", { exact: true }).fill(evidence);
      await db.correctiveAction.update({ where: { id: action.id }, data: { version: { increment: 1 }, dueDate: daysFromToday(14) } });
      await page.reload();
      await expect(statusForm.getByLabel("Evidence", { exact: true })).toHaveValue(evidence);
      await expect(statusForm.getByText(/This action changed while you were typing/)).toBeVisible();
    });

    await test.step("saving it marks the action done and clears the draft", async () => {
      await statusForm.getByRole("button", { name: "Mark done" }).click();
      await expect(page.getByTestId("action-evidence")).toHaveText(evidence, { timeout: 15_000 });
      await page.reload();
      await expect(page.getByText(/This action changed while you were typing/)).toHaveCount(0);
    });
    await db.correctiveAction.delete({ where: { id: action.id } });
    await db.$disconnect();
  });

  test("a viewer is read-only: an action left assigned to them shows no controls, and the API refuses the change", async ({ page, users, request }) => {
    const viewer = await users.create({ teamId: DEMO_TEAMS.catalog.id, role: "VIEWER" });
    const db = createScriptClient(process.env.DATABASE_URL!);
    const action = await createWeekAction(db, DEMO_TEAMS.catalog.id, viewer.id, "Left with a viewer");

    await test.step("the demo viewer owns no action", async () => {
      expect(await db.correctiveAction.count({ where: { owner: { email: "viewer@andon.local" } } })).toBe(0);
    });

    await test.step("the page offers no status change, reassignment or link", async () => {
      await users.login(page, viewer);
      await page.goto(`/actions/${action.id}`);
      await expect(page.getByRole("heading", { name: action.title })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Change status" })).toHaveCount(0);
      await expect(page.getByRole("radio", { name: "Start work" })).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "Reassign or reschedule" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Add link" })).toHaveCount(0);
      await page.goto("/actions?view=mine");
      await expect(page.getByTestId("action-row")).toHaveCount(1);
      await expect(page.getByLabel("Select all actions on this page")).toHaveCount(0);
    });

    await test.step("the API answers 403 problem+json and the action is unchanged", async () => {
      const token = await users.token(viewer);
      const response = await request.patch(`/api/v1/action-items/${action.id}`, {
        headers: { authorization: `Bearer ${token}` },
        data: { version: 1, status: "IN_PROGRESS" },
      });
      expect(response.status()).toBe(403);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      expect((await db.correctiveAction.findUniqueOrThrow({ where: { id: action.id } })).status).toBe("OPEN");
    });
    await db.correctiveAction.delete({ where: { id: action.id } });
    await db.$disconnect();
  });
});
