import "server-only";
import type { DbClient } from "@/lib/db";

/**
 * Serializes transactions that share a key, across every app instance, until the transaction ends.
 * (`$executeRaw`: the lock function returns `void`, which the pg adapter cannot read as a row.)
 */
export async function lockForTransaction(tx: DbClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
