import { randomUUID } from "node:crypto";
import { test, expect } from "./fixtures";
import { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID } from "../prisma/seed/constants";
import { createTeam } from "../prisma/seed/factories";
import { addWeeks, currentIsoWeek, formatIsoWeek, parseIsoWeek } from "../lib/reviews/iso-week";

// The weekly review journey on a team of its own (so the agenda is exactly what this test puts
// there, and no other journey's data moves it): set up, edit the agenda, run the meeting, publish,
// and find the unreached item on next week's agenda.

const db = createScriptClient(process.env.DATABASE_URL ?? "");
test.afterAll(() => db.$disconnect());

test("a manager prepares this week's agenda, runs the meeting, publishes the minutes, and the unreached item moves to next week", async ({ page, users }) => {
  // The whole weekly cycle in one journey (a dozen page loads and saves): more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const suffix = randomUUID().slice(0, 8);
  const team = await createTeam(db, DEMO_ORG_ID, { name: `E2E Reviews ${suffix}` });
  const manager = await users.create({ role: "MANAGER", teamId: team.id, name: `Rev Manager ${suffix}` });
  const seriesName = `Ops review ${suffix}`;
  const timeZone = "Europe/Berlin";
  const week = currentIsoWeek(new Date(), timeZone);
  const nextWeek = formatIsoWeek(addWeeks(parseIsoWeek(week)!, 1));
  try {
    await users.login(page, manager);
    const agendaTitles = () => page.getByRole("list", { name: "Agenda" }).getByTestId("agenda-item-title").allTextContents();

    const typicalTitles = [
      "Share successes and failings",
      "Action items follow-up (0 overdue, 0 due this week)",
      "Review COEs (none this week)",
      "Key service metrics",
      "Identify new best practices",
    ];

    await test.step("set up a review: 45 minutes is shorter than the five typical items, so the form suggests 90", async () => {
      await page.goto("/reviews");
      await page.getByLabel("Name").fill(seriesName);
      await page.getByLabel("Time zone").fill(timeZone);
      await expect(page.getByLabel("Length (minutes)")).toHaveValue("90");
      await page.getByLabel("Length (minutes)").fill("45");
      await expect(page.getByText("We suggest 90 minutes.")).toBeVisible();
      await page.getByRole("button", { name: "Use 90 minutes" }).click();
      await expect(page.getByLabel("Length (minutes)")).toHaveValue("90");
      await expect(page.getByText("We suggest 90 minutes.")).toHaveCount(0);
      await page.getByRole("button", { name: "Set up review" }).click();
      await expect(page.getByRole("link", { name: seriesName })).toBeVisible();
    });

    await test.step("open this week's agenda: the five typical items in fifteen-minute slots with start times", async () => {
      await page
        .getByRole("row")
        .filter({ hasText: seriesName })
        .getByRole("link", { name: `Agenda ${week}` })
        .click();
      await expect(page.getByRole("heading", { name: `${seriesName} · ${week}` })).toBeVisible();
      expect(await agendaTitles()).toEqual(typicalTitles);
      await expect(page.getByRole("list", { name: "Agenda" }).getByText("10:15")).toBeVisible();
    });

    await test.step("open an item's data: it loads when the disclosure opens", async () => {
      const successes = page.getByRole("list", { name: "Agenda" }).getByTestId("agenda-item").filter({ hasText: "Share successes and failings" });
      await successes.getByText("Data", { exact: true }).click();
      await expect(successes.getByRole("heading", { name: "COEs opened this week" })).toBeVisible();
      await expect(successes.getByText("Nothing submitted.")).toBeVisible();
      // The key service metrics item lists the subtree's policy findings beside its metrics.
      const metrics = page.getByRole("list", { name: "Agenda" }).getByTestId("agenda-item").filter({ hasText: "Key service metrics" });
      await metrics.getByText("Data", { exact: true }).click();
      await expect(metrics.getByRole("heading", { name: "Policy findings: 0 open" })).toBeVisible();
      await expect(metrics.getByText("No open policy findings.")).toBeVisible();
    });

    await test.step("reorder two items", async () => {
      await page.getByRole("button", { name: "Move “Identify new best practices” up" }).click();
      await expect.poll(agendaTitles).toEqual([typicalTitles[0], typicalTitles[1], typicalTitles[2], typicalTitles[4], typicalTitles[3]]);
    });

    const reordered = [typicalTitles[0], typicalTitles[1], typicalTitles[2], typicalTitles[4], typicalTitles[3]];
    const deferredTitles = () => page.getByRole("list", { name: "Deferred items" }).getByTestId("agenda-item-title").allTextContents();

    await test.step("add a two-slot custom item: the typical items keep their slots and the custom item is deferred", async () => {
      await page.getByLabel("Add a custom item").fill("Pager load review");
      await page.getByLabel("Slots", { exact: true }).fill("2");
      await page.getByRole("button", { name: "Add item" }).click();
      await expect.poll(deferredTitles).toEqual(["Pager load review"]);
      expect(await agendaTitles()).toEqual(reordered);
    });

    await test.step("pinning the custom item gives it the time: then the last typical item defers; unpinning undoes it", async () => {
      const pager = page.getByTestId("agenda-item").filter({ hasText: "Pager load review" });
      await pager.getByRole("button", { name: "Pin" }).click();
      await expect.poll(deferredTitles).toEqual(["Key service metrics"]);
      expect(await agendaTitles()).toEqual([...reordered.slice(0, 4), "Pager load review"]);
      await pager.getByRole("button", { name: "Unpin" }).click();
      await expect.poll(deferredTitles).toEqual(["Pager load review"]);
      expect(await agendaTitles()).toEqual(reordered);
    });

    await test.step("rebuild from data: the agenda is built again and keeps the edits", async () => {
      await page.getByRole("button", { name: "Rebuild from data" }).click();
      await expect(page.getByText(/Rebuilt from the data at .+; your edits are kept\./)).toBeVisible();
      expect(await agendaTitles()).toEqual(reordered);
      expect(await deferredTitles()).toEqual(["Pager load review"]);
    });

    await test.step("last week's meeting was never held: the page says so instead of planned", async () => {
      const lastWeek = formatIsoWeek(addWeeks(parseIsoWeek(week)!, -1));
      await page.getByRole("link", { name: "← Previous week" }).click();
      await expect(page.getByRole("heading", { name: `${seriesName} · ${lastWeek}` })).toBeVisible();
      await expect(page.getByText("Not held", { exact: true })).toBeVisible();
      await expect(page.getByText("This meeting's time has passed and it was not held.", { exact: false })).toBeVisible();
      await expect(page.getByText("Planned", { exact: true })).toHaveCount(0);
      await page.getByRole("link", { name: "Next week →" }).click();
      await expect(page.getByRole("heading", { name: `${seriesName} · ${week}` })).toBeVisible();
    });

    await test.step("start the meeting: the slot countdown is visible and moves", async () => {
      await page.getByRole("button", { name: "Start meeting" }).click();
      await expect(page).toHaveURL(/\/run$/);
      await expect(page.getByTestId("current-item-title")).toHaveText("Share successes and failings");
      const countdown = page.getByTestId("slot-countdown");
      await expect(countdown).toHaveText(/^1[45]:\d\d$/);
      const first = await countdown.textContent();
      await expect.poll(() => countdown.textContent(), { timeout: 5000 }).not.toBe(first);
      await expect(page.getByTestId("meeting-countdown")).toHaveText(/^1:(29|30):\d\d$/);
    });

    await test.step("record a note, a decision and a new corrective action", async () => {
      await page.getByLabel("Notes on this item").fill("Quiet week; the load test passed.");
      // Notes autosave: no button to forget.
      await expect(page.getByTestId("note-save-state")).toHaveText("Saved", { timeout: 15_000 });
      await page.getByLabel("Decision").fill("Run the load test monthly");
      // Typed but not recorded: a reload (or the view's refresh) keeps it.
      await page.reload();
      await expect(page.getByLabel("Decision")).toHaveValue("Run the load test monthly");
      await page.getByRole("button", { name: "Record" }).click();
      await expect(page.getByTestId("decisions")).toContainText("Run the load test monthly");
      await expect(page.getByLabel("Decision")).toHaveValue("");
      await page.getByLabel("Action title").fill("Write the load-test runbook");
      // Publishing now would lose the typed action: it waits for it.
      await page.getByRole("button", { name: "Publish minutes" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "Publish" }).click();
      await expect(dialog.getByRole("alert")).toContainText("The new action typed under");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(page).not.toHaveURL(/\/minutes$/);
      await page.getByRole("button", { name: "Create action" }).click();
      await expect(page.getByTestId("meeting-actions")).toContainText("Write the load-test runbook");
      await page.getByRole("button", { name: "Next →" }).click();
      await expect(page.getByTestId("current-item-title")).toHaveText("Action items follow-up (0 overdue, 0 due this week)");
    });

    await test.step("publish: the minutes show the note, the decision, the action, and what was not reached", async () => {
      await page.getByRole("button", { name: "Publish minutes" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
      await expect(page).toHaveURL(/\/minutes$/);
      const items = page.getByTestId("minutes-items");
      await expect(items).toContainText("Quiet week; the load test passed.");
      await expect(page.getByTestId("minutes-decisions")).toContainText("Run the load test monthly");
      await expect(page.getByTestId("minutes-actions")).toContainText("Write the load-test runbook");
      await expect(items.getByRole("listitem").filter({ hasText: "Identify new best practices" })).toContainText(`Not reached · carried to ${nextWeek}`);
      const action = await db.correctiveAction.findFirstOrThrow({ where: { title: "Write the load-test runbook", teamId: team.id } });
      expect(action.source).toBe("WEEKLY_REVIEW");
    });

    await test.step("next week's agenda carries the unreached custom item", async () => {
      await page.getByRole("link", { name: "Next week's agenda" }).click();
      await expect(page.getByRole("heading", { name: `${seriesName} · ${nextWeek}` })).toBeVisible();
      const carried = page.getByTestId("agenda-item").filter({ hasText: "Pager load review" });
      await expect(carried).toContainText(`Carried from ${week}`);
    });
  } finally {
    await db.correctiveAction.deleteMany({ where: { teamId: team.id } });
    await db.reviewSeries.deleteMany({ where: { teamId: team.id } });
    await db.membership.deleteMany({ where: { teamId: team.id } });
    await db.team.delete({ where: { id: team.id } });
  }
});
