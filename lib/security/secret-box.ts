import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Secrets Andon must use later (ticket-system tokens, inbound webhook secrets) are stored encrypted
 * with AES-256-GCM under ANDON_ENCRYPTION_KEY: a copy of the database alone does not reveal them.
 * Stored form: `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url). The key id (8 hex characters of
 * the key's SHA-256) lets a wrong key be named instead of reported as corrupt data.
 */
const PREFIX = "v1";
/** Development and tests only; production refuses to start without a key when secrets exist (lib/startup.ts). */
const DEVELOPMENT_KEY = createHash("sha256").update("andon-development-encryption-key-not-for-production").digest();

export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

/** The key as 32 bytes: 44 characters of base64 or 64 hex characters. Null when not 32 bytes. */
export function decodeEncryptionKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  return bytes.length === 32 ? bytes : null;
}

function currentKey(): Buffer {
  const configured = env().ANDON_ENCRYPTION_KEY;
  if (configured) return decodeEncryptionKey(configured)!; // env.ts checked its length
  if (env().NODE_ENV === "production") throw new SecretKeyError("ANDON_ENCRYPTION_KEY is not set: Andon cannot store or read integration secrets.");
  return DEVELOPMENT_KEY;
}

const keyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);

export function encryptSecret(plaintext: string, key: Buffer = currentKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [PREFIX, keyId(key), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(":");
}

export function decryptSecret(stored: string, key: Buffer = currentKey()): string {
  const [prefix, id, iv, tag, ciphertext] = stored.split(":");
  if (prefix !== PREFIX || !id || !iv || !tag || ciphertext === undefined) throw new SecretKeyError("A stored secret is not in Andon's encrypted format.");
  if (id !== keyId(key))
    throw new SecretKeyError(
      `A stored secret was encrypted with another ANDON_ENCRYPTION_KEY (key id ${id}, this one is ${keyId(key)}). Start Andon with the key it was stored with, or enter the secret again.`,
    );
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretKeyError("A stored secret could not be decrypted: it was changed in the database.");
  }
}
