import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID } from "../prisma/seed/constants";
import { temporaryIntegration } from "./temporary-integration";

/**
 * axe-core over every page, signed in as each role of the demo organization, failing on serious or
 * critical findings. Each role gets one browser context: it starts from the pages in the navigation
 * and follows links in the page to reach one page of every route (the first COE, the first action …),
 * so a page added later is scanned once something links to it.
 */

// Every route of app/(app), as a pattern; a link is followed when it reaches a route not yet scanned.
const ROUTES: [name: string, pattern: RegExp][] = [
  ["home", /^\/$/],
  ["services", /^\/services$/],
  ["service", /^\/services\/[^/]+$/],
  ["coes", /^\/coes$/],
  ["coe new", /^\/coes\/new$/],
  ["coe categories", /^\/coes\/categories$/],
  ["coe", /^\/coes\/[^/]+$/],
  ["coe edit", /^\/coes\/[^/]+\/edit$/],
  ["coe history", /^\/coes\/[^/]+\/history$/],
  ["coe print", /^\/coes\/[^/]+\/print$/],
  ["learnings", /^\/learnings$/],
  ["best practices", /^\/learnings\/best-practices$/],
  ["best practice", /^\/learnings\/best-practices\/[^/]+$/],
  ["actions", /^\/actions$/],
  ["action new", /^\/actions\/new$/],
  ["action calendar", /^\/actions\/calendar$/],
  ["action escalations", /^\/actions\/escalations$/],
  ["action", /^\/actions\/(?!export$)[^/]+$/],
  ["reviews", /^\/reviews$/],
  ["review series", /^\/reviews\/[^/]+$/],
  ["review week", /^\/reviews\/[^/]+\/weeks\/[^/]+$/],
  ["review run", /^\/reviews\/[^/]+\/weeks\/[^/]+\/run$/],
  ["review minutes", /^\/reviews\/[^/]+\/weeks\/[^/]+\/minutes$/],
  ["cords", /^\/cords$/],
  ["cord", /^\/cords\/[^/]+$/],
  ["game days", /^\/game-days$/],
  ["game day new", /^\/game-days\/new$/],
  ["game day", /^\/game-days\/[^/]+$/],
  ["game day run", /^\/game-days\/[^/]+\/run$/],
  ["policies", /^\/policies$/],
  ["rules", /^\/policies\/rules$/],
  ["rule new", /^\/policies\/rules\/new$/],
  ["rule", /^\/policies\/rules\/[^/]+$/],
  ["finding", /^\/policies\/findings\/[^/]+$/],
  ["verification", /^\/verification$/],
  ["verification service", /^\/verification\/services\/[^/]+$/],
  ["verification dimensions", /^\/verification\/dimensions$/],
  ["metrics", /^\/metrics$/],
  ["metrics service", /^\/metrics\/services\/[^/]+$/],
  ["settings", /^\/settings$/],
  ["settings account", /^\/settings\/account$/],
  ["settings audit", /^\/settings\/audit$/],
  ["settings tokens", /^\/settings\/tokens$/],
  ["settings services", /^\/settings\/services$/],
  ["settings service", /^\/settings\/services\/[^/]+$/],
  ["settings teams", /^\/settings\/teams$/],
  ["settings team", /^\/settings\/teams\/[^/]+$/],
  ["settings users", /^\/settings\/users$/],
  ["settings user", /^\/settings\/users\/[^/]+$/],
  ["settings webhooks", /^\/settings\/webhooks$/],
  ["settings webhook", /^\/settings\/webhooks\/[^/]+$/],
  ["settings integrations", /^\/settings\/integrations$/],
  ["settings integration", /^\/settings\/integrations\/[^/]+$/],
  ["policies catalog", /^\/policies\/catalog$/],
  ["freeze windows", /^\/freeze-windows$/],
];

