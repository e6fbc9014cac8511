import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/ops/database-unavailable";
import { type ResilientPool, processPool } from "@/lib/ops/resilient-pool";

/** How long after a connection failure page requests first check that the database answers. */
const OUTAGE_WINDOW_MS = 60_000;
const PROBE_TIMEOUT_MS = 1_000;

const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/**
 * While the database is down, a page request is answered 503 with Retry-After and a small page that
 * reloads itself, before any rendering starts: a rendering that fails half-way can only answer 500.
 * The check costs nothing in normal operation. Only after this process's pool saw the database fail
 * (the last minute) does a page request first run `SELECT 1` with a one-second limit; once that answers,
 * pages render again. The first pages of an outage, already rendering when the database went, are
 * answered the same way by the HTTP server once their rendering fails (lib/ops/failed-page.ts).
 */
export async function databaseOutagePage(pool: ResilientPool | undefined = processPool(), now = Date.now()): Promise<Response | null> {
  if (!pool || !pool.sawOutageWithin(OUTAGE_WINDOW_MS, now)) return null;
  if (await databaseAnswers(pool)) {
    pool.clearOutage();
    return null;
  }
  return new Response(OUTAGE_PAGE_HTML, { status: 503, headers: outagePageHeaders() });
}

/** The outage page's headers: 503's Retry-After, never cached, and a policy that allows its inline style only. */
export function outagePageHeaders(): Record<string, string> {
  return {
    "content-type": "text/html; charset=utf-8",
    "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
    "cache-control": "no-store",
    "content-security-policy": PAGE_POLICY,
  };
}

async function databaseAnswers(pool: ResilientPool): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([pool.query("SELECT 1").then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export const OUTAGE_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS}">
<title>Database unavailable · Andon</title>
<style>
body { margin: 0; font-family: ui-sans-serif, system-ui, sans-serif; color: #0f172a; background: #f8fafc; }
main { min-height: 100vh; display: flex; align-items: center; justify-content: center; padding: 1rem; }
div { max-width: 28rem; text-align: center; }
h1 { font-size: 1.5rem; font-weight: 600; margin: 0; }
p { color: #475569; font-size: 0.875rem; line-height: 1.5; }
</style>
</head>
<body>
<main><div role="status">
<h1>The database is unavailable</h1>
<p>Andon cannot reach its database right now, usually because it is restarting. Nothing you saved is lost.
This page reloads itself every ${DATABASE_RETRY_AFTER_SECONDS} seconds and opens as soon as the database is back.</p>
</div></main>
</body>
</html>
`;
