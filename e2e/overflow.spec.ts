import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID, DEMO_TEAMS, DEMO_USERS } from "../prisma/seed/constants";
import { DEMO_BEST_PRACTICE_IDS } from "../prisma/seed/learnings";
import { temporaryIntegration } from "./temporary-integration";

/**
 * Every page fits a 390 px phone without page-level horizontal scrolling: tables and wide content
 * scroll inside their own box, never the page. One signed-in context visits them all as the admin
 * (who may see every page). A page added later joins `staticPaths` or `demoRecordPaths`.
 * Each page is also checked for the error page: a page that fails in the browser fits any phone.
 *
 * OVERFLOW_SHOTS=<dir> also saves a full-page screenshot of each page there, to look at.
 */
const PHONE = { width: 390, height: 844 };

const staticPaths = [
  "/",
  "/services",
  "/coes",
  "/coes/new",
  "/coes/categories",
  "/actions",
  "/actions/new",
  "/actions/calendar",
  "/actions/escalations",
  "/cords",
  "/game-days",
  "/game-days/new",
  "/learnings",
  "/learnings/best-practices",
  "/metrics",
  "/policies",
  "/policies/rules",
  "/policies/rules/new",
  "/policies/catalog",
  "/freeze-windows",
  "/reviews",
  "/verification",
  "/verification/dimensions",
  "/settings",
  "/settings/account",
  "/settings/teams",
  "/settings/users",
  "/settings/services",
  "/settings/tokens",
  "/settings/webhooks",
  "/settings/audit",
  "/settings/integrations",
];

/**
 * The detail pages, on the seed's fixed demo records (other specs create and delete their own rows
 * while this one runs, so nothing is picked by "latest"): the COE with the most content, a draft in
 * the editor, one in review, and so on. The weeks are read from the database: the seed dates them
 * relative to the day it ran.
 */
async function demoRecordPaths(): Promise<string[]> {
  const db = createScriptClient(process.env.DATABASE_URL!);
  try {
    const weeks = await db.weeklyReview.findMany({
      where: { organizationId: DEMO_ORG_ID, id: { in: ["weekly_review_demo_last", "weekly_review_demo_this"] } },
      select: { id: true, seriesId: true, isoWeek: true },
    });
    const week = (id: string) => {
      const review = weeks.find((entry) => entry.id === id);
      if (!review) throw new Error(`the demo seed has no ${id}`);
      return `/reviews/${review.seriesId}/weeks/${review.isoWeek}`;
    };
    const published = week("weekly_review_demo_last");
    const service = "svc_payments";
    return [
      "/coes/coe_demo_01",
      "/coes/coe_demo_01/history",
      "/coes/coe_demo_01/print",
      "/coes/coe_demo_11/edit", // a draft: the editor
      "/coes/coe_demo_13", // in review: threads and the reviewer's buttons
      "/actions/coe_demo_01_a1",
      "/cords/cord_demo_objects",
      "/game-days/gd_checkout_latency",
      "/game-days/gd_checkout_latency/run",
      `/learnings/best-practices/${DEMO_BEST_PRACTICE_IDS.dns}`,
      "/policies/rules/rule_single-az",
      "/policies/findings/finding_payments_single_az",
      "/reviews/review_series_retail",
      published, // its /run redirects to the minutes; the seed holds no meeting in progress
      `${published}/minutes`,
      week("weekly_review_demo_this"), // still planned: the agenda editor
      "/settings/webhooks/webhook_demo_raw",
      `/services/${service}`,
      `/metrics/services/${service}`,
      `/verification/services/${service}`,
      `/settings/services/${service}`,
      `/settings/teams/${DEMO_TEAMS.retail.id}`,
      `/settings/users/${DEMO_USERS[0]!.id}`,
    ];
  } finally {
    await db.$disconnect();
  }
}

/** How far the page scrolls sideways, and the outermost elements that stick out (to name the culprit). */
function measureOverflow(page: Page) {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > viewport) {
      const scrollsItself = (element: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(element).overflowX);
      for (const element of document.querySelectorAll("body *")) {
        if (element.getBoundingClientRect().right <= viewport + 0.5) continue;
        let parent = element.parentElement;
        let reported = false;
        while (parent && parent !== document.body) {
          if (scrollsItself(parent) || culprits.includes(describe(parent))) {
            reported = true;
            break;
          }
          parent = parent.parentElement;
        }
        if (!reported) culprits.push(describe(element));
        if (culprits.length >= 5) break;
      }
    }
    return { viewport, scrollWidth, culprits };

    function describe(element: Element): string {
      const classes = typeof element.className === "string" ? element.className.trim().split(/\s+/).slice(0, 4).join(".") : "";
      const text = (element.textContent ?? "").trim().slice(0, 30);
      return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ""} "${text}" (right ${Math.round(element.getBoundingClientRect().right)})`;
    }
  });
}

test.use({ viewport: PHONE });

test("every page fits a 390 px phone without sideways scrolling", async ({ browser, page, users }) => {
  const shots = process.env.OVERFLOW_SHOTS;
  // ~60 pages: well under a minute on a quiet machine; the cap is for a busy CI box. Screenshots take their time.
  test.setTimeout(shots ? 0 : 300_000);
  if (shots) mkdirSync(shots, { recursive: true });
  const db = createScriptClient(process.env.DATABASE_URL!);
  const integration = await temporaryIntegration(db);
  await users.login(page, { email: "admin@andon.local", password: users.demoPassword });
  const paths = [...staticPaths, ...(await demoRecordPaths()), integration.path];

  const overflowing: string[] = [];
  const broken: string[] = [];
  page.on("pageerror", (error) => broken.push(`${new URL(page.url()).pathname}: ${error.message}`));
  for (const path of paths) {
    const response = await page.goto(path, { waitUntil: "load" });
    expect(response?.status(), `${path} answers`).toBeLessThan(400);
    const { viewport, scrollWidth, culprits } = await measureOverflow(page);
    if (scrollWidth > viewport) overflowing.push(`${path}: ${scrollWidth}px wide; ${culprits.join("; ")}`);
    if (await page.getByRole("heading", { name: "Something went wrong on our side" }).count()) broken.push(`${path}: the error page`);
    if (shots) await page.screenshot({ path: join(shots, `${path.replace(/\//g, "_") || "_"}.png`), fullPage: true });
  }
  await integration.remove();
  await db.$disconnect();

  // The sign-in page, as someone signed out sees it.
  const signedOut = await browser.newContext({ viewport: PHONE });
  const login = await signedOut.newPage();
  await login.goto("/login", { waitUntil: "load" });
  await expect(login.getByRole("button", { name: /sign in/i }).first()).toBeVisible();
  const { viewport, scrollWidth, culprits } = await measureOverflow(login);
  if (scrollWidth > viewport) overflowing.push(`/login: ${scrollWidth}px wide; ${culprits.join("; ")}`);
  await signedOut.close();
  expect(overflowing, "pages wider than the phone").toEqual([]);
  expect(broken, "pages that failed in the browser").toEqual([]);
});
