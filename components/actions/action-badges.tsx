import { Badge } from "@/components/ui/badge";
import { ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS } from "@/lib/actions/labels";
import { type CorrectiveActionPriority, type CorrectiveActionStatus } from "@/lib/generated/prisma/enums";

const STATUS_TONES: Record<CorrectiveActionStatus, "neutral" | "amber" | "green" | "indigo"> = {
  OPEN: "neutral",
  IN_PROGRESS: "amber",
  DONE: "green",
  VERIFIED: "indigo",
  WONT_DO: "neutral",
};
const PRIORITY_TONES: Record<CorrectiveActionPriority, "red" | "amber" | "neutral"> = { HIGH: "red", MEDIUM: "amber", LOW: "neutral" };

export function ActionStatusBadge({ status, wontDoRequested = false }: { status: CorrectiveActionStatus; wontDoRequested?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={STATUS_TONES[status]}>{ACTION_STATUS_LABELS[status]}</Badge>
      {wontDoRequested ? <Badge tone="amber">Won&apos;t do requested</Badge> : null}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: CorrectiveActionPriority }) {
  return <Badge tone={PRIORITY_TONES[priority]}>{ACTION_PRIORITY_LABELS[priority]}</Badge>;
}

/** "12 days overdue" in red; nothing when the action is not overdue. */
export function OverdueBadge({ days }: { days: number | null }) {
  if (!days || days <= 0) return null;
  return <Badge tone="red">{`${days} day${days === 1 ? "" : "s"} overdue`}</Badge>;
}
