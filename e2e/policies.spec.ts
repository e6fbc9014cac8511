import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test, expect, loginByApi, type TestUser } from "./fixtures";
import { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID, DEMO_TEAMS } from "../prisma/seed/constants";
import { RULE_LIBRARY } from "../lib/policies/library";

async function signedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginByApi(page.request, user.email, user.password);
  return page;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

test.describe("Policy engine", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a manager enforces the certificate rule, a token pushes facts, findings roll up, a waiver is approved, and a member's COE lesson becomes a rule", async ({
    browser,
    users,
  }) => {
    const manager = await users.create({ teamId: DEMO_TEAMS.retail.id, role: "MANAGER" });
    const member = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER" });
    const managerPage = await signedInPage(browser, manager);
    const memberPage = await signedInPage(browser, member);

    await test.step("the manager enforces “Certificate expires in < 30 days” for Retail Engineering", async () => {
      await managerPage.goto("/policies/rules");
      await managerPage.getByRole("combobox", { name: "Team to enforce Certificate expires in < 30 days for" }).selectOption({ label: "Retail Engineering" });
      await managerPage.getByRole("button", { name: "Enforce Certificate expires in < 30 days" }).click();
      await expect(managerPage.getByRole("button", { name: "Disable Certificate expires in < 30 days" })).toBeVisible();
    });

    await test.step("a token of the member pushes tls.expiresAt for two services", async () => {
      const token = await users.token(member);
      for (const serviceId of ["svc_checkout", "svc_cart"]) {
        const response = await memberPage.request.put(`/api/v1/services/${serviceId}/facts`, {
          headers: { authorization: `Bearer ${token}` },
          data: { source: "ci", facts: [{ key: "tls.expiresAt", type: "datetime", value: inDays(9) }] },
        });
        expect(response.status()).toBe(200);
      }
    });

    await test.step("the findings appear and roll up to the parent team", async () => {
      await expect(async () => {
        await managerPage.goto(`/policies?team=${DEMO_TEAMS.retail.id}`);
        const findings = managerPage.getByRole("table", { name: "Open findings" });
        await expect(findings.getByRole("row", { name: /Certificate expires in < 30 days.*checkout-api/ })).toBeVisible({ timeout: 1000 });
        await expect(findings.getByRole("row", { name: /Certificate expires in < 30 days.*cart-service/ })).toBeVisible({ timeout: 1000 });
        // Checkout's row (its subtree) counts both as critical failures.
        const checkoutRow = managerPage.getByRole("table", { name: "Compliance per sub-team" }).getByRole("row", { name: /Checkout/ });
        await expect(checkoutRow.getByRole("cell").nth(4)).toHaveText(/^[2-9]$/, { timeout: 1000 });
      }).toPass({ timeout: 60_000 });
    });

    await test.step("the member asks for an acknowledgment and the manager approves it", async () => {
      await memberPage.goto(`/policies?team=${DEMO_TEAMS.checkout.id}`);
      await memberPage.getByRole("table", { name: "Open findings" }).getByRole("link", { name: "Certificate expires in < 30 days" }).first().click();
      await memberPage.getByLabel("Why acknowledge it").selectOption("MITIGATED_ELSEWHERE");
      await memberPage.getByLabel("Reason").fill("The load balancer terminates TLS with its own certificate.");
      await memberPage.getByRole("button", { name: "Ask for acknowledgment" }).click();
      // The request form gives way to the pending request once the page refreshes.
      await expect(memberPage.getByTestId("acknowledgment-waiting")).toHaveText("Waiting for a manager of the team to decide.");
      await expect(memberPage.getByTestId("acknowledgment").first()).toContainText("requested");

      await managerPage.goto(memberPage.url());
      await managerPage.getByRole("button", { name: "Approve" }).click();
      await expect(managerPage.getByTestId("acknowledgment").first()).toContainText("approved");
      await expect(async () => {
        await managerPage.goto(`/policies?team=${DEMO_TEAMS.checkout.id}`);
        await expect(managerPage.getByTestId("compliance-acknowledged")).not.toHaveText("0", { timeout: 1000 });
      }).toPass({ timeout: 60_000 });
    });

    await test.step("a member turns a COE lesson into a draft rule, the dry run lists the failing services, the manager enforces it, the COE shows the count", async () => {
      const lesson = `Renew certificates 45 days before they expire ${randomUUID().slice(0, 6)}`;
      const db = createScriptClient(process.env.DATABASE_URL!);
      const coe = await db.coe.create({
        data: {
          organizationId: DEMO_ORG_ID,
          teamId: DEMO_TEAMS.checkout.id,
          title: `Checkout certificate expired ${randomUUID().slice(0, 6)}`,
          severity: "SEV2",
          status: "APPROVED",
          approvedAt: new Date(),
          lessonsLearned: lesson,
        },
      });
      await db.$disconnect();
      await memberPage.goto(`/coes/${coe.id}`);
      await memberPage.getByRole("link", { name: "Make this a rule" }).click();
      await expect(memberPage.getByLabel("Name")).toHaveValue(lesson);
      await memberPage.getByLabel("Fact 1").fill("tls.expiresAt");
      await memberPage.getByLabel("Operator 1").selectOption("daysUntilLessThan");
      await memberPage.getByLabel("Value 1").fill("45");
      await memberPage.getByRole("button", { name: "Dry run" }).click();
      await expect(memberPage.getByTestId("dry-run-summary")).toContainText("Would fail 2 of");
      await expect(memberPage.getByRole("region", { name: "Dry run" })).toContainText("checkout-api");
      await expect(memberPage.getByRole("region", { name: "Dry run" })).toContainText("cart-service");
      // A member proposes; enforcing is the manager's call.
      await expect(memberPage.getByRole("button", { name: "Save and enforce" })).toHaveCount(0);
      await memberPage.getByRole("button", { name: "Save as draft" }).click();
      await expect(memberPage.getByTestId("rule-source-coe")).toBeVisible();
      await expect(memberPage.getByTestId("rule-draft-note")).toContainText("a manager of Checkout enforces it");

      await managerPage.goto(memberPage.url());
      await managerPage.getByRole("button", { name: `Enforce ${lesson}` }).click();
      await expect(managerPage.getByRole("button", { name: `Disable ${lesson}` })).toBeVisible();
      await memberPage.goto(`/coes/${coe.id}`);
      await expect(memberPage.getByTestId("coe-rule")).toContainText("This lesson now checks");
      await expect(memberPage.getByTestId("coe-rule")).toContainText("2 failing");
    });
  });

  test("a finding's corrective action links both ways, the remediation reads as Markdown, and a manager deletes the rule with its findings", async ({
    browser,
    users,
  }) => {
    const manager = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MANAGER" });
    const member = await users.create({ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER" });
    const ruleName = `Runbook linked ${randomUUID().slice(0, 6)}`;
    const db = createScriptClient(process.env.DATABASE_URL!);
    const rule = await db.policyRule.create({
      data: {
        organizationId: DEMO_ORG_ID,
        name: ruleName,
        remediation: "Follow the [renewal runbook](https://runbooks.example/tls) and record `tls.expiresAt`.",
        status: "ENFORCED",
        severity: "HIGH",
        scopeTeamId: DEMO_TEAMS.checkout.id,
        // A fact no service has: the rule keeps failing whenever the evaluator runs meanwhile.
        conditions: { all: [{ fact: `e2e.runbook${randomUUID().slice(0, 6)}`, operator: "missing", value: null }] },
      },
    });
    const now = new Date();
    const finding = await db.policyFinding.create({
      data: {
        organizationId: DEMO_ORG_ID,
        ruleId: rule.id,
        serviceId: "svc_checkout",
        teamId: DEMO_TEAMS.checkout.id,
        factValues: {},
        firstOpenedAt: now,
        openedAt: now,
        lastEvaluatedAt: now,
      },
    });
    await db.$disconnect();
    const memberPage = await signedInPage(browser, member);

    await test.step("the member reads the remediation with its link and creates a corrective action", async () => {
      await memberPage.goto(`/policies/findings/${finding.id}`);
      await expect(memberPage.getByTestId("rule-remediation").getByRole("link", { name: "renewal runbook" })).toHaveAttribute(
        "href",
        "https://runbooks.example/tls",
      );
      await expect(memberPage.getByTestId("rule-remediation").locator("code")).toHaveText("tls.expiresAt");
      await memberPage.getByRole("button", { name: "Create corrective action" }).click();
      await memberPage.getByRole("link", { name: new RegExp(`${ruleName}: checkout-api`) }).click();
    });

    await test.step("the action links back to its finding", async () => {
      await expect(memberPage.getByTestId("action-source-finding")).toContainText(`From policy finding: ${ruleName} on checkout-api`);
      await memberPage.getByTestId("action-source-finding").click();
      await expect(memberPage).toHaveURL(new RegExp(`/policies/findings/${finding.id}$`));
    });

    await test.step("the manager deletes the rule after reading what goes with it", async () => {
      const managerPage = await signedInPage(browser, manager);
      await managerPage.goto(`/policies/rules/${rule.id}`);
      await managerPage.getByRole("button", { name: "Delete rule" }).click();
      const dialog = managerPage.getByRole("dialog", { name: `Delete “${ruleName}”?` });
      // Checkout's other services may fail it too if the evaluator ran meanwhile.
      await expect(dialog).toContainText(/Its \d+ findings? \(with their history and acknowledgments\) go with it\./);
      await dialog.getByRole("button", { name: "Delete rule and findings" }).click();
      await expect(managerPage).toHaveURL(/\/policies\/rules$/);
      await expect(managerPage.getByText(ruleName)).toHaveCount(0);
      const gone = await managerPage.goto(`/policies/findings/${finding.id}`);
      expect(gone?.status()).toBe(404);
    });
  });

  test("an admin adds the library rules the organization lacks from the catalog page and reads how many", async ({ browser, users }) => {
    const admin = await signedInPage(browser, await users.create({ isAdmin: true }));
    await admin.goto("/policies");
    await admin.getByRole("link", { name: "Import catalog" }).click();
    await admin.getByRole("button", { name: "Add missing library rules" }).click();
    // The seeded organization has every library rule, unless another journey removed one meanwhile.
    const outcome = admin.getByRole("status").filter({ hasText: /Nothing to add: every library rule is already here\.|Added \d+ library rules?, disabled/ });
    await expect(outcome).toBeVisible();
    const db = createScriptClient(process.env.DATABASE_URL!);
    const present = await db.policyRule.findMany({ where: { organizationId: DEMO_ORG_ID, libraryKey: { not: null } }, select: { libraryKey: true } });
    await db.$disconnect();
    expect(new Set(present.map((rule) => rule.libraryKey)).size).toBe(RULE_LIBRARY.length);
  });
});
