/**
 * Paces the start of pieces of work (webhook sends, lib/webhooks/delivery.ts) that share the web
 * server's process:
 * - at most `perTurn` start per turn of the event loop. With 32 senders and a fast receiver, one turn
 *   handled 32 answers and 32 new requests, and every step of a page or API request waited behind it;
 * - while `busy()` says requests are being answered, at most one starts per `busyIntervalMs`: a
 *   backlog yields to the requests (a status change's p95 rose 71 % while 5 endpoints received at full
 *   speed) and still moves, at 1000 / busyIntervalMs per second, when the instance is never idle.
 * Waiting work starts in arrival order, and all of it in the end.
 */
export function turnPacer(perTurn: number, options: { busy?: () => boolean; busyIntervalMs?: number } = {}): () => Promise<void> {
  const busy = options.busy ?? (() => false);
  const busyIntervalMs = options.busyIntervalMs ?? 10;
  let left = perTurn;
  let nextBusyStart = 0;
  let scheduled = false;
  const waiting: (() => void)[] = [];

  /** Takes a start slot if one is free now. */
  const take = (): boolean => {
    if (busy()) {
      const now = performance.now();
      if (now < nextBusyStart) return false;
      nextBusyStart = now + busyIntervalMs;
      return true;
    }
    if (left === 0) return false;
    left--;
    return true;
  };
  const tick = () => {
    scheduled = false;
    left = perTurn;
    while (waiting.length > 0 && take()) waiting.shift()!();
    if (waiting.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    const wait = busy() ? nextBusyStart - performance.now() : 0;
    if (wait > 0) setTimeout(tick, Math.ceil(wait));
    else setImmediate(tick);
  };
  return () =>
    new Promise<void>((resolve) => {
      schedule();
      if (waiting.length === 0 && take()) resolve();
      else waiting.push(resolve);
    });
}
