import type http from "node:http";

// On globalThis: the instrumentation hook and the route bundles may each hold their own copy of this module.
const globalForInFlight = globalThis as unknown as { andonRequestsInFlight?: number; andonLastRequestDoneAt?: number };

/** Counts a request from its arrival until its response is finished or its connection is gone ("close" comes either way). */
export function countRequestInFlight(response: http.ServerResponse): void {
  globalForInFlight.andonRequestsInFlight = requestsInFlight() + 1;
  response.once("close", () => {
    globalForInFlight.andonRequestsInFlight = Math.max(0, requestsInFlight() - 1);
    globalForInFlight.andonLastRequestDoneAt = performance.now();
  });
}

/** HTTP requests this process is answering right now (0 where no server counts them: tests, jobs-only processes). */
export function requestsInFlight(): number {
  return globalForInFlight.andonRequestsInFlight ?? 0;
}

/**
 * This process is serving traffic: a request is in flight, or one finished less than `quietMs` ago
 * (the gap between a client's requests is not idleness). Background work that shares the process
 * (webhook delivery) gives way meanwhile.
 */
export function servingRequests(quietMs: number): boolean {
  const lastDone = globalForInFlight.andonLastRequestDoneAt;
  return requestsInFlight() > 0 || (lastDone !== undefined && performance.now() - lastDone < quietMs);
}
