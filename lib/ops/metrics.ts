import client from "prom-client";

/**
 * Prometheus metrics for /api/metrics. One registry per process, kept on globalThis: the custom
 * server (scripts/server) records requests, and the route handler, which Next.js bundles separately,
 * reads the same registry. Pool and queue figures are read when scraped.
 */
export interface AndonMetrics {
  registry: client.Registry;
  httpRequests: client.Counter<"method" | "route" | "status">;
  httpDuration: client.Histogram<"method" | "route">;
}

interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  retries?: number;
  query: (text: string) => Promise<{ rows: unknown[] }>;
}

const globalForMetrics = globalThis as unknown as {
  andonMetrics?: AndonMetrics;
  andonPool?: PoolLike;
  andonJobs?: { state: string };
};

export function metrics(): AndonMetrics {
  globalForMetrics.andonMetrics ??= createMetrics();
  return globalForMetrics.andonMetrics;
}

function createMetrics(): AndonMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpRequests = new client.Counter({
    name: "andon_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status code.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new client.Histogram({
    name: "andon_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method and route pattern.",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new client.Gauge({
    name: "andon_db_pool_connections",
    help: "Database connections of this instance's pool: in use, idle, and requests waiting for one.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const pool = globalForMetrics.andonPool;
      const total = pool?.totalCount ?? 0;
      const idle = pool?.idleCount ?? 0;
      this.set({ state: "in_use" }, total - idle);
      this.set({ state: "idle" }, idle);
      this.set({ state: "waiting" }, pool?.waitingCount ?? 0);
    },
  });
  new client.Gauge({
    name: "andon_db_retries",
    help: "Statements retried on a fresh connection after a dead pooled one (since start).",
    registers: [registry],
    collect() {
      this.set(globalForMetrics.andonPool?.retries ?? 0);
    },
  });
  new client.Gauge({
    name: "andon_job_queue_running",
    help: "1 when this instance's job queue runs, 0 while it starts, retries, stops or is off.",
    registers: [registry],
    collect() {
      this.set(globalForMetrics.andonJobs?.state === "running" ? 1 : 0);
    },
  });
  queryGauge(registry, {
    name: "andon_jobs",
    help: "Jobs in the queue by queue and state (created and retry = waiting, failed = failures kept for inspection).",
    labelNames: ["queue", "state"],
    sql: "SELECT name AS queue, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY name, state",
  });
  queryGauge(registry, {
    name: "andon_webhook_messages",
    help: "Outgoing webhook messages by status (pending = waiting for a first or a retried delivery, exhausted = retries used up).",
    labelNames: ["status"],
    sql: "SELECT lower(status::text) AS status, count(*)::int AS n FROM webhook_messages GROUP BY status",
  });
  queryGauge(registry, {
    name: "andon_webhook_endpoints",
    help: "Webhook endpoints by state (failing = enabled but its recent deliveries fail, disabled = turned off by a person or after failing too long).",
    labelNames: ["state"],
    sql: `SELECT CASE WHEN NOT enabled THEN 'disabled' WHEN failing_since IS NOT NULL THEN 'failing' ELSE 'healthy' END AS state, count(*)::int AS n
          FROM webhook_endpoints GROUP BY 1`,
  });
  return { registry, httpRequests, httpDuration };
}

/**
 * A gauge read from the database when scraped: the statement returns one row per label set, its
 * labels as columns and the value as `n`. Empty while the database is down or the table is missing.
 */
function queryGauge<L extends string>(registry: client.Registry, options: { name: string; help: string; labelNames: L[]; sql: string }): void {
  new client.Gauge({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      const pool = globalForMetrics.andonPool;
      if (!pool) return;
      try {
        const { rows } = await pool.query(options.sql);
        for (const row of rows as Record<string, string | number>[]) {
          const labels: Partial<Record<L, string>> = {};
          for (const name of options.labelNames) labels[name] = String(row[name]);
          this.set(labels, Number(row.n));
        }
      } catch {
        // The database is down, or the table does not exist yet: the gauge stays empty.
      }
    },
  });
}

/** A path as a low-cardinality route label: ids become ":id", Next's assets one bucket. */
export function routeLabel(pathname: string): string {
  if (pathname.startsWith("/_next/")) return "/_next/*";
  const segments = pathname
    .split("?")[0]!
    .split("/")
    .map((segment) => (isIdSegment(segment) ? ":id" : segment));
  return segments.join("/").slice(0, 120) || "/";
}

function isIdSegment(segment: string): boolean {
  if (segment === "" || /^v\d+$/.test(segment)) return false;
  return /\d/.test(segment) || segment.length > 24;
}
