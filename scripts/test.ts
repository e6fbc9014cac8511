/**
 * `npm test`: typecheck, lint (Prettier, ESLint) and knip side by side, then Vitest, then Playwright
 * against a production build — stopping at the first failure.
 *
 *   npm test -- --skip-e2e            everything but the browser journeys
 *   npm test -- --only unit           one step (typecheck | lint | knip | unit | e2e; comma-separate several)
 *   npm test -- --only e2e -- e2e/coes.spec.ts    arguments after a second `--` go to Playwright
 *
 * Database server: see test-runner/database.ts. Vitest creates its own fresh database on it; the
 * end-to-end run gets a fresh `andon_e2e_<timestamp>` database, dropped afterwards.
 */
import net from "node:net";
import os from "node:os";

import { USAGE, UsageError, parseTestArgs, stepBatches, type StepName, type TestArgs } from "./test-runner/args";
import { StepFailure, binOf, closeChildren, interruptChild, run } from "./test-runner/children";
import { PLAYWRIGHT_REPORT, VITEST_REPORT, clearReports, countsLine } from "./test-runner/counts";
import { freshEndToEndDatabase, releaseDatabases, testServerUrl } from "./test-runner/database";
import { describeError, formatSeconds, secondsSince, summaryLine, type StepResult } from "./test-runner/report";

// Next.js would try to send anonymous telemetry; self-hosted installs (and CI) have no business
// phoning home, and on closed networks the attempt only costs time.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// E2E_PORT lets two suites run side by side on one machine (each needs its own server port).
const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
const E2E_URL = `http://localhost:${E2E_PORT}`;
// Fixed so that a failing run can be reproduced by hand; it only ever signs sessions of a
// throwaway database.
const E2E_AUTH_SECRET = "andon-e2e-secret-not-for-production-0123456789";

let finishing: Promise<never> | undefined;
/** Set once this run's typecheck step passed: the end-to-end build then need not check types again. */
let typecheckPassed = false;

async function main(): Promise<void> {
  const { steps, playwrightArgs } = argsOrExit(process.argv.slice(2));
  handleSignals();
  const results: StepResult[] = [];
  const started = Date.now();
  clearReports();

  for (const batch of stepBatches(steps)) {
    const held = batch.length > 1;
    if (held) console.log(`\n▶ ${batch.join(", ")} side by side (each tool's output follows when it ends)`);
    const outcomes = await Promise.all(batch.map((name) => timedStep(name, playwrightArgs, results, held)));
    results.sort((a, b) => steps.indexOf(a.name) - steps.indexOf(b.name)); // the summary keeps the suite's order
    const failure = outcomes.find((outcome) => outcome !== undefined);
    if (failure) {
      if (finishing) await finishing; // interrupted: the signal handler reports and exits
      await finish(failure.exitCode, summaryLine(results, steps, secondsSince(started)));
    }
  }
  await finish(0, summaryLine(results, steps, secondsSince(started)));
}

/** Runs one step and records its result; returns the failure, if any, once reported. */
async function timedStep(name: StepName, playwrightArgs: string[], results: StepResult[], held: boolean): Promise<StepResult | undefined> {
  if (!held) console.log(`\n▶ ${name}`);
  const stepStarted = Date.now();
  try {
    await runStep(name, playwrightArgs, held);
    results.push({ name, ok: true, seconds: secondsSince(stepStarted), exitCode: 0 });
    if (name === "typecheck") typecheckPassed = true;
    console.log(`✓ ${name} passed in ${formatSeconds(secondsSince(stepStarted))}`);
    return undefined;
  } catch (error) {
    const exitCode = error instanceof StepFailure ? error.exitCode || 1 : 1;
    const result = { name, ok: false, seconds: secondsSince(stepStarted), exitCode };
    results.push(result);
    if (finishing) return result;
    console.error(`✗ ${name} failed: ${describeError(error)}`);
    if (!(error instanceof StepFailure) && error instanceof Error && error.stack) console.error(error.stack);
    return result;
  }
}

function argsOrExit(args: string[]): TestArgs {
  try {
    return parseTestArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm test: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
}

async function runStep(name: StepName, playwrightArgs: string[], held: boolean): Promise<void> {
  switch (name) {
    case "typecheck":
      // Route and next-env types come from Next.js; generate them so a clean checkout typechecks.
      await run("next typegen", binOf("next"), ["typegen"], {}, { held });
      return run("tsc", binOf("typescript", "tsc"), ["--noEmit"], {}, { held });
    case "lint":
      await run("prettier", binOf("prettier"), ["--check", "--log-level=warn", "."], {}, { held });
      return run("eslint", binOf("eslint"), ["--max-warnings=0", "."], {}, { held });
    case "knip":
      // Unused files, exports, types and dependencies; entry points it cannot infer are in knip.jsonc.
      return run("knip", binOf("knip"), ["--no-progress"], {}, { held });
    case "unit":
      return run("vitest", binOf("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`], {
        TEST_DATABASE_URL: await testServerUrl(),
        // Vite warns on every run that a future loader will read vitest.config.ts as ESM; noise here.
        VITE_CONFIG_NATIVE_IGNORE_WARNING: "true",
      });
    case "e2e":
      return runEndToEnd(playwrightArgs);
  }
}

async function runEndToEnd(playwrightArgs: string[]): Promise<void> {
  await assertPortFree(E2E_PORT);
  const env = {
    DATABASE_URL: await freshEndToEndDatabase(),
    NEXTAUTH_SECRET: E2E_AUTH_SECRET,
    NEXTAUTH_URL: E2E_URL,
    PORT: String(E2E_PORT),
    E2E_PORT: String(E2E_PORT),
    // The benchmark's floor routes, which e2e/bench.spec.ts checks still answer.
    ANDON_BENCH_FLOORS: "on",
    PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_REPORT,
    // next.config.js: skip Next.js's own type check only when this run's tsc already passed.
    ANDON_BUILD_TYPES_CHECKED: typecheckPassed ? "1" : "0",
  };
  await timed("next build", () => run("next build", binOf("next"), ["build"], env));
  await timed("playwright", () => run("playwright", binOf("@playwright/test", "playwright"), ["test", ...playwrightArgs], env));
}

async function timed(label: string, action: () => Promise<void>): Promise<void> {
  const started = Date.now();
  await action();
  console.log(`  ${label} took ${formatSeconds(secondsSince(started))}`);
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new StepFailure(`port ${port} is in use; the end-to-end server needs it. Stop what runs there.`, 1)));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function handleSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      interruptChild();
      void finish(128 + (os.constants.signals[signal] ?? 0), `npm test interrupted by ${signal}`);
    });
  }
}

/** Single exit path: stop the running tool, drop databases, stop the embedded server, report. */
function finish(exitCode: number, message: string): Promise<never> {
  finishing ??= (async () => {
    await closeChildren();
    await releaseDatabases();
    console.log(`\n${message}`);
    // The plain closing line CI and people read: tests counted across Vitest and Playwright.
    console.log(countsLine());
    process.exit(exitCode);
  })();
  return finishing;
}

main().catch((error: unknown) => {
  console.error(error);
  void finish(1, `npm test failed: ${describeError(error)}`);
});
