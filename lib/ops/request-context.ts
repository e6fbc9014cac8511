import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request being served, for log lines. The custom server (scripts/server) runs every request
 * inside this storage; Next.js bundles lib/ code separately from that entry, so the one instance
 * lives on globalThis where both find it.
 */
export interface RequestContext {
  requestId: string;
  method?: string;
  path?: string;
}

const globalForContext = globalThis as unknown as { andonRequestContext?: AsyncLocalStorage<RequestContext> };

export function requestStorage(): AsyncLocalStorage<RequestContext> {
  globalForContext.andonRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return globalForContext.andonRequestContext;
}

export function currentRequestId(): string | undefined {
  return requestStorage().getStore()?.requestId;
}
