/**
 * Test counts read from the runners' JSON reports, so `npm test` can close with one plain line —
 * "N passed, N failed, N skipped" — across Vitest and Playwright.
 */
import fs from "node:fs";
import path from "node:path";

const REPORT_DIR = path.join(process.cwd(), ".data", "test-reports");
export const VITEST_REPORT = path.join(REPORT_DIR, "vitest.json");
export const PLAYWRIGHT_REPORT = path.join(REPORT_DIR, "playwright.json");

export type Counts = { passed: number; failed: number; skipped: number };

export function clearReports(): void {
  fs.rmSync(REPORT_DIR, { recursive: true, force: true });
  fs.mkdirSync(REPORT_DIR, { recursive: true });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  } catch {
    return null;
  }
}

function vitestCounts(): Counts {
  const report = readJson(VITEST_REPORT) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  return {
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? 0,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
  };
}

function playwrightCounts(): Counts {
  const report = readJson(PLAYWRIGHT_REPORT) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
  const stats = report?.stats;
  return { passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0), failed: stats?.unexpected ?? 0, skipped: stats?.skipped ?? 0 };
}

export function totalCounts(): Counts {
  const parts = [vitestCounts(), playwrightCounts()];
  return parts.reduce((sum, part) => ({ passed: sum.passed + part.passed, failed: sum.failed + part.failed, skipped: sum.skipped + part.skipped }));
}

export function countsLine(counts: Counts): string {
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}
