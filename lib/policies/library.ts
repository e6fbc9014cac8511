import type { Conditions } from "@/lib/policies/conditions";

/**
 * The built-in rule library, shipped as data. Each organization gets every entry as a rule (disabled
 * until someone enforces it), whose thresholds and texts are then edited like any other rule.
 * Conditions describe the failing state.
 */
export type LibraryRule = {
  key: string;
  name: string;
  description: string;
  remediation: string;
  kind: "RISK" | "OPPORTUNITY";
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
  category: string;
  /** Only services that have this fact are checked (e.g. only services with a certificate). */
  applicableFactKey: string | null;
  conditions: Conditions;
};

export const RULE_LIBRARY: LibraryRule[] = [
  {
    key: "tls-expiring",
    name: "Certificate expires in < 30 days",
    description: "The service's TLS certificate expires within 30 days, or has expired.",
    remediation: "Renew the certificate and automate renewal (ACME). Certificate expiry is one of the most common causes of outages.",
    kind: "RISK",
    severity: "CRITICAL",
    category: "security",
    applicableFactKey: "tls.expiresAt",
    conditions: { all: [{ fact: "tls.expiresAt", operator: "daysUntilLessThan", value: 30 }] },
  },
  {
    key: "backup-restore-untested",
    name: "Backup restore never tested or > 90 days ago",
    description: "Nobody has restored the service's backups recently.",
    remediation:
      "Restore a backup into a scratch environment and record the date as `backup.lastRestoreTest`. If you haven't verified it, it's probably broken.",
    kind: "RISK",
    severity: "HIGH",
    category: "availability",
    applicableFactKey: null,
    conditions: {
      any: [
        { fact: "backup.lastRestoreTest", operator: "missing", value: null },
        { fact: "backup.lastRestoreTest", operator: "daysSinceGreaterThan", value: 90 },
      ],
    },
  },
  {
    key: "dr-never-verified",
    name: "Disaster recovery never verified",
    description: "No disaster-recovery exercise has been recorded for the service in the last year.",
    remediation: "Run a DR game day (fail over to the other region) and record `dr.lastVerifiedAt`.",
    kind: "RISK",
    severity: "HIGH",
    category: "availability",
    applicableFactKey: null,
    conditions: {
      any: [
        { fact: "dr.lastVerifiedAt", operator: "missing", value: null },
        { fact: "dr.lastVerifiedAt", operator: "daysSinceGreaterThan", value: 365 },
      ],
    },
  },
  {
    key: "single-az",
    name: "Runs in a single availability zone",
    description: "The service is deployed in one availability zone: losing it takes the service down.",
    remediation: "Spread instances over at least two zones behind the load balancer.",
    kind: "RISK",
    severity: "HIGH",
    category: "availability",
    applicableFactKey: "deploy.multiAz",
    conditions: { all: [{ fact: "deploy.multiAz", operator: "equal", value: false }] },
  },
  {
    key: "no-autoscaling",
    name: "No autoscaling",
    description: "The service cannot add capacity by itself when load rises.",
    remediation: "Configure autoscaling on a load signal (CPU, requests, queue depth) and test it with a load game day.",
    kind: "RISK",
    severity: "MEDIUM",
    category: "availability",
    applicableFactKey: "deploy.autoscaling",
    conditions: { all: [{ fact: "deploy.autoscaling", operator: "equal", value: false }] },
  },
  {
    key: "no-oncall",
    name: "No on-call rotation",
    description: "Nobody is paged when the service breaks.",
    remediation: "Set up an on-call rotation for the owning team and record `oncall.hasRotation = true`.",
    kind: "RISK",
    severity: "HIGH",
    category: "operations",
    applicableFactKey: null,
    conditions: {
      any: [
        { fact: "oncall.hasRotation", operator: "missing", value: null },
        { fact: "oncall.hasRotation", operator: "equal", value: false },
      ],
    },
  },
  {
    key: "overdue-actions",
    name: "More than 3 overdue corrective actions",
    description: "Corrective actions from this service's COEs are piling up past their due dates.",
    remediation: "Review the overdue actions in the weekly review: finish them, re-plan them with a reason, or close them as won't do.",
    kind: "RISK",
    severity: "MEDIUM",
    category: "operations",
    applicableFactKey: null,
    conditions: { all: [{ fact: "actions.overdueCount", operator: "greaterThan", value: 3 }] },
  },
  {
    key: "stale-draft-coe",
    name: "Draft COE stale > 14 days",
    description: "A COE on this service has been a draft for more than two weeks.",
    remediation: "Finish the COE and submit it for review while the incident is fresh.",
    kind: "RISK",
    severity: "LOW",
    category: "operations",
    applicableFactKey: null,
    conditions: { all: [{ fact: "coes.oldestDraftAgeDays", operator: "greaterThan", value: 14 }] },
  },
  {
    key: "mttr-regression",
    name: "MTTR regression > 25 %",
    description: "Mean time to resolve over the last 90 days is more than 25 % above the 90 days before.",
    remediation: "Look at what slowed recovery in the recent COEs (detection, runbooks, access) and add corrective actions.",
    kind: "RISK",
    severity: "MEDIUM",
    category: "operations",
    applicableFactKey: "incidents.mttrRatio90d",
    conditions: { all: [{ fact: "incidents.mttrRatio90d", operator: "greaterThan", value: 1.25 }] },
  },
  {
    key: "metric-below-target",
    name: "Key metric below target 3 weeks running",
    description: "A key service metric missed its target for three weeks or more in a row.",
    remediation: "Bring it to the weekly review: find the cause, or revisit the target.",
    kind: "RISK",
    severity: "MEDIUM",
    category: "availability",
    applicableFactKey: null,
    conditions: { all: [{ fact: "metrics.weeksBelowTarget", operator: "greaterThanInclusive", value: 3 }] },
  },
  {
    key: "owner-team-too-small",
    name: "Owner team has fewer than 2 people",
    description: "The service's owning team has no one, or a single person: nobody to cover them.",
    remediation: "Add people to the owning team in Settings, or move the service to a team that can run it.",
    kind: "RISK",
    severity: "MEDIUM",
    category: "operations",
    applicableFactKey: null,
    conditions: { all: [{ fact: "owner.memberCount", operator: "lessThan", value: 2 }] },
  },
  {
    key: "team-without-manager",
    name: "Owner team without a manager",
    description: "Nobody on the owning team itself holds the manager role.",
    remediation: "Give someone the manager role on the team: escalations and waivers need one.",
    kind: "RISK",
    severity: "LOW",
    category: "operations",
    applicableFactKey: null,
    conditions: { all: [{ fact: "owner.hasManager", operator: "equal", value: false }] },
  },
  {
    key: "idle-service",
    name: "Idle service (CPU p95 < 10 %)",
    description: "The service uses less than a tenth of its CPU at the 95th percentile.",
    remediation: "Right-size the instances or consolidate: the capacity is paid for and unused.",
    kind: "OPPORTUNITY",
    severity: "LOW",
    category: "cost",
    applicableFactKey: "cpu.p95Utilization",
    conditions: { all: [{ fact: "cpu.p95Utilization", operator: "lessThan", value: 10 }] },
  },
  {
    key: "wont-do-on-sev1",
    name: 'A "won\'t do" action on a SEV1 COE',
    description: "A corrective action of a SEV1 incident on this service was closed as won't do.",
    remediation: "Re-read the reason with the team's manager: make sure the risk is accepted knowingly, or reopen the action.",
    kind: "RISK",
    severity: "HIGH",
    category: "operations",
    applicableFactKey: null,
    conditions: { all: [{ fact: "actions.wontDoOnSev1Count", operator: "greaterThan", value: 0 }] },
  },
  {
    key: "secrets-not-rotated",
    name: "Secrets not rotated in 90 days",
    description: "The service's credentials were last rotated more than 90 days ago.",
    remediation: "Rotate the secrets and automate rotation; record `secrets.lastRotatedAt`.",
    kind: "RISK",
    severity: "HIGH",
    category: "security",
    applicableFactKey: "secrets.lastRotatedAt",
    conditions: { all: [{ fact: "secrets.lastRotatedAt", operator: "daysSinceGreaterThan", value: 90 }] },
  },
  {
    key: "frequent-incidents",
    name: "3 or more incidents in 90 days",
    description: "The service had three or more COEs in the last 90 days.",
    remediation: "Look for the common contributing factor across the COEs; consider a reliability sprint.",
    kind: "RISK",
    severity: "HIGH",
    category: "availability",
    applicableFactKey: null,
    conditions: { all: [{ fact: "coes.last90Days", operator: "greaterThanInclusive", value: 3 }] },
  },
  {
    key: "runtime-end-of-life",
    name: "Runtime reaches end of life within 90 days",
    description: "The language runtime or base image stops getting security fixes soon.",
    remediation: "Plan the upgrade now; record the new `runtime.endOfLife` date.",
    kind: "RISK",
    severity: "MEDIUM",
    category: "security",
    applicableFactKey: "runtime.endOfLife",
    conditions: { all: [{ fact: "runtime.endOfLife", operator: "daysUntilLessThan", value: 90 }] },
  },
  {
    key: "memory-overprovisioned",
    name: "Memory over-provisioned (p95 < 20 %)",
    description: "The service uses less than a fifth of its memory at the 95th percentile.",
    remediation: "Lower the memory request/limit or the instance size.",
    kind: "OPPORTUNITY",
    severity: "LOW",
    category: "cost",
    applicableFactKey: "memory.p95Utilization",
    conditions: { all: [{ fact: "memory.p95Utilization", operator: "lessThan", value: 20 }] },
  },
];

/** The columns every organization's copy of a library entry starts with (the seed and new organizations). */
export function libraryRuleRow(entry: LibraryRule) {
  return {
    libraryKey: entry.key,
    name: entry.name,
    description: entry.description,
    remediation: entry.remediation,
    kind: entry.kind,
    severity: entry.severity,
    category: entry.category,
    applicableFactKey: entry.applicableFactKey,
    conditions: entry.conditions,
  };
}

export const libraryRevisionSummary = (entry: Pick<LibraryRule, "name">) => `Added “${entry.name}” from the built-in library`;
