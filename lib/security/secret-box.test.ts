import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeEncryptionKey, decryptSecret, encryptSecret, SecretKeyError } from "@/lib/security/secret-box";

describe("secrets at rest (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("round-trips, and never stores the plaintext nor the same ciphertext twice", () => {
    const stored = encryptSecret("ghp_exampletoken", key);
    expect(stored).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(stored).not.toContain("ghp_exampletoken");
    expect(encryptSecret("ghp_exampletoken", key)).not.toBe(stored);
    expect(decryptSecret(stored, key)).toBe("ghp_exampletoken");
  });

  it("names a wrong key, and refuses a changed ciphertext", () => {
    const stored = encryptSecret("secret", key);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow(/another ANDON_ENCRYPTION_KEY/);
    const parts = stored.split(":");
    const flipped = Buffer.from(parts[4]!, "base64url");
    flipped[0]! ^= 1;
    parts[4] = flipped.toString("base64url");
    expect(() => decryptSecret(parts.join(":"), key)).toThrow(SecretKeyError);
  });

  it.each([
    [randomBytes(32).toString("base64"), true],
    [randomBytes(32).toString("hex"), true],
    [randomBytes(16).toString("base64"), false],
    ["correct horse battery staple", false],
  ])("decodes %s as a 32-byte key: %s", (text, ok) => {
    expect(decodeEncryptionKey(text) !== null).toBe(ok);
  });
});
