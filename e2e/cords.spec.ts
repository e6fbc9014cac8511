import { randomUUID } from "node:crypto";
import { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID } from "../prisma/seed/constants";
import { createService, createTeam } from "../prisma/seed/factories";
import { expect, test } from "./fixtures";

// The Andon cord end to end: a viewer stops the line, CI's gate (a token, real HTTP) answers 423 and
// the attempt lands on the timeline, the owning team's member sees the banner and the notification,
// the manager's override passes exactly one deploy, the member resolves and starts the prefilled
// COE, and the gate answers 200 again. A team and service of its own keep it apart from other specs.
test("pull the cord, the gate stops deploys, override once, resolve and start the COE", async ({ browser, users, request }) => {
  // Six signed-in browser contexts and a dozen page loads: 134 s measured at load average 30 on two cores.
  test.setTimeout(240_000);
  const db = createScriptClient(process.env.DATABASE_URL!);
  const suffix = randomUUID().slice(0, 6);
  const team = await createTeam(db, DEMO_ORG_ID, { name: `Cord team ${suffix}`, parentId: "team_retail" });
  const service = await createService(db, DEMO_ORG_ID, team.id, { name: `cord-web-${suffix}` });
  await db.$disconnect();
  const viewer = await users.create({ role: "VIEWER", teamId: "team_catalog", name: `Vee ${suffix}` });
  const member = await users.create({ role: "MEMBER", teamId: team.id, name: `Mem ${suffix}` });
  const manager = await users.create({ role: "MANAGER", teamId: team.id, name: `Man ${suffix}` });
  const above = await users.create({ role: "VIEWER", teamId: "team_retail", name: `Abe ${suffix}` });
  const ci = `Bearer ${await users.token(viewer)}`;
  const gate = (ref?: string) =>
    request.get(`/api/v1/deploy-gate?service=${encodeURIComponent(service.name)}&environment=production`, {
      headers: { authorization: ci, ...(ref ? { "x-andon-deploy-ref": ref } : {}) },
    });
  const as = async (user: { email: string; password: string }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await users.login(page, user);
    return page;
  };

  let cordUrl = "";
  await test.step("a viewer of another team pulls the cord on the service page", async () => {
    const page = await as(viewer);
    await page.goto(`/services/${service.id}`);
    await expect(page.getByText("Line running")).toBeVisible();
    await page.locator("summary", { hasText: "Pull the cord" }).last().click();
    const form = page.getByRole("form", { name: `Pull the cord on ${service.name}` });
    await form.getByLabel("What is wrong?").fill("Checkout button does nothing on Safari");
    await form.getByRole("button", { name: "Pull the cord" }).click();
    await expect(page.getByText(`Line stopped on ${service.name}`)).toBeVisible();
    await page.reload();
    await expect(page.getByText("Line stopped", { exact: true }).first()).toBeVisible();
    cordUrl = (await page.getByRole("link", { name: /Open the cord/ }).getAttribute("href"))!;
    await page.context().close();
  });

  await test.step("the gate answers 423 and the attempt is on the timeline", async () => {
    const blocked = await gate("sha-e2e-1");
    expect(blocked.status()).toBe(423);
    expect(blocked.headers()["content-type"]).toContain("application/problem+json");
    expect(await blocked.json()).toMatchObject({ allowed: false, reason: "cord", cord: { problem: "Checkout button does nothing on Safari" } });
    expect((await request.head(`/api/v1/deploy-gate?service=${service.id}`, { headers: { authorization: ci } })).status()).toBe(423);
  });

  await test.step("a viewer of the team above sees the stop on home and beside the service on metrics", async () => {
    const page = await as(above);
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Line stopped" })).toContainText(service.name);
    await page.goto(`/metrics?team=${team.id}`);
    await expect(page.getByRole("link", { name: "Line stopped" }).first()).toHaveAttribute("href", `/services/${service.id}`);
    await expect(page.getByRole("table", { name: "Services stopped most" })).toContainText(service.name);
    await page.context().close();
  });

  const memberPage = await as(member);
  await test.step("the member sees the banner, the notification and the blocked attempt", async () => {
    await memberPage.goto("/");
    const banner = memberPage.getByRole("status", { name: "Line stopped" });
    await expect(banner).toContainText(service.name);
    const notifications = await (await memberPage.request.get("/api/notifications")).json();
    expect(JSON.stringify(notifications)).toContain(`Line stopped on ${service.name}`);
    await memberPage.goto(cordUrl);
    const timeline = memberPage.getByRole("list", { name: "Cord timeline" });
    await expect(timeline).toContainText("Deploy blocked");
    await expect(timeline).toContainText("sha-e2e-1");
  });

  await test.step("the open cord's page shows a new blocked attempt without a reload", async () => {
    expect((await gate("sha-e2e-live")).status()).toBe(423);
    await expect(memberPage.getByRole("list", { name: "Cord timeline" })).toContainText("sha-e2e-live", { timeout: 30_000 });
  });

  await test.step("the member adds a corrective action: the cord lists it and the action links back", async () => {
    const form = memberPage.getByRole("form", { name: "Add a corrective action" });
    await form.getByLabel("Corrective action").fill(`Safari checkout test ${suffix}`);
    await form.getByLabel("Due").fill("2099-01-31");
    await form.getByRole("button", { name: "Add action" }).click();
    const listed = memberPage.getByRole("list", { name: "Corrective actions from this cord" }).getByRole("link", { name: `Safari checkout test ${suffix}` });
    await expect(listed).toBeVisible();
    await listed.click();
    await memberPage.waitForURL(/\/actions\/[^/]+$/);
    await expect(memberPage.getByRole("link", { name: new RegExp(`^From Andon cord on ${service.name} \\(`) })).toHaveAttribute("href", cordUrl);
  });

  await test.step("the manager grants an override and exactly one gate call passes", async () => {
    const page = await as(manager);
    await page.goto(cordUrl);
    await page.getByLabel("Why must this deploy go out during the stop?").fill("Ship the Safari fix");
    await page.getByRole("button", { name: "Allow one deploy" }).click();
    await expect(page.getByText("One deploy may pass the gate within the next hour.")).toBeVisible();
    expect((await gate("sha-fix")).status()).toBe(200);
    expect((await gate("sha-after")).status()).toBe(423);
    await page.context().close();
  });

  await test.step("the member resolves, starts the COE and finds the timeline prefilled; the gate opens", async () => {
    await memberPage.goto(cordUrl);
    await memberPage.getByLabel("How was it fixed?").fill("Fix deployed; checkout works on Safari again");
    await memberPage.getByRole("button", { name: "Resolve the cord" }).click();
    await expect(memberPage.getByText("Resolved: the line runs again.")).toBeVisible();
    await memberPage.getByRole("button", { name: "Start the COE" }).click();
    await memberPage.waitForURL(/\/coes\/[^/]+$/);
    const coeId = memberPage.url().split("/").pop()!;
    const coe = await (await request.get(`/api/v1/coes/${coeId}`, { headers: { authorization: `Bearer ${await users.token(member)}` } })).json();
    const timeline = (coe.timeline as { description: string }[]).map((entry) => entry.description).join("\n");
    expect(timeline).toContain("Pulled the cord");
    expect(timeline).toContain("Deploy blocked");
    expect(timeline).toContain("Resolved");
    expect((await gate()).status()).toBe(200);
    await memberPage.context().close();
  });
});

