import { VerificationHow, VerificationResult } from "@/lib/generated/prisma/enums";

/** The five dimensions from the seed, in its order. Organizations add their own after these. */
export const BUILT_IN_DIMENSIONS = [
  {
    key: "dr_backups",
    name: "Disaster recovery & backups",
    description: "Backups restore, and the service comes back within its RTO/RPO after losing its region or data store.",
    tracksRecovery: true,
  },
  { key: "auto_scaling", name: "Auto scaling", description: "Capacity follows load up and down without a person stepping in.", tracksRecovery: false },
  { key: "multi_az", name: "Multi-AZ", description: "Losing one availability zone does not take the service down.", tracksRecovery: false },
  {
    key: "fault_tolerance",
    name: "Fault tolerance & self-healing",
    description: "Dead instances, processes and dependencies are detected and replaced automatically.",
    tracksRecovery: false,
  },
  {
    key: "people",
    name: "People",
    description: "On-call readiness: the rota is staffed, runbooks work, the team has rehearsed.",
    tracksRecovery: false,
  },
] as const;

export const VERIFICATION_HOWS = Object.values(VerificationHow);
export const VERIFICATION_HOW_LABELS: Record<VerificationHow, string> = {
  GAME_DAY: "Game day",
  AUTOMATED_TEST: "Automated test",
  RESTORE_TEST: "Restore test",
  TABLETOP: "Tabletop exercise",
  MANUAL_CHECK: "Manual check",
};

export const VERIFICATION_RESULTS = Object.values(VerificationResult);
export const VERIFICATION_RESULT_LABELS: Record<VerificationResult, string> = {
  PASSED: "Passed",
  FAILED: "Failed",
  NOT_APPLICABLE: "Not applicable",
};

/** A slug for an organization's own dimension: its key in policy facts and the API. */
export function dimensionKeyFor(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "dimension"
  );
}
