import { describe, expect, it } from "vitest";

import { describeError, formatSeconds, summaryLine } from "./report";

describe("npm test's report", () => {
  it.each([
    [0.04, "0.0s"],
    [6.63, "6.6s"],
    [59.9, "59.9s"],
    [60, "1m0s"],
    [412.4, "6m52s"],
  ])("writes %f seconds as %s", (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it("sums up a passing run", () => {
    const results = [
      { name: "lint" as const, ok: true, seconds: 30, exitCode: 0 },
      { name: "knip" as const, ok: true, seconds: 6.6, exitCode: 0 },
    ];
    expect(summaryLine(results, ["lint", "knip"], 36.6)).toBe("npm test passed — ✓ lint 30.0s · ✓ knip 6.6s — total 36.6s");
  });

  it("names the failed step, its exit code and the steps it kept from running", () => {
    const results = [
      { name: "typecheck" as const, ok: true, seconds: 50, exitCode: 0 },
      { name: "lint" as const, ok: false, seconds: 12, exitCode: 1 },
    ];
    expect(summaryLine(results, ["typecheck", "lint", "knip", "unit"], 62)).toBe(
      "npm test FAILED at lint (exit code 1) — ✓ typecheck 50.0s · ✗ lint 12.0s · not run: knip, unit — total 1m2s",
    );
  });

  it("describes an error by its message, else its code or name; an empty AggregateError by its parts", () => {
    expect(describeError(new Error("boom"))).toBe("boom");
    expect(describeError(Object.assign(new Error(""), { code: "ECONNREFUSED" }))).toBe("ECONNREFUSED");
    expect(describeError(new AggregateError([new Error("connect ECONNREFUSED ::1:5432"), new Error("connect ECONNREFUSED 127.0.0.1:5432")], ""))).toBe(
      "connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432",
    );
    expect(describeError("plain")).toBe("plain");
  });
});
