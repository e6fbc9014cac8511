import { describe, expect, it } from "vitest";

import { playwrightCounts, sumCounts, vitestCounts } from "./counts";

describe("test counts from the runners' reports", () => {
  it("reads Vitest's report, counting pending and todo tests as skipped", () => {
    expect(vitestCounts({ numPassedTests: 40, numFailedTests: 2, numPendingTests: 3, numTodoTests: 1 })).toEqual({ passed: 40, failed: 2, skipped: 4 });
  });

  it("reads Playwright's report, counting a test that passed on retry as passed", () => {
    expect(playwrightCounts({ stats: { expected: 20, unexpected: 1, flaky: 2, skipped: 3 } })).toEqual({ passed: 22, failed: 1, skipped: 3 });
  });

  it("counts nothing for a report a step did not write, or wrote unreadably", () => {
    expect(vitestCounts(null)).toEqual({ passed: 0, failed: 0, skipped: 0 });
    expect(playwrightCounts({})).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });

  it("adds the runners up", () => {
    expect(
      sumCounts([
        { passed: 1, failed: 2, skipped: 3 },
        { passed: 10, failed: 20, skipped: 30 },
      ]),
    ).toEqual({ passed: 11, failed: 22, skipped: 33 });
    expect(sumCounts([])).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});
