import { Badge } from "@/components/ui/badge";
import { FINDING_STATUS_LABELS, RULE_STATUS_LABELS, SEVERITY_LABELS } from "@/lib/policies/schemas";

const SEVERITY_TONE = { CRITICAL: "red", HIGH: "amber", MEDIUM: "indigo", LOW: "neutral" } as const;

export function SeverityBadge({ severity }: { severity: keyof typeof SEVERITY_LABELS }) {
  return <Badge tone={SEVERITY_TONE[severity]}>{SEVERITY_LABELS[severity]}</Badge>;
}

export function FindingStatusBadge({ status }: { status: keyof typeof FINDING_STATUS_LABELS }) {
  return <Badge tone={status === "OPEN" ? "red" : status === "ACKNOWLEDGED" ? "amber" : "green"}>{FINDING_STATUS_LABELS[status]}</Badge>;
}

export function RuleStatusBadge({ status }: { status: keyof typeof RULE_STATUS_LABELS }) {
  return <Badge tone={status === "ENFORCED" ? "green" : status === "DRAFT" ? "indigo" : "neutral"}>{RULE_STATUS_LABELS[status]}</Badge>;
}

/** A fact value as people read it. */
export function factText(value: unknown): string {
  if (value === null || value === undefined) return "not known";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
  return String(value);
}
