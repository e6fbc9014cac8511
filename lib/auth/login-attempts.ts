import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { RateLimitError } from "@/lib/errors";

/** The slowest a sign-in gets however many failures the account has from elsewhere. */
const MAX_DELAY_MS = 3_000;
const BASE_DELAY_MS = 250;

/**
 * Failed sign-ins are counted in PostgreSQL, so the limits hold across every app instance. Nothing
 * here lets one source lock someone else out:
 * - per account and source address: after LOGIN_MAX_FAILURES_PER_ACCOUNT failures (since that
 *   address's last success) that address is refused for that account;
 * - per source address: after LOGIN_MAX_FAILURES_PER_IP failures it is refused for every account;
 * - per account, from all addresses together: sign-ins are slowed (progressively, up to 3 s), never
 *   refused, so a password-guessing botnet is slowed while the owner can still sign in.
 * The address is the socket's, or what a trusted proxy reports (lib/auth/client-address.ts).
 */
export async function assertLoginAllowed(email: string, ip: string, now = new Date()): Promise<{ delayMs: number }> {
  const { LOGIN_MAX_FAILURES_PER_ACCOUNT, LOGIN_MAX_FAILURES_PER_IP, LOGIN_WINDOW_MINUTES } = env();
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const [lastSuccessFromHere, lastSuccess] = await Promise.all([
    db.loginAttempt.findFirst({
      where: { email, ip, succeeded: true, createdAt: { gte: windowStart } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
    db.loginAttempt.findFirst({
      where: { email, succeeded: true, createdAt: { gte: windowStart } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
  ]);
  const [sourceFailures, accountFailures, ipFailures] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email, ip, succeeded: false, createdAt: { gt: lastSuccessFromHere?.createdAt ?? windowStart, lte: now } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
      take: LOGIN_MAX_FAILURES_PER_ACCOUNT,
    }),
    db.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? windowStart, lte: now } } }),
    db.loginAttempt.count({ where: { ip, succeeded: false, createdAt: { gt: windowStart, lte: now } } }),
  ]);
  if (sourceFailures.length >= LOGIN_MAX_FAILURES_PER_ACCOUNT) {
    const oldest = sourceFailures[0]!.createdAt;
    throw new RateLimitError(
      `Too many failed sign-in attempts for this account from your network. Try again in ${minutesUntil(oldest, LOGIN_WINDOW_MINUTES, now)} minutes, or ask an admin to reset your password.`,
      LOGIN_WINDOW_MINUTES * 60,
    );
  }
  if (ipFailures >= LOGIN_MAX_FAILURES_PER_IP) {
    throw new RateLimitError(`Too many failed sign-in attempts from your network. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`, LOGIN_WINDOW_MINUTES * 60);
  }
  return { delayMs: accountDelayMs(accountFailures, LOGIN_MAX_FAILURES_PER_ACCOUNT) };
}

/** No delay up to the per-source limit; then it doubles with every few failures, up to the cap. */
function accountDelayMs(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  const steps = Math.floor((failures - freeFailures) / freeFailures);
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(steps, 16));
}

function minutesUntil(oldestFailure: Date, windowMinutes: number, now: Date): number {
  const freeAt = oldestFailure.getTime() + windowMinutes * 60_000;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, succeeded } });
}
