import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process; in development modules reload, so the client lives on globalThis.
// It is created on first use, so that `next build` can import modules without a database.
const globalForPrisma = globalThis as unknown as { andonPrisma?: PrismaClient };

/** The marker `npm run bench` counts in the server's output to report SQL statements per request. */
export const QUERY_LOG_MARKER = "[andon-query]";

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  if (!env().ANDON_LOG_QUERIES) return new PrismaClient({ adapter });
  const logged = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
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

export type Db = PrismaClient;
/** A client or an interactive transaction: mutations accept either, so they compose. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
