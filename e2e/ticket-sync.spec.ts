import { createHmac, randomUUID } from "node:crypto";
import { test, expect } from "./fixtures";
import { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID } from "../prisma/seed/constants";
import { createTeam } from "../prisma/seed/factories";
import { startFakeGithub } from "../lib/integrations/test-ticket-servers";

// An admin connects a team to GitHub Issues (a fake GitHub on a loopback port, allow-listed by
// WEBHOOK_ALLOWED_HOSTS), creates a ticket from an action, GitHub closing it marks the action done;
// a failing sync is shown on the action and retried by hand.
test("an admin connects GitHub, creates a ticket from an action, and a close in GitHub marks it done", async ({ page, users }) => {
  test.setTimeout(120_000);
  const db = createScriptClient(process.env.DATABASE_URL!);
  const fake = await startFakeGithub({ token: "ghp_e2e_token", repository: "acme/e2e" });
  const team = await createTeam(db, DEMO_ORG_ID, { name: `Tickets ${randomUUID().slice(0, 6)}` });
  const admin = await users.create({ isAdmin: true, name: "Tess Tickets" });
  const action = (title: string) =>
    db.correctiveAction.create({ data: { organizationId: DEMO_ORG_ID, teamId: team.id, title, ownerId: admin.id, type: "PREVENT", source: "STANDALONE" } });
  let webhookSecret = "";
  let inboundUrl = "";
  try {
    await test.step("the admin connects the team's GitHub repository and gets the webhook secret once", async () => {
      await users.login(page, admin);
      await page.goto("/settings/integrations");
      await page.getByLabel("Team", { exact: true }).selectOption(team.id);
      await page.getByLabel("Repository").fill("acme/e2e");
      await page.getByLabel("API URL").fill(fake.apiUrl);
      await page.getByLabel("API token").fill("ghp_e2e_token");
      await page.getByRole("button", { name: "Add integration" }).click();
      webhookSecret = await page.getByLabel("Generated webhook secret").inputValue();
      expect(webhookSecret.length).toBeGreaterThan(20);
      await page.screenshot({ path: "test-results/ticket-sync-settings-1440.png", fullPage: true });
      await page.getByRole("link", { name: "Open the integration" }).click();
      inboundUrl = (await page.getByTestId("inbound-url").textContent()) ?? "";
      expect(inboundUrl).toContain("/api/integrations/github?integration=");
    });

    const first = await action("Alarm on card timeouts");
    await test.step("Create ticket on the action makes the GitHub issue and shows its key", async () => {
      await page.goto(`/actions/${first.id}`);
      await page.getByRole("button", { name: "Create ticket" }).click();
      await expect(page.getByTestId("action-ticket").getByRole("link", { name: "acme/e2e#1" })).toBeVisible({ timeout: 30_000 });
      expect(fake.issues.get(1)?.title).toBe("Alarm on card timeouts");
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.screenshot({ path: "test-results/ticket-sync-action-1440.png", fullPage: true });
    });

    await test.step("GitHub closing the issue marks the action done, by GitHub", async () => {
      const body = JSON.stringify({
        action: "closed",
        issue: { number: 1, html_url: "https://github.example/acme/e2e/issues/1" },
        repository: { full_name: "acme/e2e" },
        sender: { login: "dana" },
      });
      const response = await page.request.post(new URL(inboundUrl).pathname + new URL(inboundUrl).search, {
        headers: {
          "content-type": "application/json",
          "x-github-event": "issues",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": `sha256=${createHmac("sha256", webhookSecret).update(body).digest("hex")}`,
        },
        data: body,
      });
      expect(response.status()).toBe(200);
      await page.reload();
      await expect(page.getByTestId("action-evidence")).toContainText("Closed in GitHub by @dana");
      await expect(page.getByText("marked done by GitHub")).toBeVisible();
    });

    const second = await action("Runbook for the payment gateway");
    await test.step("a failing sync is shown on the action, and Retry now creates the ticket once GitHub answers", async () => {
      fake.state.failWith = { status: 401, body: { message: "Bad credentials" } };
      await page.goto(`/actions/${second.id}`);
      await page.getByRole("button", { name: "Create ticket" }).click();
      await expect(page.getByText("Sync failing: 401 from GitHub: Bad credentials")).toBeVisible({ timeout: 30_000 });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: "test-results/ticket-sync-failing-390.png", fullPage: true });
      fake.state.failWith = null;
      await page.getByRole("button", { name: "Retry now" }).click();
      await expect(page.getByTestId("action-ticket").getByRole("link", { name: "acme/e2e#2" })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText("Sync failing")).toHaveCount(0);
    });
  } finally {
    await db.externalTicket.deleteMany({ where: { action: { teamId: team.id } } });
    await db.correctiveAction.deleteMany({ where: { teamId: team.id } });
    await db.ticketIntegration.deleteMany({ where: { teamId: team.id } });
    await db.team.delete({ where: { id: team.id } });
    await fake.close();
    await db.$disconnect();
  }
});