// Freeze windows in the UI: a manager schedules one for their team (the form shows the server's
// schema errors under the inputs), sees it on the team card and the service page, and removes it.
test("a manager schedules a repeating freeze window, sees it on the team and service pages, and removes it", async ({ browser, users }) => {
  test.setTimeout(180_000);
  const db = createScriptClient(process.env.DATABASE_URL!);
  const suffix = randomUUID().slice(0, 6);
  const team = await createTeam(db, DEMO_ORG_ID, { name: `Freeze team ${suffix}`, parentId: "team_retail" });
  const service = await createService(db, DEMO_ORG_ID, team.id, { name: `freeze-web-${suffix}` });
  await db.$disconnect();
  const manager = await users.create({ role: "MANAGER", teamId: team.id, name: `Fran ${suffix}` });
  const context = await browser.newContext({ timezoneId: "Europe/Berlin" });
  const page = await context.newPage();
  await users.login(page, manager);
  const reason = `Weekend freeze ${suffix}`;

  await test.step("end before start and a bad RRULE are shown under their inputs", async () => {
    await page.goto(`/freeze-windows?team=${team.id}`);
    const form = page.getByRole("form", { name: "Schedule a freeze window" });
    await form.getByLabel("Team").selectOption(team.id);
    await form.getByLabel("Reason").fill(reason);
    await form.getByLabel("Starts").fill("2030-01-04T16:00");
    await form.getByLabel("Ends").fill("2030-01-04T15:00");
    await expect(form.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
    await form.getByLabel("Repeats the first window by a rule").check();
    await form.getByLabel("RRULE").fill("FREQ=SOMETIMES");
    await form.getByRole("button", { name: "Schedule the window" }).click();
    await expect(form.getByText("The window must end after it starts.")).toBeVisible();
    await expect(form.getByText(/not a valid RRULE|repeats daily, weekly/)).toBeVisible();
  });

  await test.step("a valid window is listed here, on the team card and on the service page", async () => {
    const form = page.getByRole("form", { name: "Schedule a freeze window" });
    await form.getByLabel("Ends").fill("2030-01-07T08:00");
    await form.getByRole("button", { name: "Fridays" }).click();
    await form.getByRole("button", { name: "Schedule the window" }).click();
    await expect(form.getByText("Scheduled.", { exact: false })).toBeVisible();
    await expect(page.getByRole("list", { name: "Freeze windows" })).toContainText(reason);
    await page.goto("/services");
    await expect(page.locator("section").filter({ has: page.getByRole("heading", { name: team.name }) })).toContainText(reason);
    await page.goto(`/services/${service.id}`);
    await expect(page.getByText(reason)).toBeVisible();
  });

  await test.step("the manager removes it", async () => {
    await page.goto(`/freeze-windows?team=${team.id}`);
    const item = page.getByRole("listitem").filter({ hasText: reason });
    await item.getByRole("button", { name: "Remove" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
    await expect(page.getByRole("list", { name: "Freeze windows" }).getByText(reason)).toHaveCount(0);
    await context.close();
  });
});
