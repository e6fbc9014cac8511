import { describe, expect, it } from "vitest";
import { turnPacer } from "@/lib/webhooks/turn-pacer";

/** Resolves in the check phase of the current turn, after the pacer's own setImmediate. */
const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("turnPacer", () => {
  it.each([1, 2, 4])("starts at most %i per turn of the event loop, in arrival order, and everything in the end", async (perTurn) => {
    const pace = turnPacer(perTurn);
    const started: { index: number; turn: number }[] = [];
    let turn = 0;
    let counting = true;
    const counter = (async () => {
      while (counting) {
        await endOfTurn();
        turn++;
      }
    })();
    await Promise.all(
      Array.from({ length: 10 }, async (_, index) => {
        await pace();
        started.push({ index, turn });
      }),
    );
    counting = false;
    await counter;
    expect(started.map((entry) => entry.index)).toEqual([...Array(10).keys()]);
    const perTurnCounts = new Map<number, number>();
    for (const entry of started) perTurnCounts.set(entry.turn, (perTurnCounts.get(entry.turn) ?? 0) + 1);
    expect(Math.max(...perTurnCounts.values())).toBeLessThanOrEqual(perTurn);
    expect(perTurnCounts.size).toBeGreaterThanOrEqual(Math.ceil(10 / perTurn));
  });

  it("starts one per interval while busy, then goes back to the per-turn pace once idle", async () => {
    let busy = true;
    const pace = turnPacer(2, { busy: () => busy, busyIntervalMs: 20 });
    const startedAt: number[] = [];
    const origin = performance.now();
    const all = Promise.all(
      Array.from({ length: 8 }, async () => {
        await pace();
        startedAt.push(performance.now() - origin);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 70));
    const whileBusy = startedAt.length;
    // 0, 20, 40, 60 ms: four starts in 70 ms. The pacer grants slots at least 20 ms apart (it checks
    // performance.now() itself), but the test reads the time when each caller resumes: the first resumes
    // only after all eight calls are made, so on a busy machine the first gap reads a little short
    // (18.3 ms seen). One per interval, not a burst.
    expect(whileBusy).toBeGreaterThanOrEqual(2);
    expect(whileBusy).toBeLessThanOrEqual(4);
    for (let index = 1; index < whileBusy; index++) expect(startedAt[index]! - startedAt[index - 1]!).toBeGreaterThanOrEqual(15);
    busy = false;
    const idleFrom = performance.now() - origin;
    await all;
    expect(startedAt).toHaveLength(8);
    // The rest start within a few turns (after at most one more busy interval already scheduled).
    expect(startedAt[7]! - idleFrom).toBeLessThan(40);
  });
});
