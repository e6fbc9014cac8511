import { LocalTime } from "@/components/cords/local-time";
import { CORD_EVENT_LABELS } from "@/lib/cords/labels";
import { type CordEventKind } from "@/lib/generated/prisma/enums";

export type TimelineEntry = {
  id: bigint | string;
  kind: CordEventKind;
  body: string;
  deployRef: string | null;
  createdAt: Date;
  actor: { name: string } | null;
};

const TONES: Partial<Record<CordEventKind, string>> = {
  PULLED: "bg-red-600",
  DEPLOY_BLOCKED: "bg-amber-500",
  OVERRIDE_GRANTED: "bg-indigo-600",
  OVERRIDE_USED: "bg-indigo-600",
  RESOLVED: "bg-emerald-600",
};

/** A cord's timeline, oldest first (or as given), times in the reader's time zone. */
export function CordTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="space-y-3" aria-label="Cord timeline">
      {entries.map((entry) => (
        <li key={String(entry.id)} className="flex gap-3" data-kind={entry.kind}>
          <span aria-hidden className={`mt-1.5 size-2.5 shrink-0 rounded-full ${TONES[entry.kind] ?? "bg-slate-400"}`} />
          <div className="min-w-0 text-sm">
            <p className="text-slate-900">
              <span className="font-medium">{CORD_EVENT_LABELS[entry.kind]}</span>
              {entry.kind === "DEPLOY_BLOCKED" || entry.kind === "OVERRIDE_USED" ? null : entry.actor ? <> · {entry.actor.name}</> : null}
              {" · "}
              <LocalTime value={entry.createdAt} className="text-slate-600" />
            </p>
            {entry.body ? <p className="whitespace-pre-line break-words text-slate-700">{entry.body}</p> : null}
            {entry.deployRef ? <p className="break-all font-mono text-xs text-slate-600">{entry.deployRef}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
