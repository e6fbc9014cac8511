import net from "node:net";
import { z } from "zod";

/**
 * The one place that reads process.env. Parsed lazily (the first call) so that `next build`, which
 * imports server modules without a database or secret, does not fail; the first request of a
 * misconfigured server fails loudly with every problem listed.
 */
const postgresUrl = z
  .string({
    error: "DATABASE_URL is not set. Start Andon with `npm start` (it starts an embedded PostgreSQL) or set it to postgresql://user:password@host:5432/andon",
  })
  .refine((value) => /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(value), {
    message: "DATABASE_URL must look like postgresql://user:password@host:5432/database",
  });

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined));

/** The length of a key given as 64 hex characters or base64 (lib/security/secret-box.ts decodes it the same way). */
function encryptionKeyBytes(value: string): number {
  return /^[0-9a-f]{64}$/i.test(value) ? 32 : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, "base64").length : 0;
}

const SHUTDOWN_TIMEOUT_PROBLEM = "SHUTDOWN_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600, e.g. 25";

/** `10.0.0.1`, `2001:db8::1`, or a range such as `10.0.0.0/8` / `2001:db8::/32` with a prefix that fits the family. */
function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  NEXTAUTH_SECRET: optionalText,
  NEXTAUTH_URL: optionalText.pipe(z.url({ message: "NEXTAUTH_URL must be a full URL such as https://andon.example.com" }).optional()),
  OIDC_ISSUER: optionalText.pipe(z.url({ message: "OIDC_ISSUER must be the issuer URL, e.g. https://login.example.com/realms/acme" }).optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_DISPLAY_NAME: optionalText,
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Proxies whose X-Forwarded-For is believed for sign-in limits; otherwise the socket address counts. */
  TRUSTED_PROXIES: optionalText.superRefine((value, context) => {
    const wrong = (value ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry && !isAddressOrRange(entry));
    if (wrong.length > 0) {
      context.addIssue({
        code: "custom",
        message: `TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8,2001:db8::/32); not ${wrong.map((entry) => `"${entry}"`).join(", ")}`,
      });
    }
  }),
  SMTP_HOST: optionalText,
  SMTP_PORT: z.coerce.number({ error: "SMTP_PORT must be a port number such as 587" }).int().min(1).max(65535).default(587),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  SMTP_FROM: optionalText,
  SMTP_SECURE: z
    .enum(["true", "false"], { error: "SMTP_SECURE must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  /** `on` serves the benchmark's floor routes (/bench-floor, /bench-frame, /api/bench-floor); `npm run bench` sets it. */
  ANDON_BENCH_FLOORS: z.enum(["on", "off"], { error: "ANDON_BENCH_FLOORS must be on or off" }).default("off"),
  ANDON_JOBS: z.enum(["on", "off"], { error: "ANDON_JOBS must be on or off" }).default("on"),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /**
   * Outgoing webhooks may reach these hosts even when they resolve to loopback, private, link-local or
   * metadata addresses (comma-separated host names or IP addresses, e.g. `127.0.0.1,hooks.internal`).
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((host) =>
          host
            .trim()
            .toLowerCase()
            .replace(/^\[|\]$/g, ""),
        )
        .filter(Boolean),
    ),
  /**
   * 32 bytes (base64 or hex) that encrypt integration secrets at rest (lib/security/secret-box.ts).
   * Production refuses to start without it once a ticket integration exists (lib/startup.ts).
   */
  ANDON_ENCRYPTION_KEY: optionalText.refine(
    (value) => value === undefined || encryptionKeyBytes(value) === 32,
    "ANDON_ENCRYPTION_KEY must be 32 random bytes in base64 or hex (generate one with `openssl rand -base64 32`)",
  ),
  /** Database connections per instance (PostgreSQL's max_connections is shared by every instance and the job queue). */
  DATABASE_POOL_SIZE: z.coerce.number({ error: "DATABASE_POOL_SIZE must be a number such as 10" }).int().min(1).max(200).default(10),
  /** Seconds to wait for a new database connection before the request is answered 503. */
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(5),
  /** Seconds one SQL statement may run before PostgreSQL cancels it. */
  DATABASE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(30),
  /** Seconds a transaction may take in all (Prisma's default of 5 fails saves on a slow network). */
  DATABASE_TRANSACTION_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(20),
  /** Seconds a transaction may wait for a free pooled connection. */
  DATABASE_TRANSACTION_MAX_WAIT_SECONDS: z.coerce.number().positive().max(120).default(10),
  /** After SIGTERM: seconds to finish in-flight requests and stop the job queue before exiting anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce
    .number({ error: SHUTDOWN_TIMEOUT_PROBLEM })
    .int({ error: SHUTDOWN_TIMEOUT_PROBLEM })
    .min(1, { error: SHUTDOWN_TIMEOUT_PROBLEM })
    .max(600, { error: SHUTDOWN_TIMEOUT_PROBLEM })
    .default(25),
  /** Bearer token for /api/metrics; without it only METRICS_ALLOW_IPS may read metrics. */
  METRICS_TOKEN: optionalText,
  /** Comma-separated client addresses that may read /api/metrics without the token (the socket's address, or a TRUSTED_PROXIES proxy's report). */
  METRICS_ALLOW_IPS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "127.0.0.1,::1,::ffff:127.0.0.1")
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
  /** Benchmarks count SQL statements per request from these log lines. */
  ANDON_LOG_QUERIES: z
    .enum(["1", "true", "0", "false", ""], { message: "ANDON_LOG_QUERIES must be true or false" })
    .optional()
    .transform((value) => value === "1" || value === "true"),
});

