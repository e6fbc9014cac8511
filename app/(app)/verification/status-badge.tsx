import { cn } from "@/components/ui/cn";
import { VERIFICATION_STATUS_LABELS, type VerificationStatus } from "@/lib/verification/status";

// Colour and text together (never colour alone), with a symbol for those who cannot tell the colours apart.
// The classes live in app/globals.css: the grid draws hundreds of these badges.
const STYLES: Record<VerificationStatus, { classes: string; symbol: string }> = {
  VERIFIED: { classes: "status-verified", symbol: "✓" },
  EXPIRING: { classes: "status-expiring", symbol: "◷" },
  EXPIRED: { classes: "status-expired", symbol: "!" },
  FAILED: { classes: "status-failed", symbol: "✗" },
  NEVER: { classes: "status-never", symbol: "–" },
  NOT_APPLICABLE: { classes: "status-not-applicable", symbol: "∅" },
};

export function VerificationStatusBadge({ status, className }: { status: VerificationStatus; className?: string }) {
  const style = STYLES[status];
  return (
    <span className={cn("status-pill", style.classes, className)}>
      <span aria-hidden>{style.symbol}</span>
      <span>{VERIFICATION_STATUS_LABELS[status]}</span>
    </span>
  );
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
