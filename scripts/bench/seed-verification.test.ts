import { describe, expect, it } from "vitest";
import { stateFor } from "./seed-verification";

describe("stateFor", () => {
  it.each([
    [0, "VERIFIED"],
    [0.3999, "VERIFIED"],
    [0.4, "EXPIRING"],
    [0.5, "EXPIRED"],
    [0.65, "FAILED"],
    [0.75, "NEVER"],
    [0.92, "NOT_APPLICABLE"],
    [0.9999, "NOT_APPLICABLE"],
  ] as const)("a draw of %s gives %s", (draw, state) => {
    expect(stateFor(draw)).toBe(state);
  });
});
