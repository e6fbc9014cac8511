import { Badge } from "@/components/ui/badge";
import { ACTION_STATUS_LABELS } from "@/lib/actions/labels";

type Action = { id: string; title: string; status: string; verifiedAt?: string | Date | null };

const TONE = { VERIFIED: "green", DONE: "indigo", WONT_DO: "neutral", OPEN: "amber", IN_PROGRESS: "amber" } as const;

/** An earlier COE's corrective actions with their status: did they get done? verified? */
export function ActionStatusList({ actions }: { actions: Action[] }) {
  if (actions.length === 0) return <p className="text-xs text-slate-600">No corrective actions.</p>;
  return (
    <ul className="space-y-1">
      {actions.map((action) => (
        <li key={action.id} className="flex items-start justify-between gap-2 text-xs">
          <a href={`/actions/${action.id}`} className="text-slate-800 underline-offset-2 hover:underline">
            {action.title}
          </a>
          <Badge tone={TONE[action.status as keyof typeof TONE] ?? "neutral"} className="shrink-0">
            {ACTION_STATUS_LABELS[action.status as keyof typeof ACTION_STATUS_LABELS] ?? action.status}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
