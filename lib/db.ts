import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process; in development modules reload, so the client lives on globalThis.
// It is created on first use, so that `next build` can import modules without a database.
const globalForPrisma = globalThis as unknown as { andonPrisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.andonPrisma) {
    const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
    globalForPrisma.andonPrisma = new PrismaClient({ adapter });
  }
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
