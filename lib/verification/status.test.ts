import { describe, expect, it } from "vitest";
import { ageDays, countsAsPassing, expiresAtFor, expiryDateIn, intervalDaysFor, percentVerified, verificationStatus, type VerificationStatus } from "./status";

const DIMENSION = { intervalDays: 90, tier1IntervalDays: 30, tier2IntervalDays: null, tier3IntervalDays: 120 };
const NOW = new Date("2026-06-15T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe("interval per tier", () => {
  it.each([
    { tier: null, expected: 90 },
    { tier: 1, expected: 30 },
    { tier: 2, expected: 90 },
    { tier: 3, expected: 120 },
    { tier: 7, expected: 90 },
  ])("tier $tier → $expected days", ({ tier, expected }) => {
    expect(intervalDaysFor(DIMENSION, tier)).toBe(expected);
  });

  it("a dimension without a tier-1 interval uses its default for tier 1", () => {
    expect(intervalDaysFor({ ...DIMENSION, tier1IntervalDays: null }, 1)).toBe(90);
  });
});

describe("status", () => {
  const passed = (verifiedDaysAgo: number, interval: number) => ({ result: "PASSED" as const, expiresAt: expiresAtFor(daysAgo(verifiedDaysAgo), interval) });
  it.each<{ name: string; current: Parameters<typeof verificationStatus>[0]; expected: VerificationStatus }>([
    { name: "no record", current: null, expected: "NEVER" },
    { name: "passed yesterday, 90 days", current: passed(1, 90), expected: "VERIFIED" },
    { name: "passed 75 days ago, 90 days (15 left)", current: passed(75, 90), expected: "VERIFIED" },
    { name: "passed 76 days ago, 90 days (exactly 14 left)", current: passed(76, 90), expected: "EXPIRING" },
    { name: "passed 89 days ago", current: passed(89, 90), expected: "EXPIRING" },
    { name: "passed exactly 90 days ago", current: passed(90, 90), expected: "EXPIRED" },
    { name: "tier 1: passed 31 days ago", current: passed(31, 30), expected: "EXPIRED" },
    { name: "tier 1: passed 20 days ago", current: passed(20, 30), expected: "EXPIRING" },
    { name: "tier 1: passed 10 days ago", current: passed(10, 30), expected: "VERIFIED" },
    { name: "failed", current: { result: "FAILED", expiresAt: null }, expected: "FAILED" },
    { name: "not applicable", current: { result: "NOT_APPLICABLE", expiresAt: null }, expected: "NOT_APPLICABLE" },
    { name: "passed without expiry (corrupt) never counts", current: { result: "PASSED", expiresAt: null }, expected: "EXPIRED" },
  ])("$name → $expected", ({ current, expected }) => {
    expect(verificationStatus(current, NOW)).toBe(expected);
  });

  it("never and expired never count as passing; verified and expiring do", () => {
    expect(countsAsPassing("NEVER")).toBe(false);
    expect(countsAsPassing("EXPIRED")).toBe(false);
    expect(countsAsPassing("FAILED")).toBe(false);
    expect(countsAsPassing("VERIFIED")).toBe(true);
    expect(countsAsPassing("EXPIRING")).toBe(true);
  });
});

describe("time zones", () => {
  it("expiry is an instant: the status is the same for readers anywhere", () => {
    // Verified at 23:30 in Berlin on 1 March (22:30 UTC); 30 days later crosses the switch to summer time.
    const verifiedAt = new Date("2026-03-01T22:30:00Z");
    const expiresAt = expiresAtFor(verifiedAt, 30);
    expect(expiresAt.toISOString()).toBe("2026-03-31T22:30:00.000Z");
    expect(verificationStatus({ result: "PASSED", expiresAt }, new Date("2026-03-31T22:29:59Z"))).toBe("EXPIRING");
    expect(verificationStatus({ result: "PASSED", expiresAt }, new Date("2026-03-31T22:30:00Z"))).toBe("EXPIRED");
  });

  it.each([
    { zone: "UTC", expected: "2026-03-31" },
    { zone: "Europe/Berlin", expected: "2026-04-01" },
    { zone: "America/Los_Angeles", expected: "2026-03-31" },
    { zone: "Asia/Tokyo", expected: "2026-04-01" },
  ])("the expiry date shown in $zone is $expected", ({ zone, expected }) => {
    expect(expiryDateIn(new Date("2026-03-31T22:30:00Z"), zone)).toBe(expected);
  });
});

describe("age and roll-up", () => {
  it("counts whole days", () => {
    expect(ageDays(daysAgo(3.9), NOW)).toBe(3);
    expect(ageDays(null, NOW)).toBeNull();
  });

  it("% verified leaves not-applicable out and counts never as failing", () => {
    expect(percentVerified(["VERIFIED", "EXPIRING", "NEVER", "EXPIRED", "NOT_APPLICABLE"])).toBe(50);
    expect(percentVerified(["NOT_APPLICABLE"])).toBeNull();
    expect(percentVerified([])).toBeNull();
  });
});
