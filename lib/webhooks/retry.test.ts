import { describe, expect, it } from "vitest";
import { nextAttemptDelay, RETRY_SCHEDULE_MS } from "@/lib/webhooks/retry";

describe("retry schedule", () => {
  it("is immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h", () => {
    expect(RETRY_SCHEDULE_MS).toEqual([0, 5e3, 3e5, 18e5, 72e5, 18e6, 36e6, 36e6]);
  });

  it.each([
    [1, 5_000],
    [2, 300_000],
    [3, 1_800_000],
    [4, 7_200_000],
    [5, 18_000_000],
    [6, 36_000_000],
    [7, 36_000_000],
    [8, null],
    [12, null],
  ])("after %i failed attempts the next waits %s ms (null: exhausted)", (made, delay) => {
    expect(nextAttemptDelay(made)).toBe(delay);
  });
});
