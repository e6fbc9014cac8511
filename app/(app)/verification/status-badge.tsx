import { cn } from "@/components/ui/cn";
import { VERIFICATION_STATUS_LABELS, type VerificationStatus } from "@/lib/verification/status";

// Colour and text together (never colour alone), with a symbol for those who cannot tell the colours apart.
const STYLES: Record<VerificationStatus, { classes: string; symbol: string }> = {
  VERIFIED: { classes: "bg-emerald-50 text-emerald-800 ring-emerald-300", symbol: "✓" },
  EXPIRING: { classes: "bg-amber-50 text-amber-900 ring-amber-300", symbol: "◷" },
  EXPIRED: { classes: "bg-orange-50 text-orange-900 ring-orange-300", symbol: "!" },
  FAILED: { classes: "bg-red-50 text-red-800 ring-red-300", symbol: "✗" },
  NEVER: { classes: "bg-slate-100 text-slate-800 ring-slate-300", symbol: "–" },
  NOT_APPLICABLE: { classes: "bg-white text-slate-700 ring-slate-200", symbol: "∅" },
};

export function VerificationStatusBadge({ status, className }: { status: VerificationStatus; className?: string }) {
  const style = STYLES[status];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        style.classes,
        className,
      )}
    >
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
