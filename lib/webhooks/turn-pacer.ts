/**
 * Lets at most `perTurn` pieces of work start per turn of the event loop; the others wait for a
 * later turn. Webhook senders (lib/webhooks/delivery.ts) run in the web server's process: with 32 of
 * them and a fast receiver, one turn handled 32 answers and 32 new requests, and every step of a page
 * or API request waited behind that turn (a status change's p95 doubled while 5 endpoints received).
 * Paced, a turn carries a couple of sends, while 32 may still wait on slow receivers at once.
 */
export function turnPacer(perTurn: number): () => Promise<void> {
  let left = perTurn;
  let turnScheduled = false;
  const waiting: (() => void)[] = [];
  const nextTurn = () => {
    turnScheduled = false;
    left = perTurn;
    while (left > 0 && waiting.length > 0) {
      left--;
      waiting.shift()!();
    }
    if (waiting.length > 0) scheduleTurn();
  };
  const scheduleTurn = () => {
    if (turnScheduled) return;
    turnScheduled = true;
    setImmediate(nextTurn);
  };
  return () =>
    new Promise<void>((resolve) => {
      scheduleTurn();
      if (left > 0) {
        left--;
        resolve();
      } else waiting.push(resolve);
    });
}
