import pg from "pg";
import { isDatabaseUnavailable } from "@/lib/ops/database-unavailable";

/**
 * A pg pool that survives a database restart without failing the first requests after it: a
 * statement that hits a dead pooled connection is retried once on a fresh connection when that is
 * safe — a read, or any statement whose connection was already known dead before it was sent.
 * Transactions get the same treatment at BEGIN (nothing of theirs has reached the server yet).
 * Prisma's pg adapter accepts a `pg.Pool` and sends plain statements through `pool.query` and
 * transactions through `pool.connect`, which are the two methods adapted here.
 */
export class ResilientPool extends pg.Pool {
  /** Statements retried after a connection failure (exported as a metric). */
  retries = 0;
  /** When a statement or connection last failed because the database was unavailable (0: not since the last check). */
  private lastOutageAt = 0;

  constructor(config?: pg.PoolConfig) {
    super(config);
    // Assigned per instance rather than overridden: pg's overloaded signatures stay as they are.
    const baseQuery = pg.Pool.prototype.query.bind(this) as (...args: unknown[]) => Promise<pg.QueryResult> | undefined;
    const baseConnect = pg.Pool.prototype.connect.bind(this) as (...args: unknown[]) => Promise<pg.PoolClient> | undefined;
    const self = this as unknown as { query: unknown; connect: unknown };
    self.query = (...args: unknown[]) => {
      const [config, values, callback] = args;
      // Callback style is not used by the adapter; keep pg's own behaviour for it.
      if (typeof values === "function" || typeof callback === "function") return baseQuery(...args);
      const run = () => baseQuery(config, values) as Promise<pg.QueryResult>;
      return run()
        .catch((error: unknown) => {
          if (!isDatabaseUnavailable(error) || !safeToRetry(statementText(config), error)) throw error;
          this.retries++;
          return run();
        })
        .catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) this.lastOutageAt = Date.now();
          throw error;
        });
    };
    self.connect = (...args: unknown[]) => {
      if (args.length > 0) return baseConnect(...args);
      return this.connectAlive(() => baseConnect() as Promise<pg.PoolClient>).catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) this.lastOutageAt = Date.now();
        throw error;
      });
    };
  }

  /** Whether the database was found unavailable within the last `windowMs` (and not answered since). */
  sawOutageWithin(windowMs: number, now = Date.now()): boolean {
    return this.lastOutageAt > 0 && now - this.lastOutageAt <= windowMs;
  }

  /** The database answered again. */
  clearOutage(): void {
    this.lastOutageAt = 0;
  }

  /** A checked-out client whose socket pg already knows to be dead is swapped for a fresh one. */
  private async connectAlive(connect: () => Promise<pg.PoolClient>): Promise<pg.PoolClient> {
    const client = await connect();
    if (isQueryable(client)) return client;
    client.release(new Error("discarding a dead pooled connection"));
    this.retries++;
    return connect();
  }
}

function statementText(config: unknown): string {
  if (typeof config === "string") return config;
  if (config && typeof config === "object" && "text" in config && typeof config.text === "string") return config.text;
  return "";
}

/** Only a plain read, or a statement pg refused to send on a connection it knew was broken. */
export function safeToRetry(sql: string, error: unknown): boolean {
  if (isReadOnlyStatement(sql)) return true;
  const message = error instanceof Error ? error.message : "";
  return /not queryable|Client has encountered a connection error/i.test(message);
}

export function isReadOnlyStatement(sql: string): boolean {
  const text = sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/'(?:[^']|'')*'/g, "''")
    .trim();
  if (!/^(SELECT|WITH|SHOW|VALUES)\b/i.test(text)) return false;
  // A WITH can hide a write (WITH x AS (DELETE …) SELECT …), and SELECT … FOR UPDATE takes locks
  // only inside a transaction, which never reaches this path; functions called by a SELECT
  // (nextval, pg_advisory_lock) do have effects, so those are refused too.
  return !/\b(INSERT|UPDATE|DELETE|MERGE|nextval|setval|pg_notify|pg_(?:try_)?advisory\w*)\b/i.test(text);
}

function isQueryable(client: pg.PoolClient): boolean {
  const internals = client as unknown as { _queryable?: boolean; _ending?: boolean; _ended?: boolean };
  return internals._queryable !== false && !internals._ending && !internals._ended;
}

const POOL_KEY = "andonPool";

/** The process's pool once lib/db created it; undefined before (the proxy reads it without creating one). */
export function processPool(): ResilientPool | undefined {
  return (globalThis as Record<string, unknown>)[POOL_KEY] as ResilientPool | undefined;
}

/** Makes `pool` the one processPool() returns (lib/db, when it creates the client). */
export function registerProcessPool(pool: ResilientPool): void {
  (globalThis as Record<string, unknown>)[POOL_KEY] = pool;
}
