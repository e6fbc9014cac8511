import Link from "next/link";
import { LineStoppedBadge } from "@/components/cords/line-stopped-badge";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { DateTime } from "@/components/ui/format-date";
import { MetricSparkline } from "@/components/metrics/metric-sparkline";
import { formatChange, formatValue } from "@/lib/metrics/format";
import { breachesTarget } from "@/lib/metrics/stats";
import type { MetricOverview, SeriesPoint } from "@/lib/metrics/service-queries";

/** What the small chart shows, in words, for screen readers. */
function seriesSummary(metric: MetricOverview, series: SeriesPoint[]): string {
  const values = series.map((point) => point.value);
  const wrongSide = values.filter((value) => breachesTarget(value, metric.target, metric.direction)).length;
  return (
    `Daily values from ${series[0]!.day} to ${series.at(-1)!.day}: between ${formatValue(Math.min(...values), metric.unit)} and ${formatValue(Math.max(...values), metric.unit)}` +
    (metric.target === null ? "." : `; ${wrongSide} of ${values.length} days missed the target.`)
  );
}

/** One key service metric: latest value, target, flags and its last 90 days. */
export function MetricCard({
  metric,
  series,
  showService = true,
  lineStopped = false,
  chartHeight,
}: {
  metric: MetricOverview;
  series: SeriesPoint[];
  showService?: boolean;
  /** The service has an open Andon cord. */
  lineStopped?: boolean;
  chartHeight?: number;
}) {
  const flagged = metric.flags.length > 0;
  const breach = metric.flags.find((flag) => flag.kind === "breach");
  const anomaly = metric.flags.find((flag) => flag.kind === "anomaly");
  return (
    <article
      data-testid="metric-card"
      aria-label={`${showService ? `${metric.serviceName}: ` : ""}${metric.name}`}
      className={cn("rounded-lg bg-white px-4 py-3 shadow-sm ring-1", flagged ? "ring-red-300" : "ring-slate-200")}
    >
      <header>
        {showService ? (
          <div className="flex items-center justify-between gap-2">
            <Link href={`/metrics/services/${metric.serviceId}`} className="block min-w-0 truncate text-xs font-medium text-indigo-700 hover:underline">
              {metric.serviceName}
            </Link>
            {lineStopped ? <LineStoppedBadge serviceId={metric.serviceId} /> : null}
          </div>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
          <h3 className="text-sm font-semibold text-slate-900">{metric.name}</h3>
          {flagged ? (
            <div className="flex flex-wrap gap-1">
              {breach ? <Badge tone="red">Target breached</Badge> : null}
              {anomaly && anomaly.kind === "anomaly" ? (
                <Badge tone={anomaly.worse ? "red" : "amber"}>{formatChange(anomaly.changePct)} week over week</Badge>
              ) : null}
            </div>
          ) : null}
        </div>
      </header>
      <p className="mt-1 flex flex-wrap items-baseline gap-x-2">
        <span className={cn("text-xl font-semibold tabular-nums", breach ? "text-red-700" : "text-slate-900")} data-testid="metric-latest">
          {formatValue(metric.latestValue, metric.unit)}
        </span>
        <span className="text-xs text-slate-500">
          {metric.target !== null ? `target ${metric.direction === "UP" ? "≥" : "≤"} ${formatValue(metric.target, metric.unit)}` : "no target"}
          {metric.latestAt ? (
            <>
              {" · "}
              <DateTime value={metric.latestAt} dateOnly />
            </>
          ) : null}
        </span>
      </p>
      {series.length > 1 ? (
        <figure className="m-0">
          <div aria-hidden>
            <MetricSparkline points={series} target={metric.target} direction={metric.direction} height={chartHeight} />
          </div>
          <figcaption className="sr-only">{seriesSummary(metric, series)}</figcaption>
        </figure>
      ) : (
        <p className="py-4 text-xs text-slate-500">
          {metric.latestValue === null ? "No values yet. Record one, upload a CSV, or push them through the API." : "More values draw a chart here."}
        </p>
      )}
    </article>
  );
}
