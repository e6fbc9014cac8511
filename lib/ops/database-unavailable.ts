/**
 * Tells "the database cannot be reached right now" (down, restarting, partitioned, out of
 * connections) apart from bugs, so callers answer 503 + Retry-After instead of 500. The errors come
 * from pg, from Prisma's pg adapter and from Prisma itself, each wrapping the previous, so the
 * whole `cause` chain is inspected.
 */

/** Seconds a client should wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is unavailable at the moment (restarting or unreachable). Nothing was lost; try again in a few seconds.";

/** Thrown by our own code (health checks, the pool) when the database did not answer in time. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

// Socket-level failures: the server is not there, or went away mid-conversation.
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// PostgreSQL SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now (starting up / shutting
// down / recovery), too_many_connections, and every connection_exception (class 08).
const SERVER_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
// Prisma's codes: can't reach (P1001), timed out connecting (P1002), server closed the connection
// (P1017), timed out fetching a pooled connection (P2024).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Prisma's pg adapter kinds, and the messages of errors that carry no code at all.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /can't reach database server/i,
  /client has encountered a connection error/i,
  /connection (?:is )?(?:closed|ended)/i,
  /server closed the connection unexpectedly/i,
  /the database system is (?:starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to administrator command/i,
  /query read timeout/i,
  /Unable to start a transaction in the given time/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && typeof current === "object" && !seen.has(current);) {
    seen.add(current);
    if (current instanceof DatabaseUnavailableError) return true;
    const candidate = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; errors?: unknown; originalCode?: unknown };
    for (const code of [candidate.code, candidate.originalCode]) {
      if (typeof code !== "string") continue;
      if (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || PRISMA_CODES.has(code) || code.startsWith("08")) return true;
    }
    if (typeof candidate.kind === "string" && ADAPTER_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && MESSAGES.some((pattern) => pattern.test(candidate.message as string))) return true;
    // Node reports "localhost refused on IPv4 and IPv6" as an AggregateError of the two.
    if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    // The adapter keeps the driver's error inside `cause` (sometimes as a plain object).
    current = candidate.cause;
  }
  return false;
}
