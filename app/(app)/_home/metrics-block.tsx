import { Badge } from "@/components/ui/badge";
import type { CurrentUser } from "@/lib/auth/principal";
import { breachedMetricsInMySubtree } from "@/lib/home/queries";
import { formatChange, formatValue } from "@/lib/metrics/format";
import { HomeBlock, HomeRow } from "./home-block";

/** Key service metrics over target or moving the wrong way in the caller's part of the tree. */
export async function MetricsBlock({ user }: { user: CurrentUser }) {
  const metrics = await breachedMetricsInMySubtree(user);
  if (!metrics) return null;
  return (
    <HomeBlock
      title="Metrics needing attention"
      count={metrics.total}
      href="/metrics"
      linkLabel="Metrics"
      empty={`Every key service metric${metrics.scopeName ? ` in ${metrics.scopeName}` : ""} is within its target and steady week over week.`}
    >
      {metrics.rows.map((metric) => {
        const breach = metric.flags.find((flag) => flag.kind === "breach");
        const move = metric.flags.find((flag) => flag.kind === "anomaly");
        return (
          <HomeRow
            key={metric.id}
            href={`/metrics/services/${metric.serviceId}`}
            title={`${metric.serviceName}: ${metric.name}`}
            badge={breach ? <Badge tone="red">Over target</Badge> : <Badge tone="amber">Worse this week</Badge>}
            meta={
              breach && breach.kind === "breach"
                ? `Latest ${formatValue(breach.value, metric.unit)}, target ${formatValue(breach.target, metric.unit)}`
                : move && move.kind === "anomaly"
                  ? `${formatChange(move.changePct)} week over week`
                  : undefined
            }
          />
        );
      })}
    </HomeBlock>
  );
}
