import "server-only";
import { db } from "@/lib/db";

export async function listOwnTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}
