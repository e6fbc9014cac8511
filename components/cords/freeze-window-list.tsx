import { DeleteFreezeWindowButton } from "@/components/cords/delete-freeze-window-button";
import { LocalTime } from "@/components/cords/local-time";
import { Badge } from "@/components/ui/badge";

export type FreezeWindowListItem = {
  id: string;
  reason: string;
  teamName: string;
  serviceNames: string[];
  rrule: string | null;
  timeZone: string;
  environments: string[];
  nextOccurrences: { startsAt: string; endsAt: string }[];
  canDelete?: boolean;
};

/**
 * Freeze windows with their next occurrence in the reader's time zone, what they cover and how they
 * repeat. `compact` (team cards) shows one line each and no remove button.
 */
export function FreezeWindowList({ windows, empty, compact = false }: { windows: FreezeWindowListItem[]; empty: string; compact?: boolean }) {
  if (windows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  const now = new Date().toISOString();
  return (
    <ul className="divide-y divide-slate-100" aria-label="Freeze windows">
      {windows.map((window) => {
        const next = window.nextOccurrences[0]!;
        const running = next.startsAt <= now && next.endsAt > now;
        return (
          <li key={window.id} id={compact ? undefined : window.id} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-2.5 text-sm">
            <div className="min-w-0">
              <p className="font-medium break-words text-slate-900">
                {window.reason}
                {running ? (
                  <Badge tone="red" className="ml-2">
                    Deploys frozen now
                  </Badge>
                ) : null}
              </p>
              <p className="text-xs text-slate-600">
                {running ? "Until" : "Next:"} {running ? null : <LocalTime value={next.startsAt} />}
                {running ? null : " to "}
                <LocalTime value={next.endsAt} />
                {window.rrule ? ` · repeats ${window.rrule} (${window.timeZone})` : ""}
              </p>
              {compact ? null : (
                <p className="text-xs text-slate-600">
                  {window.serviceNames.length > 0 ? `Services: ${window.serviceNames.join(", ")}` : `Every service of ${window.teamName} and its sub-teams`}
                  {window.serviceNames.length > 0 ? ` (set by ${window.teamName})` : ""}
                  {window.environments.length > 0 ? ` · environments: ${window.environments.join(", ")}` : ""}
                </p>
              )}
            </div>
            {!compact && window.canDelete ? <DeleteFreezeWindowButton windowId={window.id} reason={window.reason} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
