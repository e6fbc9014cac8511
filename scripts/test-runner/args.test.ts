import { describe, expect, it } from "vitest";

import { STEPS, UsageError, parseTestArgs, stepBatches } from "./args";

describe("npm test arguments", () => {
  it("runs every step, in order, when given none", () => {
    expect(parseTestArgs([])).toEqual({ steps: ["typecheck", "lint", "knip", "unit", "e2e"], playwrightArgs: [] });
    expect(STEPS).toEqual(["typecheck", "lint", "knip", "unit", "e2e"]);
  });

  it("skips the browser journeys with --skip-e2e", () => {
    expect(parseTestArgs(["--skip-e2e"]).steps).toEqual(["typecheck", "lint", "knip", "unit"]);
  });

  it("runs only the named steps, in the suite's order whatever order they are named in", () => {
    expect(parseTestArgs(["--only", "knip"]).steps).toEqual(["knip"]);
    expect(parseTestArgs(["--only", "unit,lint"]).steps).toEqual(["lint", "unit"]);
    expect(parseTestArgs(["--only=e2e, typecheck"]).steps).toEqual(["typecheck", "e2e"]);
  });

  it("lets --skip-e2e narrow an --only that names e2e", () => {
    expect(parseTestArgs(["--only", "unit,e2e", "--skip-e2e"]).steps).toEqual(["unit"]);
  });

  it("passes everything after a bare -- to Playwright, unread", () => {
    expect(parseTestArgs(["--only", "e2e", "--", "e2e/coes.spec.ts", "--only", "x"])).toEqual({
      steps: ["e2e"],
      playwrightArgs: ["e2e/coes.spec.ts", "--only", "x"],
    });
  });

  it.each([
    [["--only"], '--only takes typecheck | lint | knip | unit | e2e, not ""'],
    [["--only="], '--only takes typecheck | lint | knip | unit | e2e, not ""'],
    [["--only", "unit,docs"], '--only takes typecheck | lint | knip | unit | e2e, not "unit,docs"'],
    [["--fast"], 'unknown argument "--fast"'],
    [["e2e/coes.spec.ts"], 'unknown argument "e2e/coes.spec.ts"'],
  ])("refuses %j", (args, message) => {
    expect(() => parseTestArgs(args)).toThrow(UsageError);
    expect(() => parseTestArgs(args)).toThrow(message);
  });

  it("runs the static checks side by side, unit and e2e each alone", () => {
    expect(stepBatches(STEPS)).toEqual([["typecheck", "lint", "knip"], ["unit"], ["e2e"]]);
    expect(stepBatches(["lint", "unit"])).toEqual([["lint"], ["unit"]]);
    expect(stepBatches(["typecheck", "knip", "e2e"])).toEqual([["typecheck", "knip"], ["e2e"]]);
    expect(stepBatches(["unit", "e2e"])).toEqual([["unit"], ["e2e"]]);
    expect(stepBatches([])).toEqual([]);
  });
});
