import { Badge } from "@/components/ui/badge";
import { SEVERITY_MEANINGS, STATUS_LABELS } from "@/lib/coes/questions";
import { type CoeSeverity, type CoeStatus } from "@/lib/generated/prisma/enums";

const STATUS_TONES: Record<CoeStatus, "neutral" | "amber" | "green" | "indigo"> = { DRAFT: "neutral", IN_REVIEW: "amber", APPROVED: "green", CLOSED: "indigo" };
const SEVERITY_TONES: Record<CoeSeverity, "red" | "amber" | "neutral"> = { SEV1: "red", SEV2: "red", SEV3: "amber", SEV4: "neutral" };

/** The COE's state; a draft a reviewer sent back is "Changes requested", its own state for the authors. */
export function StatusBadge({ status, changesRequested = false }: { status: CoeStatus; changesRequested?: boolean }) {
  if (status === "DRAFT" && changesRequested) return <Badge tone="amber">Changes requested</Badge>;
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function SeverityBadge({ severity }: { severity: CoeSeverity }) {
  return (
    <span title={SEVERITY_MEANINGS[severity]}>
      <Badge tone={SEVERITY_TONES[severity]}>{severity}</Badge>
    </span>
  );
}
