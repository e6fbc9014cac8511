import { ageDays, verificationStatus } from "@/lib/verification/status";

type CurrentRow = {
  serviceId: string;
  dimensionKey: string;
  result: "PASSED" | "FAILED" | "NOT_APPLICABLE";
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
