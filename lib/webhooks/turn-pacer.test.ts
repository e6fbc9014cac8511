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
});
