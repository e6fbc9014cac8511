import { Badge } from "@/components/ui/badge";

const VERDICTS = {
  HELD: { tone: "green", label: "✓ Hypothesis held" },
  DEVIATED: { tone: "red", label: "✗ Deviated" },
  ABORTED: { tone: "amber", label: "■ Aborted" },
} as const;

const STATUSES = {
  PLANNED: { tone: "indigo", label: "Planned" },
  RUNNING: { tone: "amber", label: "Running" },
  FINISHED: { tone: "neutral", label: "Finished" },
  CANCELLED: { tone: "neutral", label: "Cancelled" },
} as const;

export function VerdictBadge({ verdict }: { verdict: keyof typeof VERDICTS | null }) {
  if (!verdict) return <Badge>Not run yet</Badge>;
  return <Badge tone={VERDICTS[verdict].tone}>{VERDICTS[verdict].label}</Badge>;
}

export function GameDayStatusBadge({ status }: { status: keyof typeof STATUSES }) {
  return <Badge tone={STATUSES[status].tone}>{STATUSES[status].label}</Badge>;
}
