import { cn } from "@/components/ui/cn";
import { VERIFICATION_STATUS_LABELS, type VerificationStatus } from "@/lib/verification/status";

// Colour and text together (never colour alone), with a symbol for those who cannot tell the colours
// apart. Classes and symbols live in app/globals.css: the grid draws hundreds of these badges.
const CLASSES: Record<VerificationStatus, string> = {
  VERIFIED: "status-verified",
  EXPIRING: "status-expiring",
  EXPIRED: "status-expired",
  FAILED: "status-failed",
  NEVER: "status-never",
  NOT_APPLICABLE: "status-not-applicable",
};

export function VerificationStatusBadge({ status, className }: { status: VerificationStatus; className?: string }) {
  return <span className={cn("status-pill", CLASSES[status], className)}>{VERIFICATION_STATUS_LABELS[status]}</span>;
}

export function percentLabel(percent: number | null): string {
  return percent === null ? "n/a" : `${percent}%`;
}

export function percentClasses(percent: number | null): string {
  if (percent === null) return "text-slate-700";
  if (percent >= 80) return "text-emerald-800";
  if (percent >= 50) return "text-amber-900";
  return "text-red-800";
}
