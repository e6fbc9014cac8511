import type { VerificationResult } from "@/lib/generated/prisma/enums";
import type { DimensionSetting } from "@/lib/verification/dimension-queries";
import { ageDays, verificationStatus } from "@/lib/verification/status";

type CurrentRow = {
  serviceId: string;
  dimensionKey: string;
  result: VerificationResult;
  method: string | null;
  verifiedAt: Date | null;
  expiresAt: Date | null;
  notApplicableReason: string | null;
  rtoTargetMinutes: number | null;
  rpoTargetMinutes: number | null;
  rtoObservedMinutes: number | null;
  rpoObservedMinutes: number | null;
};

/** A service's verification in one dimension as the API and events show it. */
export function verificationJson(row: CurrentRow, now: Date) {
  return {
    serviceId: row.serviceId,
    dimension: row.dimensionKey,
    status: verificationStatus(row, now),
    result: row.result,
    method: row.method,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    ageDays: ageDays(row.verifiedAt, now),
    notApplicableReason: row.notApplicableReason,
    rtoTargetMinutes: row.rtoTargetMinutes,
    rpoTargetMinutes: row.rpoTargetMinutes,
    rtoObservedMinutes: row.rtoObservedMinutes,
    rpoObservedMinutes: row.rpoObservedMinutes,
  };
}

export function neverVerifiedJson(serviceId: string, dimensionKey: string) {
  return {
    serviceId,
    dimension: dimensionKey,
    status: "NEVER" as const,
    result: null,
    method: null,
    verifiedAt: null,
    expiresAt: null,
    ageDays: null,
    notApplicableReason: null,
    rtoTargetMinutes: null,
    rpoTargetMinutes: null,
    rtoObservedMinutes: null,
    rpoObservedMinutes: null,
  };
}

/** A verification dimension as the API shows it; `version` is what a PATCH sends back. */
export function dimensionJson(row: DimensionSetting) {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    position: row.position,
    builtIn: row.builtIn,
    tracksRecovery: row.tracksRecovery,
    intervalDays: row.intervalDays,
    tier1IntervalDays: row.tier1IntervalDays,
    tier2IntervalDays: row.tier2IntervalDays,
    tier3IntervalDays: row.tier3IntervalDays,
    archived: row.archivedAt !== null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
  };
}
