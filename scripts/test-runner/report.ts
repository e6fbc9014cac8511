import type { StepName } from "./args";

/** What `npm test` prints about its steps. */
export type StepResult = { name: StepName; ok: boolean; seconds: number; exitCode: number };

export function secondsSince(started: number): number {
  return (Date.now() - started) / 1000;
}

export function formatSeconds(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(1)}s` : `${Math.floor(seconds / 60)}m${Math.round(seconds % 60)}s`;
}

/** One line: each step run with its time, the steps not reached, the verdict and the total. */
export function summaryLine(results: readonly StepResult[], steps: readonly StepName[], totalSeconds: number): string {
  const parts = results.map((result) => `${result.ok ? "✓" : "✗"} ${result.name} ${formatSeconds(result.seconds)}`);
  const skipped = steps.filter((step) => !results.some((result) => result.name === step));
  if (skipped.length > 0) parts.push(`not run: ${skipped.join(", ")}`);
  const failed = results.find((result) => !result.ok);
  const verdict = failed ? `FAILED at ${failed.name} (exit code ${failed.exitCode})` : "passed";
  return `npm test ${verdict} — ${parts.join(" · ")} — total ${formatSeconds(totalSeconds)}`;
}

/** Node reports a refused localhost connection as an AggregateError with an empty message. */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(describeError).join("; ");
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}
