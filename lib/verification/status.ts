import type { VerificationResult } from "@/lib/generated/prisma/enums";
/**
 * Status arithmetic for a service's verification in one dimension, as pure functions: the grid, the
 * service card, the reminder job, the policy facts and the CSV all ask the same questions here.
 * Expiry is an instant (verifiedAt + interval × 24 h), so a status never depends on the reader's time
 * zone; only the date shown for it does (`expiryDateIn`).
 */
export type VerificationStatus = "VERIFIED" | "EXPIRING" | "EXPIRED" | "FAILED" | "NEVER" | "NOT_APPLICABLE";

export const VERIFICATION_STATUS_LABELS: Record<VerificationStatus, string> = {
  VERIFIED: "Verified",
  EXPIRING: "Expiring",
  EXPIRED: "Expired",
  FAILED: "Failed",
  NEVER: "Never verified",
  NOT_APPLICABLE: "Not applicable",
};

/** A passed verification is "expiring" this many days before it expires. */
export const EXPIRING_WINDOW_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export type DimensionIntervals = {
  intervalDays: number;
  tier1IntervalDays: number | null;
  tier2IntervalDays: number | null;
  tier3IntervalDays: number | null;
};

/** The interval that applies to a service: its tier's when the dimension sets one, else the dimension's default. */
export function intervalDaysFor(dimension: DimensionIntervals, tier: number | null | undefined): number {
  const byTier: Record<number, number | null> = { 1: dimension.tier1IntervalDays, 2: dimension.tier2IntervalDays, 3: dimension.tier3IntervalDays };
  const tierDays = tier ? byTier[tier] : null;
  return tierDays && tierDays > 0 ? tierDays : dimension.intervalDays;
}

export function expiresAtFor(verifiedAt: Date, intervalDays: number): Date {
  return new Date(verifiedAt.getTime() + intervalDays * DAY_MS);
}

export type CurrentVerification = { result: VerificationResult; expiresAt: Date | null } | null | undefined;

export function verificationStatus(current: CurrentVerification, now: Date): VerificationStatus {
  if (!current) return "NEVER";
  if (current.result === "NOT_APPLICABLE") return "NOT_APPLICABLE";
  if (current.result === "FAILED") return "FAILED";
  if (!current.expiresAt || current.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  if (current.expiresAt.getTime() - now.getTime() <= EXPIRING_WINDOW_DAYS * DAY_MS) return "EXPIRING";
  return "VERIFIED";
}

/** Only a current, passed verification counts; never, expired and failed do not (not applicable is left out of the ratio). */
export function countsAsPassing(status: VerificationStatus): boolean {
  return status === "VERIFIED" || status === "EXPIRING";
}

/** Whole days since the verification (floored), null when there is none. */
export function ageDays(verifiedAt: Date | null | undefined, now: Date): number | null {
  if (!verifiedAt) return null;
  return Math.max(0, Math.floor((now.getTime() - verifiedAt.getTime()) / DAY_MS));
}

/** Whole days until expiry (negative once expired). */
export function daysUntil(expiresAt: Date, now: Date): number {
  return Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: what "expires on" shows a reader. */
export function expiryDateIn(expiresAt: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(expiresAt);
}

/** % verified of the applicable cells (not applicable excluded); null when nothing applies. */
export function percentVerified(statuses: readonly VerificationStatus[]): number | null {
  const applicable = statuses.filter((status) => status !== "NOT_APPLICABLE");
  if (applicable.length === 0) return null;
  return Math.round((applicable.filter(countsAsPassing).length / applicable.length) * 100);
}
