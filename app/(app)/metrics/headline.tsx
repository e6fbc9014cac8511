import { cn } from "@/components/ui/cn";
import { formatChange, formatPct, formatSeconds } from "@/lib/metrics/format";
import type { IncidentDashboard } from "@/lib/metrics/dashboard";
import { durationChange } from "@/lib/metrics/stats";

type Comparison = { label: string; reference: number | null; current: number | null };

function Delta({ comparison }: { comparison: Comparison }) {
  const change = durationChange(comparison.current, comparison.reference);
  if (!change) return <p className="text-xs text-slate-500">{comparison.label}: no figure to compare</p>;
  return (
    <p className="text-xs text-slate-600">
      <span className={cn("font-semibold", Math.round(change.changePct) === 0 ? "text-slate-700" : change.better ? "text-emerald-700" : "text-red-700")}>
        {formatChange(change.changePct)}
      </span>{" "}
      {comparison.label} ({formatSeconds(comparison.reference)})
    </p>
  );
}

function Stat({ label, value, hint, comparisons = [], testId }: { label: string; value: string; hint?: string; comparisons?: Comparison[]; testId: string }) {
  return (
    <div className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200" data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1">
        <span className="text-2xl font-semibold tabular-nums text-slate-900">{value}</span>
        {hint ? <span className="ml-1.5 text-xs text-slate-500">{hint}</span> : null}
        <div className="mt-1 space-y-0.5">
          {comparisons.map((comparison) => (
            <Delta key={comparison.label} comparison={comparison} />
          ))}
        </div>
      </dd>
    </div>
  );
}

/** MTTR as median, p90, mean and count, with TTD/TTM and corrective-action health beside it. */
export function Headline({
  dashboard,
  windowDays,
  baseline,
}: {
  dashboard: IncidentDashboard;
  windowDays: number;
  baseline: { label: string; median: number | null };
}) {
  const { current, previous } = dashboard.headline;
  return (
    <section aria-label="Headline figures" className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          testId="mttr-median"
          label="MTTR · median"
          value={formatSeconds(current.ttr.median)}
          comparisons={[
            { label: `vs previous ${windowDays} days`, current: current.ttr.median, reference: previous.ttr.median },
            { label: `vs ${baseline.label}`, current: current.ttr.median, reference: baseline.median },
          ]}
        />
        <Stat
          testId="mttr-p90"
          label="MTTR · p90"
          value={formatSeconds(current.ttr.p90)}
          comparisons={[{ label: `vs previous ${windowDays} days`, current: current.ttr.p90, reference: previous.ttr.p90 }]}
        />
        <Stat
          testId="mttr-mean"
          label="MTTR · mean"
          value={formatSeconds(current.ttr.mean)}
          comparisons={[{ label: `vs previous ${windowDays} days`, current: current.ttr.mean, reference: previous.ttr.mean }]}
        />
        <Stat
          testId="incident-count"
          label="Incidents"
          value={String(current.incidents)}
          hint={current.ttr.count < current.incidents ? `${current.ttr.count} with a resolved time` : undefined}
          comparisons={[]}
        />
      </dl>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          testId="ttd-median"
          label="Time to detect · median"
          value={formatSeconds(current.ttd.median)}
          hint={`p90 ${formatSeconds(current.ttd.p90)}`}
          comparisons={[{ label: "vs previous", current: current.ttd.median, reference: previous.ttd.median }]}
        />
        <Stat
          testId="ttm-median"
          label="Time to mitigate · median"
          value={formatSeconds(current.ttm.median)}
          hint={`p90 ${formatSeconds(current.ttm.p90)}`}
          comparisons={[{ label: "vs previous", current: current.ttm.median, reference: previous.ttm.median }]}
        />
        <Stat
          testId="action-close-rate"
          label="Action close rate"
          value={formatPct(dashboard.actions.closeRate)}
          hint={`${dashboard.actions.closed} of ${dashboard.actions.created - dashboard.actions.wontDo} created in the window`}
        />
        <Stat testId="overdue-actions" label="Overdue actions" value={String(dashboard.actions.overdue)} hint={`of ${dashboard.actions.open} open now`} />
      </dl>
    </section>
  );
}