// Reached from no link for some roles (a form's page, a page behind a button), so visited outright.
const START = [
  "/",
  "/coes/new",
  "/actions/new",
  "/actions/calendar",
  "/actions/escalations",
  "/game-days/new",
  "/policies/rules/new",
  "/policies/catalog",
  "/cords",
  "/freeze-windows",
  "/settings/integrations",
];

const ROLES = [
  { role: "admin", userId: "user_admin", email: "admin@andon.local" },
  { role: "manager", userId: "user_manager", email: "manager@andon.local" },
  { role: "reviewer", userId: "user_reviewer", email: "reviewer@andon.local" },
  { role: "member", userId: "user_member", email: "member@andon.local" },
  { role: "viewer", userId: "user_viewer", email: "viewer@andon.local" },
];

type Finding = { path: string; rule: string; impact: string; help: string; targets: string[] };

function routeOf(path: string): string | undefined {
  return ROUTES.find(([, pattern]) => pattern.test(path))?.[0];
}

// Moderate in axe, but a second unnamed landmark of a kind makes landmark navigation ambiguous: kept out too.
const LANDMARK_RULES = new Set(["landmark-unique", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main"]);

async function scan(page: Page): Promise<Omit<Finding, "path">[]> {
  // Only violations come back (collecting every passing node costs more than the checks), and in
  // legacy mode: the default opens a blank page per scan to merge frame results, which triples the
  // time of a scan; Andon has no cross-origin frames for that mode to miss.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .setLegacyMode(true)
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical" || LANDMARK_RULES.has(violation.id))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
}

/** Same-origin links of the page, as paths without query or hash. */
async function linkedPaths(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const paths = new Set<string>();
    for (const anchor of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
      const url = new URL(anchor.href, location.href);
      if (url.origin === location.origin) paths.add(url.pathname);
    }
    return [...paths];
  });
}

test.describe("accessibility (axe-core)", () => {
  // About 50 pages per role: well under a minute each on a quiet machine, but axe is CPU-bound and
  // these machines are shared, so the limit leaves room.
  test.describe.configure({ mode: "parallel", timeout: 600_000 });

  test("the sign-in page has no serious or critical findings", async ({ page }) => {
    await page.goto("/login");
    expect(await scan(page)).toEqual([]);
  });

  for (const { role, userId, email } of ROLES) {
    test(`every page, as ${role}, has no serious or critical findings`, async ({ page, users }) => {
      // An unread notification, so the bell's badge is on every page scanned.
      const db = createScriptClient(process.env.DATABASE_URL!);
      const unread = await db.notification.create({
        data: { organizationId: DEMO_ORG_ID, userId, kind: "COE_SUBMITTED", dedupeKey: `a11y-${randomUUID()}`, title: "Accessibility check", href: "/" },
      });
      // The seed has no ticket integration: the admin, who manages them, gets one to scan its page.
      const integration = role === "admin" ? await temporaryIntegration(db) : null;
      await users.login(page, { email, password: users.demoPassword });
      const scanned = new Map<string, string>();
      const queue = [...START, ...(integration ? [integration.path] : [])];
      const findings: Finding[] = [];
      while (queue.length > 0) {
        const path = queue.shift()!;
        const route = routeOf(path);
        if (!route || scanned.has(route)) continue;
        scanned.set(route, path);
        await test.step(`${route}: ${path}`, async () => {
          const response = await page.goto(path);
          expect(response?.status(), `${path} answers`).toBeLessThan(500);
          findings.push(...(await scan(page)).map((finding) => ({ path, ...finding })));
          queue.push(...(await linkedPaths(page)).filter((linked) => !scanned.has(routeOf(linked) ?? "")));
        });
      }
      await db.notification.delete({ where: { id: unread.id } });
      await integration?.remove();
      await db.$disconnect();
      test.info().annotations.push({ type: "scanned", description: [...scanned.values()].join(" ") });
      expect(scanned.size, `routes reached as ${role}`).toBeGreaterThan(25);
      expect(findings, `serious or critical axe findings as ${role}`).toEqual([]);
    });
  }
});
