/**
 * What every `next start` the journeys run needs beyond npm test's environment: the main server in
 * playwright.config.ts and the second, OIDC-configured one in oidc.spec.ts read the same database, so they
 * need the same key for the secrets the other specs stored there.
 * - Webhook receivers in the specs listen on loopback, which the SSRF guard refuses unless allow-listed.
 * - Webhook secrets and ticket-system tokens are stored encrypted: `next start` is production, which needs a key.
 */
export const E2E_SERVER_ENV = {
  WEBHOOK_ALLOWED_HOSTS: process.env.WEBHOOK_ALLOWED_HOSTS ?? "127.0.0.1",
  ANDON_ENCRYPTION_KEY: process.env.ANDON_ENCRYPTION_KEY ?? "ZTJlLW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=",
};
