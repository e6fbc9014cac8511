import "server-only";
import type { z } from "zod";
import { db, type DbClient } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";
import { displayPrefix, generateTokenSecret, hashTokenSecret } from "@/lib/tokens/secret";
import type { tokenCreateSchema } from "@/lib/tokens/schemas";

type Actor = { userId: string; organizationId: string };

/** Returns the secret once; only its hash is stored. */
export async function createToken(actor: Actor, input: z.output<typeof tokenCreateSchema>) {
  const secret = generateTokenSecret();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const token = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: actor.userId, name: input.name, tokenHash: hashTokenSecret(secret), prefix: displayPrefix(secret), expiresAt },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: "api_token.created",
      entityType: "api_token",
      entityId: created.id,
      summary: `Created API token “${created.name}”`,
    });
    return created;
  });
  return { ...token, secret };
}

export async function revokeToken(actor: Actor, tokenId: string) {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.userId }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new NotFoundError("The token");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: token.id,
      summary: `Revoked API token “${token.name}”`,
    });
  });
}

/**
 * Ends every live token of a user, in the caller's transaction: a password reset, a deactivation
 * or a password change must not leave a stolen token working.
 */
export async function revokeAllTokensOfUser(tx: DbClient, actor: Actor, userId: string, reason: string): Promise<number> {
  const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count > 0) {
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: "api_token.revoked",
      entityType: "user",
      entityId: userId,
      summary: `Revoked ${count} API token${count === 1 ? "" : "s"}: ${reason}`,
    });
  }
  return count;
}

/** Notes when a token was last used (Settings → API tokens shows it); authentication decides how often. */
export async function recordTokenUse(tokenId: string, at: Date): Promise<void> {
  await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: at } });
}
