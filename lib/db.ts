import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, type Env } from "@/lib/env";
import { logWarn } from "@/lib/log";
import { ResilientPool, processPool, registerProcessPool } from "@/lib/ops/resilient-pool";
import { statementName } from "@/lib/prepared-statements";

// One client per process; in development modules reload, so the client lives on globalThis.
// It is created on first use, so that `next build` can import modules without a database.
// The pool is on globalThis too (lib/ops/resilient-pool.ts): /api/metrics, the health check and the proxy read it.
const globalForPrisma = globalThis as unknown as { andonPrisma?: PrismaClient };

/** The marker `npm run bench` counts in the server's output to report SQL statements per request. */
const QUERY_LOG_MARKER = "[andon-query]";

/**
 * Pool settings from the environment. Timeouts are what turn a database outage or a network
 * partition into a quick 503 instead of requests hanging for minutes: connecting gives up after
 * DATABASE_CONNECT_TIMEOUT_SECONDS, PostgreSQL cancels a statement after
 * DATABASE_STATEMENT_TIMEOUT_SECONDS, and the client stops waiting for an answer a little later
 * (a partitioned server cannot cancel anything). TCP keep-alive notices dead peers while idle.
 */
function poolConfig(config: Pick<Env, "DATABASE_URL" | "DATABASE_POOL_SIZE" | "DATABASE_CONNECT_TIMEOUT_SECONDS" | "DATABASE_STATEMENT_TIMEOUT_SECONDS">) {
  const statementMs = Math.round(config.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000);
  return {
    connectionString: config.DATABASE_URL,
    max: config.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: Math.round(config.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000),
    statement_timeout: statementMs,
    query_timeout: statementMs + 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: "andon",
    // No JIT compilation: the app's statements are short, and compiling one that crosses
    // jit_above_cost (the learnings library over a large organization) took longer than running it.
    options: "-c jit=off",
  };
}

/** Options for interactive transactions: explicit, so a slow database does not hit Prisma's 5 s default. */
function transactionOptions(config: Pick<Env, "DATABASE_TRANSACTION_TIMEOUT_SECONDS" | "DATABASE_TRANSACTION_MAX_WAIT_SECONDS">) {
  return {
    timeout: Math.round(config.DATABASE_TRANSACTION_TIMEOUT_SECONDS * 1000),
    maxWait: Math.round(config.DATABASE_TRANSACTION_MAX_WAIT_SECONDS * 1000),
  };
}

/** The process's pg pool (created with the client). */
export function databasePool(): ResilientPool {
  client();
  return processPool()!;
}

function createClient(): PrismaClient {
  const config = env();
  const pool = new ResilientPool(poolConfig(config));
  // An idle connection dropped by a restarting server: pg removes it; without a listener the
  // error would crash the process.
  pool.on("error", (error) => logWarn("an idle database connection was closed", { error: error.message }));
  registerProcessPool(pool);
  const adapter = new PrismaPg(pool, { statementNameGenerator: statementName });
  const options = { adapter, transactionOptions: transactionOptions(config) };
  if (!config.ANDON_LOG_QUERIES) return new PrismaClient(options);
  const logged = new PrismaClient({ ...options, log: [{ emit: "event", level: "query" }] });
  logged.$on("query", (event) => process.stdout.write(`${QUERY_LOG_MARKER} ${event.duration}ms ${event.query.slice(0, 160).replace(/\s+/g, " ")}\n`));
  return logged;
}

function client(): PrismaClient {
  globalForPrisma.andonPrisma ??= createClient();
  return globalForPrisma.andonPrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/** A client or an interactive transaction: mutations accept either, so they compose. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
