/**
 * `npm test` arguments: which steps run, and what goes to Playwright.
 *
 *   --skip-e2e                  every step but e2e
 *   --only unit | --only=unit   the named steps (comma-separated), always in the suite's order
 *   -- e2e/coes.spec.ts         everything after a bare `--` goes to Playwright untouched
 */
export const STEPS = ["typecheck", "lint", "knip", "unit", "e2e"] as const;
export type StepName = (typeof STEPS)[number];

export type TestArgs = { steps: StepName[]; playwrightArgs: string[] };

export const USAGE = `Usage: npm test [-- --skip-e2e] [-- --only ${STEPS.join("|")}[,…]] [-- -- <Playwright arguments>]`;

/** An argument the runner does not understand; the message says which. */
export class UsageError extends Error {}

const isStep = (value: string): value is StepName => (STEPS as readonly string[]).includes(value);

/** The steps `--only` names, in the suite's order; throws on an empty or unknown name. */
function onlySteps(value: string | undefined): StepName[] {
  const wanted = (value ?? "").split(",").map((step) => step.trim());
  const unknown = wanted.filter((step) => !isStep(step));
  if (!value || unknown.length > 0) throw new UsageError(`--only takes ${STEPS.join(" | ")}, not "${value ?? ""}"`);
  return STEPS.filter((step) => wanted.includes(step));
}

export function parseTestArgs(args: readonly string[]): TestArgs {
  let steps: StepName[] = [...STEPS];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--") return { steps, playwrightArgs: args.slice(index + 1) };
    if (arg === "--skip-e2e") steps = steps.filter((step) => step !== "e2e");
    else if (arg === "--only") steps = onlySteps(args[++index]);
    else if (arg.startsWith("--only=")) steps = onlySteps(arg.slice("--only=".length));
    else throw new UsageError(`unknown argument "${arg}"`);
  }
  return { steps, playwrightArgs: [] };
}

/**
 * The steps grouped into what runs at once. typecheck, lint and knip only read the tree and are
 * each one single-threaded process, so consecutive ones run side by side (on two cores that takes
 * about the longest one's time instead of their sum); unit and e2e each need the machine alone.
 */
const SIDE_BY_SIDE: readonly StepName[] = ["typecheck", "lint", "knip"];
export function stepBatches(steps: readonly StepName[]): StepName[][] {
  const batches: StepName[][] = [];
  for (const step of steps) {
    const last = batches.at(-1);
    if (last && SIDE_BY_SIDE.includes(step) && SIDE_BY_SIDE.includes(last[0]!)) last.push(step);
    else batches.push([step]);
  }
  return batches;
}
