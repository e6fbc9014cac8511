// Sign-in throttling against the test database. Limits come from lib/env.ts (defaults 5 per
// account and address, 30 per address, 15-minute window); each test uses its own email and address.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { assertLoginAllowed, recordLoginAttempt } from "@/lib/auth/login-attempts";
import { env } from "@/lib/env";
import { RateLimitError } from "@/lib/errors";
import { createScriptClient } from "@/prisma/seed/client";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

const { LOGIN_MAX_FAILURES_PER_ACCOUNT: PER_ACCOUNT, LOGIN_MAX_FAILURES_PER_IP: PER_IP, LOGIN_WINDOW_MINUTES: WINDOW } = env();

function unique() {
  const suffix = randomUUID();
  return { email: `throttle-${suffix}@example.test`, ip: `test-${suffix}` };
}

async function fail(email: string, ip: string, times: number) {
  await db.loginAttempt.createMany({ data: Array.from({ length: times }, () => ({ email, ip, succeeded: false })) });
}

describe("sign-in throttling", () => {
  it(`refuses an account from one address after ${PER_ACCOUNT} failures from that address, with a clear message`, async () => {
    const { email, ip } = unique();
    await fail(email, ip, PER_ACCOUNT - 1);
    await expect(assertLoginAllowed(email, ip)).resolves.toEqual({ delayMs: 0 });

    await fail(email, ip, 1);
    const refusal = assertLoginAllowed(email, ip);
    await expect(refusal).rejects.toBeInstanceOf(RateLimitError);
    await expect(refusal).rejects.toMatchObject({
      message: expect.stringMatching(/^Too many failed sign-in attempts for this account from your network\. Try again in \d+ minutes/),
      retryAfterSeconds: WINDOW * 60,
    });
    // Someone else on the same network can still sign in.
    await expect(assertLoginAllowed(unique().email, ip)).resolves.toEqual({ delayMs: 0 });
  });

  it("failures from one source never stop a sign-in from another: they only slow it, a little", async () => {
    const { email } = unique();
    // An attacker rotating through 40 addresses, 4 failures each (under the per-address limit).
    for (let source = 0; source < 40; source++) await fail(email, `attacker-${randomUUID()}`, PER_ACCOUNT - 1);
    const fromOwner = await assertLoginAllowed(email, unique().ip);
    expect(fromOwner.delayMs).toBeGreaterThan(0);
    expect(fromOwner.delayMs).toBeLessThanOrEqual(3_000);
  });

  it("forgets failures from an address after a successful sign-in from it", async () => {
    const { email, ip } = unique();
    await fail(email, ip, PER_ACCOUNT);
    await expect(assertLoginAllowed(email, ip)).rejects.toThrow("for this account");
    await recordLoginAttempt(email, ip, true);
    await expect(assertLoginAllowed(email, ip)).resolves.toEqual({ delayMs: 0 });
  });

  it("counts only failures inside the window", async () => {
    const { email, ip } = unique();
    await fail(email, ip, PER_ACCOUNT);
    const afterWindow = new Date(Date.now() + (WINDOW + 1) * 60_000);
    await expect(assertLoginAllowed(email, ip, afterWindow)).resolves.toEqual({ delayMs: 0 });
  });

  it(`refuses every account from an address after ${PER_IP} failures from it`, async () => {
    const { ip } = unique();
    await db.loginAttempt.createMany({
      data: Array.from({ length: PER_IP }, () => ({ email: unique().email, ip, succeeded: false })),
    });
    await expect(assertLoginAllowed(unique().email, ip)).rejects.toThrow(`Too many failed sign-in attempts from your network. Try again in ${WINDOW} minutes.`);
    await expect(assertLoginAllowed(unique().email, unique().ip)).resolves.toEqual({ delayMs: 0 });
  });
});
