import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { test, expect } from "./fixtures";
import { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID, DEMO_TEAMS } from "../prisma/seed/constants";
import { subtreeIds } from "../lib/org/tree";
import { summarize } from "../lib/metrics/stats";
import { formatSeconds } from "../lib/metrics/format";

// Journeys through /metrics against the seeded demo organization. The expected figures are
// worked out from the seeded COEs with the pure statistics (not with the page's SQL), over the
// same window, so they stay right as the calendar moves past the seed's fixed incident dates.
// Platform is used because no other journey writes COEs there.

const db = createScriptClient(process.env.DATABASE_URL ?? "");
test.afterAll(() => db.$disconnect());

async function expectedMttr(teamId: string, windowDays: number, severity: "SEV1" | "SEV2" | "SEV3" | "SEV4" | null) {
  const teams = await db.team.findMany({ where: { organizationId: DEMO_ORG_ID }, select: { id: true, parentId: true } });
  const from = new Date(Date.now() - windowDays * 86_400_000);
  const coes = await db.coe.findMany({
    where: {
      organizationId: DEMO_ORG_ID,
      teamId: { in: subtreeIds(teams, teamId) },
      status: { in: ["APPROVED", "CLOSED"] },
      startedAt: { gte: from },
      ...(severity ? { severity } : {}),
    },
    select: { startedAt: true, resolvedAt: true },
  });
  const durations = coes
    .filter((coe) => coe.resolvedAt && coe.startedAt && coe.resolvedAt >= coe.startedAt)
    .map((coe) => (coe.resolvedAt!.getTime() - coe.startedAt!.getTime()) / 1000);
  return { incidents: coes.length, ...summarize(durations) };
}

test("a manager reads a parent team's MTTR, switches severity and window, and downloads a chart's data", async ({ page, users }) => {
  const manager = await users.create({ role: "MANAGER", teamId: DEMO_TEAMS.platform.id });
  await users.login(page, manager);

  await test.step("the page opens on the manager's team, with its sub-teams rolled up", async () => {
    await page.goto("/metrics");
    await expect(page.getByRole("heading", { name: "Metrics", level: 1 })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Team" })).toHaveValue(DEMO_TEAMS.platform.name);
    const teamTable = page.getByTestId("team-table");
    for (const name of ["Platform", "Storage", "Networking"]) await expect(teamTable.getByRole("link", { name })).toBeVisible();
  });

  await test.step("a year, all severities: the headline matches the seeded COEs", async () => {
    await page.getByRole("navigation", { name: "Window" }).getByRole("link", { name: "365 d" }).click();
    await expect(page).toHaveURL(/window=365/);
    const expected = await expectedMttr(DEMO_TEAMS.platform.id, 365, null);
    expect(expected.count, "the seed has approved Platform COEs in the last year").toBeGreaterThan(0);
    await expect(page.getByTestId("mttr-median")).toContainText(formatSeconds(expected.median));
    await expect(page.getByTestId("mttr-p90")).toContainText(formatSeconds(expected.p90));
    await expect(page.getByTestId("mttr-mean")).toContainText(formatSeconds(expected.mean));
    await expect(page.getByTestId("incident-count")).toContainText(String(expected.incidents));
    // Each row of the roll-up covers the team's own subtree.
    for (const team of [DEMO_TEAMS.storage, DEMO_TEAMS.network]) {
      const figures = await expectedMttr(team.id, 365, null);
      const row = page
        .getByTestId("team-table")
        .getByRole("row")
        .filter({ has: page.getByRole("link", { name: team.name, exact: true }) });
      await expect(row.getByRole("cell").first()).toHaveText(String(figures.incidents));
      await expect(row.getByRole("cell").nth(1)).toHaveText(formatSeconds(figures.median));
    }
  });

  await test.step("switching severity keeps the window and changes the figures", async () => {
    await page.getByRole("navigation", { name: "Severity" }).getByRole("link", { name: "SEV3" }).click();
    await expect(page).toHaveURL(/severity=SEV3/);
    await expect(page).toHaveURL(/window=365/);
    const expected = await expectedMttr(DEMO_TEAMS.platform.id, 365, "SEV3");
    await expect(page.getByTestId("mttr-median")).toContainText(formatSeconds(expected.median));
    await expect(page.getByTestId("incident-count")).toContainText(String(expected.incidents));
    await expect(page.getByRole("navigation", { name: "Severity" }).getByRole("link", { name: "SEV3" })).toHaveAttribute("aria-current", "page");
  });

  await test.step("the distribution's table view and CSV hold the same counts", async () => {
    await page.getByRole("navigation", { name: "Severity" }).getByRole("link", { name: "All" }).click();
    await expect(page).not.toHaveURL(/severity=/);
    const expected = await expectedMttr(DEMO_TEAMS.platform.id, 365, null);
    const panel = page.getByRole("region", { name: "Time to resolve: distribution" });
    await panel.getByRole("button", { name: "Table" }).click();
    const table = panel.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "Incidents" })).toBeVisible();

    const downloadPromise = page.waitForEvent("download");
    await panel.getByRole("link", { name: /Download CSV/ }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^platform-distribution-all-365d-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe("Time to resolve,Incidents");
    expect(lines).toHaveLength(10);
    const total = lines.slice(1).reduce((sum, line) => sum + Number(line.split(",").at(-1)), 0);
    expect(total).toBe(expected.count);
    // The table on the page shows the same rows as the file.
    for (const line of lines.slice(1)) {
      const [label, count] = line.split(",");
      await expect(table.getByRole("row", { name: new RegExp(`^${label!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ${count}$`) })).toBeVisible();
    }
  });
});

