import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";

/** A client for scripts and tests that run outside Next (seed, e2e fixtures, benchmarks). */
export function createScriptClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });
}
