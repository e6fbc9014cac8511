import "server-only";
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { snapshotSelect, type SnapshotRow } from "@/lib/coes/snapshot-row";

export { conflictPayload, snapshotSelect, toSnapshot, type SnapshotRow } from "@/lib/coes/snapshot-row";

export async function loadSnapshotRow(db: DbClient, where: Prisma.CoeWhereInput): Promise<SnapshotRow | null> {
  return db.coe.findFirst({ where, select: snapshotSelect });
}