/** Rules across variables, checked even when single variables are wrong, so every problem shows at once. */
function crossVariableProblems(source: Record<string, string | undefined>): string[] {
  const present = (key: string) => Boolean(source[key]?.trim());
  const problems: string[] = [];
  if ((source.NODE_ENV ?? "development") === "production" && !present("NEXTAUTH_SECRET")) {
    problems.push("NEXTAUTH_SECRET: NEXTAUTH_SECRET is required in production (generate one with `openssl rand -base64 32`; `npm start` creates one for you)");
  }
  const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"].map(present);
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    problems.push("OIDC_ISSUER: single sign-on needs all three of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET");
  }
  if (present("SMTP_HOST") && !present("SMTP_FROM")) {
    problems.push("SMTP_FROM: email notifications need a sender address, e.g. SMTP_FROM=andon@example.com");
  }
  return problems;
}

export type Env = z.infer<typeof envSchema>;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`)),
    ...crossVariableProblems(source),
  ];
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigurationError(`Andon is not configured correctly:\n${problems.map((line) => `  - ${line}`).join("\n")}`);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * SHUTDOWN_TIMEOUT_SECONDS on its own, checked by the same rule: the server entry and the launcher
 * need it before (or without) the rest of the configuration, which the app checks when it starts.
 */
export function shutdownTimeoutSeconds(source: Record<string, string | undefined> = process.env): number {
  const result = envSchema.shape.SHUTDOWN_TIMEOUT_SECONDS.safeParse(source.SHUTDOWN_TIMEOUT_SECONDS);
  if (result.success) return result.data;
  throw new ConfigurationError(`Andon is not configured correctly:\n  - ${SHUTDOWN_TIMEOUT_PROBLEM}`);
}

/** The development fallback keeps `next dev` usable without set-up; production refuses it above. */
export function authSecret(): string {
  return env().NEXTAUTH_SECRET ?? "andon-development-secret-not-for-production";
}

export function oidcEnabled(): boolean {
  return Boolean(env().OIDC_ISSUER);
}

/** Email notifications are sent only when SMTP is configured; otherwise they stay in-app. */
export function smtpSettings(): { host: string; port: number; secure: boolean; user?: string; password?: string; from: string } | null {
  const { SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, SMTP_FROM } = env();
  if (!SMTP_HOST || !SMTP_FROM) return null;
  return { host: SMTP_HOST, port: SMTP_PORT, secure: SMTP_SECURE, user: SMTP_USER, password: SMTP_PASSWORD, from: SMTP_FROM };
}