test("a member records a value that breaches the target and sees it flagged", async ({ page, users }) => {
  const suffix = randomUUID().slice(0, 8);
  const service = await db.service.create({ data: { organizationId: DEMO_ORG_ID, teamId: DEMO_TEAMS.checkout.id, name: `e2e-latency-${suffix}` } });
  await db.serviceMetric.create({
    data: { organizationId: DEMO_ORG_ID, serviceId: service.id, name: "p99 latency", unit: "ms", direction: "DOWN", target: 300, anomalyThresholdPct: 20 },
  });
  try {
    const member = await users.create({ role: "MEMBER", teamId: DEMO_TEAMS.checkout.id });
    await users.login(page, member);

    await test.step("record a value under target: not flagged", async () => {
      await page.goto(`/metrics/services/${service.id}`);
      const form = page.getByRole("form", { name: "Record a value" });
      await form.getByLabel("Time (UTC)").fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
      await form.getByLabel("Value (ms)").fill("250");
      await form.getByRole("button", { name: "Record value" }).click();
      await expect(form.getByRole("status")).toHaveText("Recorded.");
      const card = page.getByRole("article", { name: "p99 latency" });
      await expect(card.getByTestId("metric-latest")).toHaveText("250 ms");
      await expect(card.getByText("Target breached")).toHaveCount(0);
    });

    await test.step("record a breaching value: flagged on the service and on the team's metrics", async () => {
      const form = page.getByRole("form", { name: "Record a value" });
      await form.getByLabel("Time (UTC)").fill(new Date().toISOString().slice(0, 10));
      await form.getByLabel("Value (ms)").fill("480");
      await form.getByRole("button", { name: "Record value" }).click();
      await expect(form.getByRole("status")).toHaveText("Recorded.");
      const card = page.getByRole("article", { name: "p99 latency" });
      await expect(card.getByTestId("metric-latest")).toHaveText("480 ms");
      await expect(card.getByText("Target breached")).toBeVisible();
      await expect(page.getByRole("row", { name: /480 ms \(breaches target\)/ })).toBeVisible();

      await page.goto(`/metrics?team=${DEMO_TEAMS.checkout.id}`);
      const flagged = page.getByRole("article", { name: `${service.name}: p99 latency` });
      await expect(flagged.getByText("Target breached")).toBeVisible();
      await expect(flagged.getByTestId("metric-latest")).toHaveText("480 ms");
    });

    await test.step("a CSV with a bad line is refused line by line, and nothing from it is imported", async () => {
      await page.goto(`/metrics/services/${service.id}`);
      const form = page.getByRole("form", { name: "Upload a CSV" });
      const csv = "metric,timestamp,value\np99 latency,2026-01-05,210\np99 latency,05/01/2026,220\nThroughput,2026-01-06,5\n";
      await form.getByLabel("CSV file").setInputFiles({ name: "values.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await form.getByRole("button", { name: "Upload" }).click();
      await expect(form.getByRole("alert")).toContainText("1 line has a problem; nothing was imported.");
      await expect(form.getByTestId("csv-errors")).toContainText("Line 3: timestamp:");
      expect(await db.metricValue.count({ where: { serviceId: service.id, value: 210 } })).toBe(0);
    });

    await test.step("a value that is not a number is refused with a message under the field", async () => {
      await page.goto(`/metrics/services/${service.id}`);
      const form = page.getByRole("form", { name: "Record a value" });
      await form.getByLabel("Value (ms)").fill("slow");
      await form.getByRole("button", { name: "Record value" }).click();
      await expect(form.getByText("The value must be a number.")).toBeVisible();
    });
  } finally {
    await db.service.delete({ where: { id: service.id } });
  }
});

test("a manager makes their team a pilot and sees progress against the captured baseline", async ({ page, users }) => {
  // A top-level team of its own, so its incidents never reach another journey's roll-up.
  const team = await db.team.create({ data: { organizationId: DEMO_ORG_ID, parentId: null, name: `E2E pilot ${randomUUID().slice(0, 8)}` } });
  try {
    // Approved incidents of the last year, 20, 30 and 90 minutes to resolve; only the first within 90 days.
    for (const [daysAgo, minutes] of [
      [5, 20],
      [100, 30],
      [200, 90],
    ] as const) {
      const startedAt = new Date(Date.now() - daysAgo * 86_400_000);
      await db.coe.create({
        data: {
          organizationId: DEMO_ORG_ID,
          teamId: team.id,
          title: `E2E incident ${daysAgo}`,
          severity: "SEV3",
          status: "APPROVED",
          startedAt,
          resolvedAt: new Date(startedAt.getTime() + minutes * 60_000),
        },
      });
    }
    const manager = await users.create({ role: "MANAGER", teamId: team.id });
    await users.login(page, manager);
    await page.goto(`/metrics?team=${team.id}`);

    await test.step("start a pilot for MTTR", async () => {
      const pilot = page.getByRole("region", { name: "Pilot" });
      await pilot.getByLabel("Metric to improve").selectOption("MTTR");
      await pilot.getByRole("button", { name: "Start pilot" }).click();
      await expect(page.getByTestId("pilot-panel")).toContainText(`${team.name} is improving MTTR (time to resolve)`);
      // The baseline is the year before the start: median of 20, 30 and 90 minutes. The last 90 days: 20.
      await expect(page.getByTestId("pilot-panel")).toContainText("Baseline median 30 min over 3 incidents");
      await expect(page.getByTestId("pilot-panel")).toContainText("last 90 days 20 min over 1 −33% better");
      await expect(page.getByTestId("mttr-median")).toContainText("−33% vs pilot baseline (30 min)");
    });

    await test.step("end it", async () => {
      await page.getByTestId("pilot-panel").getByRole("button", { name: "End pilot" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "End pilot" }).click();
      await expect(page.getByTestId("pilot-panel")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Start pilot" })).toBeVisible();
    });
  } finally {
    await db.coe.deleteMany({ where: { teamId: team.id } });
    await db.improvementPilot.deleteMany({ where: { teamId: team.id } });
    await db.team.delete({ where: { id: team.id } });
  }
});
