import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "andon_";

/** A new token secret: 32 random bytes, prefixed so leaked tokens are easy to recognise and scan for. */
export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** Tokens carry 256 bits of entropy, so a fast hash is enough (a slow one would tax every API call). */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 6);
}
