import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
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
 *
 * The first page loads in full; the others open through the app's router, as a click on a link opens
 * them, so the document and axe in it stay: injecting axe into every document and loading each page
 * in full cost more than the scans (about 250 pages in all).
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

/** axe-core's minified build (the package's default export carries the unminified one, twice the parsing). */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

type AxeViolation = { id: string; impact?: string | null; help: string; nodes: { target: string[] }[] };
type AxeWindow = { axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } };

async function scan(page: Page): Promise<Omit<Finding, "path">[]> {
  if (!(await page.evaluate(() => Boolean((window as AxeWindow).axe)))) await page.evaluate(AXE_SOURCE);
  // Only violations come back (collecting every passing node costs more than the checks); Andon has
  // no frames for axe to wait on.
  const violations = await page.evaluate(() =>
    (window as AxeWindow).axe!.run(document, { resultTypes: ["violations"], iframes: false }).then((results) => results.violations),
  );
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical" || LANDMARK_RULES.has(violation.id))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
}

type RouterWindow = {
  next?: { router?: { push(href: string): void } };
  a11yLeftState?: unknown;
  a11yPushedAt?: number;
  a11yTitleAdded?: boolean;
  /** When a <title> was last added to or removed from the head. */
  a11yTitleChangedAt?: number;
  a11yTitleWatch?: MutationObserver;
};

/** How long a page that keeps the previous page's <title> element (a redirect back to itself) is given to replace it. */
const TITLE_REPLACED_WITHIN_MS = 1000;
/** How long the <title> must stay put before the scan: a redirect replaces it once more. */
const TITLE_SETTLED_MS = 200;

/**
 * Opens a path through the app's router and waits until it has committed the page and its title: the
 * router writes a new history state with every page it renders (a redirect included), and the page's
 * metadata streams in after the commit: the old page's <title> goes and the new one is added to the
 * head a moment later (sometimes after the history state, sometimes before). A redirect replaces the
 * title once more, so the scan also waits until the head's <title> has stayed put for a moment. A
 * navigation the router hands back to the browser loads the page in full, which ends the waits as well.
 */
async function openInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    const routerWindow = window as RouterWindow;
    routerWindow.a11yLeftState = history.state;
    routerWindow.a11yPushedAt = performance.now();
    routerWindow.a11yTitleAdded = false;
    routerWindow.a11yTitleWatch?.disconnect();
    routerWindow.a11yTitleChangedAt = performance.now();
    routerWindow.a11yTitleWatch = new MutationObserver((records) => {
      const isTitle = (node: Node) => node.nodeName === "TITLE";
      if (records.some((record) => [...record.addedNodes].some(isTitle))) routerWindow.a11yTitleAdded = true;
      if (records.some((record) => [...record.addedNodes, ...record.removedNodes].some(isTitle))) routerWindow.a11yTitleChangedAt = performance.now();
    });
    routerWindow.a11yTitleWatch.observe(document.head, { childList: true });
    routerWindow.next!.router!.push(target);
  }, path);
  await page.waitForFunction(() => history.state !== (window as RouterWindow).a11yLeftState);
  await page.waitForFunction(
    ({ replacedWithinMs, settledMs }) => {
      const routerWindow = window as RouterWindow;
      const now = performance.now();
      const replaced = routerWindow.a11yTitleAdded !== false || now - (routerWindow.a11yPushedAt ?? 0) > replacedWithinMs;
      const settled = now - (routerWindow.a11yTitleChangedAt ?? 0) > settledMs;
      return replaced && settled && document.title !== "";
    },
    { replacedWithinMs: TITLE_REPLACED_WITHIN_MS, settledMs: TITLE_SETTLED_MS },
  );
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
          if (scanned.size === 1) {
            const response = await page.goto(path);
            expect(response?.status(), `${path} answers`).toBeLessThan(500);
          } else {
            await openInApp(page, path);
          }
          await expect(page.getByRole("heading", { name: "Something went wrong on our side" }), `${path} renders`).toHaveCount(0);
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
