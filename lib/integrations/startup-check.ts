import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { encryptSecret } from "@/lib/security/secret-box";

/**
 * Production refuses to start without ANDON_ENCRYPTION_KEY once encrypted secrets exist (ticket
 * integrations' tokens, webhook signing secrets): they could not be read, so every sync and delivery
 * would fail. Answers the problem, or null. (Without such secrets the key is not needed yet; adding
 * an integration or endpoint without it is refused with a message.)
 */
export async function missingEncryptionKeyProblem(): Promise<string | null> {
  const config = env();
  if (config.NODE_ENV !== "production" || config.ANDON_ENCRYPTION_KEY) return null;
  const [integrations, endpoints] = await Promise.all([
    db.ticketIntegration.count(),
    db.webhookEndpoint.count({ where: { NOT: { secret: { startsWith: "whsec_" } } } }),
  ]);
  if (integrations + endpoints === 0) return null;
  return (
    `ANDON_ENCRYPTION_KEY is not set, but ${integrations} ticket integration(s) and ${endpoints} webhook endpoint(s) store encrypted secrets. ` +
    "Start Andon with the key they were stored with (npm start keeps one in .data/encryption-key)."
  );
}

/**
 * Signing secrets stored before they were encrypted (a `whsec_` value in the column) are encrypted
 * in place once a key is available; delivery reads both forms meanwhile.
 */
export async function encryptLegacyWebhookSecrets(): Promise<number> {
  const config = env();
  if (config.NODE_ENV === "production" && !config.ANDON_ENCRYPTION_KEY) return 0;
  const legacy = await db.webhookEndpoint.findMany({
    where: { OR: [{ secret: { startsWith: "whsec_" } }, { previousSecret: { startsWith: "whsec_" } }] },
    select: { id: true, secret: true, previousSecret: true },
    take: 10_000,
  });
  const seal = (value: string | null) => (value?.startsWith("whsec_") ? encryptSecret(value) : value);
  for (const endpoint of legacy) {
    // Only if unchanged meanwhile (a rotation on another instance wins).
    await db.webhookEndpoint.updateMany({
      where: { id: endpoint.id, secret: endpoint.secret, previousSecret: endpoint.previousSecret },
      data: { secret: seal(endpoint.secret)!, previousSecret: seal(endpoint.previousSecret) },
    });
  }
  return legacy.length;
}
