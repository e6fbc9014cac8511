/**
 * Test counts read from the runners' JSON reports, so `npm test` can close with one plain line —
 * "N passed, N failed, N skipped" — across Vitest and Playwright.
 */
import fs from "node:fs";
import path from "node:path";

const REPORT_DIR = path.join(process.cwd(), ".data", "test-reports");
export const VITEST_REPORT = path.join(REPORT_DIR, "vitest.json");
export const PLAYWRIGHT_REPORT = path.join(REPORT_DIR, "playwright.json");

type Counts = { passed: number; failed: number; skipped: number };

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

/** Counts from Vitest's JSON reporter; pending and todo tests count as skipped. A missing report counts nothing. */
export function vitestCounts(report: unknown): Counts {
  const json = report as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  return {
    passed: json?.numPassedTests ?? 0,
    failed: json?.numFailedTests ?? 0,
    skipped: (json?.numPendingTests ?? 0) + (json?.numTodoTests ?? 0),
  };
}

/** Counts from Playwright's JSON reporter; a flaky test (passed on retry) counts as passed. */
export function playwrightCounts(report: unknown): Counts {
  const stats = (report as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null)?.stats;
  return { passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0), failed: stats?.unexpected ?? 0, skipped: stats?.skipped ?? 0 };
}

export function sumCounts(parts: readonly Counts[]): Counts {
  return parts.reduce((sum, part) => ({ passed: sum.passed + part.passed, failed: sum.failed + part.failed, skipped: sum.skipped + part.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
}

/** The closing line CI and people read, from whatever reports this run wrote. */
export function countsLine(): string {
  const counts = sumCounts([vitestCounts(readJson(VITEST_REPORT)), playwrightCounts(readJson(PLAYWRIGHT_REPORT))]);
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}
