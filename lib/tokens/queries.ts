import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/permissions";

/** The caller's own API tokens: nobody else's are ever listed, admins included. */
export async function listOwnTokens(user: Principal) {
  return db.apiToken.findMany({
    where: { userId: user.userId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}
