import Link from "next/link";
import { LineStoppedBadge } from "@/components/cords/line-stopped-badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { MetricCards, SeriesPoint } from "@/lib/metrics/service-queries";
import { MetricCard } from "./metric-card";

/** How many metric cards and service links the overview draws; a large org narrows by team. */
const FIRST_METRIC_CARDS = 12;
export const MAX_METRIC_CARDS = 24;
const MAX_SERVICE_LINKS = 40;

/** How many cards a view draws: the first dozen, or (after "Show more") up to MAX_METRIC_CARDS. */
export function metricCardCount(view: "first" | "all"): number {
  return view === "all" ? MAX_METRIC_CARDS : FIRST_METRIC_CARDS;
}

/**
 * Key service metrics of the team's services: the cards metricCards chose (flagged first, the
 * first FIRST_METRIC_CARDS or, after "Show more", up to MAX_METRIC_CARDS), with a note to narrow down.
 */
export function ServiceMetricsSection({
  metrics,
  series,
  moreHref,
  stopped = new Set(),
}: {
  metrics: MetricCards;
  series: Map<string, SeriesPoint[]>;
  /** Services with an open Andon cord. */
  stopped?: ReadonlySet<string>;
  /** Where "Show more" leads, when more cards can be drawn. */
  moreHref: string | null;
}) {
  const { cards: ordered, total, flagged: flaggedCount, services } = metrics;
  const hidden = total - ordered.length;
  // Stopped lines first, so the badge is never cut off by the cap on links.
  const listed = services.toSorted((a, b) => Number(stopped.has(b.id)) - Number(stopped.has(a.id)));
  return (
    <section aria-labelledby="service-metrics-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="service-metrics-heading" className="text-lg font-semibold text-slate-900">
            Key service metrics
          </h2>
          <p className="text-sm text-slate-600">
            {total === 0
              ? "Availability, latency, error rate: anything numeric, with a target."
              : `${total} metric${total === 1 ? "" : "s"}; ${flaggedCount === 0 ? "none flagged" : `${flaggedCount} flagged, shown first`}. Red dots are values on the wrong side of the dashed target line.`}
          </p>
        </div>
      </div>
      {services.length === 0 ? (
        <EmptyState title="No services yet">
          This team and its sub-teams own no services. Once an admin adds services, their key metrics appear here.
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState title="No key service metrics defined">
          Define a service&apos;s metrics (name, unit, which direction is good, target) on its metrics page; values come from a form, a CSV upload or the API,
          and appear here as small charts with the target line.
        </EmptyState>
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {ordered.map((metric) => (
              <MetricCard key={metric.id} metric={metric} series={series.get(metric.id) ?? []} lineStopped={stopped.has(metric.serviceId)} />
            ))}
          </div>
          {hidden > 0 ? (
            <p className="text-sm text-slate-600">
              {hidden} more metric{hidden === 1 ? " is" : "s are"} not drawn here
              {moreHref ? (
                <>
                  {" "}
                  (
                  <Link href={moreHref} scroll={false} className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
                    show {Math.min(hidden, MAX_METRIC_CARDS - ordered.length)} more
                  </Link>
                  )
                </>
              ) : null}
              : choose a sub-team above, or open a service&apos;s page.
            </p>
          ) : null}
        </>
      )}
      {services.length > 0 ? (
        <p className="text-sm text-slate-600">
          Service metric pages:{" "}
          {listed.slice(0, MAX_SERVICE_LINKS).map((service, index) => (
            <span key={service.id}>
              {index > 0 ? ", " : null}
              <Link href={`/metrics/services/${service.id}`} className="text-indigo-700 hover:text-indigo-900">
                {service.name}
              </Link>
              {!service.hasMetrics ? <span className="text-slate-600"> (none yet)</span> : null}
              {stopped.has(service.id) ? <LineStoppedBadge serviceId={service.id} className="ml-1" /> : null}
            </span>
          ))}
          {services.length > MAX_SERVICE_LINKS ? ` and ${services.length - MAX_SERVICE_LINKS} more (choose a sub-team to list them)` : null}
        </p>
      ) : null}
    </section>
  );
}
