import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { RateLimitError } from "@/lib/errors";

/**
 * Failed sign-ins are counted in PostgreSQL, so the limit holds across every app instance.
 * Per account, only failures since its last successful sign-in count; per address, all do.
 */
export async function assertLoginAllowed(email: string, ip: string, now = new Date()): Promise<void> {
  const { LOGIN_MAX_FAILURES_PER_ACCOUNT, LOGIN_MAX_FAILURES_PER_IP, LOGIN_WINDOW_MINUTES } = env();
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const [accountFailures, ipFailures] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gt: accountSince } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
      take: LOGIN_MAX_FAILURES_PER_ACCOUNT,
    }),
    db.loginAttempt.count({ where: { ip, succeeded: false, createdAt: { gt: windowStart } } }),
  ]);
  if (accountFailures.length >= LOGIN_MAX_FAILURES_PER_ACCOUNT) {
    const oldest = accountFailures[0]!.createdAt;
    throw new RateLimitError(
      `Too many failed sign-in attempts for this account. Try again in ${minutesUntil(oldest, LOGIN_WINDOW_MINUTES, now)} minutes, or ask an admin to reset your password.`,
      LOGIN_WINDOW_MINUTES * 60,
    );
  }
  if (ipFailures >= LOGIN_MAX_FAILURES_PER_IP) {
    throw new RateLimitError(
      `Too many failed sign-in attempts from your network. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`,
      LOGIN_WINDOW_MINUTES * 60,
    );
  }
}

function minutesUntil(oldestFailure: Date, windowMinutes: number, now: Date): number {
  const freeAt = oldestFailure.getTime() + windowMinutes * 60_000;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, succeeded } });
}
