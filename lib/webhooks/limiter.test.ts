import { describe, expect, it } from "vitest";

import { limiter } from "@/lib/webhooks/limiter";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("limiter", () => {
  it.each([1, 3, 5])("never runs more than %i at once, runs everything in arrival order, and survives failures", async (slots) => {
    const limit = limiter(slots);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        limit(async () => {
          started.push(index);
          running++;
          most = Math.max(most, running);
          await tick();
          running--;
          if (index % 7 === 0) throw new Error(`work ${index} failed`);
          return index;
        }),
      ),
    );
    expect(most).toBe(slots);
    expect(started).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toHaveLength(3);
    // A failure frees its slot: later work still ran, and the limiter is usable afterwards.
    expect(await limit(async () => "again")).toBe("again");
  });
});
