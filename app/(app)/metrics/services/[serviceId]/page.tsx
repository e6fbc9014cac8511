import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LineStoppedBadge } from "@/components/cords/line-stopped-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { stoppedServiceIds } from "@/lib/cords/queries";
import { formatValue } from "@/lib/metrics/format";
import { dailySeries, findServiceForMetrics, metricOverviews, recentValues } from "@/lib/metrics/service-queries";
import { breachesTarget } from "@/lib/metrics/stats";
import { can } from "@/lib/permissions";
import { MetricCard } from "../../metric-card";
import { ArchiveMetricButton } from "./archive-metric-button";
import { CsvUploadForm } from "./csv-upload-form";
import { MetricDefinitionForm } from "./metric-definition-form";
import { RecordValueForm } from "./record-value-form";

export const metadata: Metadata = { title: "Service metrics" };

export default async function ServiceMetricsPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const user = await requirePageUser();
  const { serviceId } = await params;
  const service = await findServiceForMetrics(user, serviceId);
  if (!service) notFound();
  const now = new Date();
  const [metrics, values, stopped] = await Promise.all([
    metricOverviews(user, [service.teamId], { serviceId: service.id }),
    recentValues(user, service.id),
    stoppedServiceIds(user, { serviceIds: [service.id] }),
  ]);
  const series = await dailySeries(
    user,
    metrics.map((metric) => metric.id),
    now,
  );
  const canDefine = can(user, "metric.define", service.teamId);
  const canRecord = can(user, "metric.record", service.teamId);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/metrics?team=${service.teamId}`} className="text-indigo-700 hover:underline">
          ← Metrics of {service.team.name}
        </Link>
      </p>
      <PageHeader
        title={`${service.name}: key metrics`}
        description={`Owned by ${service.team.name}. ${service.description}`}
        actions={stopped.has(service.id) ? <LineStoppedBadge serviceId={service.id} /> : undefined}
      />
      <div className="space-y-6">
        {metrics.length === 0 ? (
          <EmptyState title="No metrics defined for this service">
            {canDefine
              ? "Define the metrics this service is judged by below: availability, p99 latency, error rate. Each gets a target and shows here as a chart with the target line."
              : "A manager of the owning team defines this service's metrics and targets. Once they do, they show here as charts with the target line."}
          </EmptyState>
        ) : (
          <div className="grid gap-3 md:grid-cols-2">
            {metrics.map((metric) => (
              <div key={metric.id} className="space-y-1">
                <MetricCard metric={metric} series={series.get(metric.id) ?? []} showService={false} chartHeight={140} />
                {canDefine ? (
                  <div className="flex flex-wrap gap-2 text-xs">
                    <details className="w-full">
                      <summary className="cursor-pointer text-indigo-700">Edit {metric.name}</summary>
                      <div className="mt-2 rounded-lg bg-white p-4 ring-1 ring-slate-200">
                        <MetricDefinitionForm serviceId={service.id} metric={metric} />
                        <div className="mt-3 border-t border-slate-200 pt-3">
                          <ArchiveMetricButton metricId={metric.id} name={metric.name} />
                        </div>
                      </div>
                    </details>
                  </div>
                ) : null}
              </div>
            ))}
          </div>
        )}

        <div className="grid gap-4 lg:grid-cols-2">
          {canRecord && metrics.length > 0 ? (
            <Card>
              <CardHeader title="Record a value" description="A value at the same time as an existing one replaces it." />
              <CardBody>
                <RecordValueForm
                  metrics={metrics.map((metric) => ({ id: metric.id, name: metric.name, unit: metric.unit }))}
                  defaultTimestamp={now.toISOString().slice(0, 10)}
                />
              </CardBody>
            </Card>
          ) : null}
          {canRecord && metrics.length > 0 ? (
            <Card>
              <CardHeader
                title="Upload a CSV"
                description="Every line is checked first; if any is wrong, nothing is imported and each problem is listed by line."
              />
              <CardBody>
                <CsvUploadForm serviceId={service.id} />
              </CardBody>
            </Card>
          ) : null}
          {canDefine ? (
            <Card>
              <CardHeader title="Define a metric" description="What to measure, which way is good, and the target to hold." />
              <CardBody>
                <MetricDefinitionForm serviceId={service.id} />
              </CardBody>
            </Card>
          ) : null}
        </div>

        <Card>
          <CardHeader
            title="Recent values"
            description="The latest 50, newest first."
            actions={
              values.length > 0 ? (
                <a
                  href={`/metrics/services/${service.id}/export`}
                  download
                  className="rounded-md px-2.5 py-1 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
                >
                  Download all values (CSV)
                </a>
              ) : undefined
            }
          />
          {values.length === 0 ? (
            <CardBody>
              <p className="text-sm text-slate-600">
                No values yet. They arrive from the form above, a CSV upload, or <code>POST /api/v1/metrics</code> with an API token.
              </p>
            </CardBody>
          ) : (
            <Table caption="Recent values">
              <thead>
                <tr>
                  <Th>Time</Th>
                  <Th>Metric</Th>
                  <Th className="text-right">Value</Th>
                  <Th>Recorded by</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {values.map((value) => {
                  const breached = breachesTarget(value.value, value.metric.target, value.metric.direction);
                  return (
                    <tr key={String(value.id)}>
                      <Td>
                        <DateTime value={value.recordedAt} />
                      </Td>
                      <Td>{value.metric.name}</Td>
                      <Td className={breached ? "text-right font-semibold text-red-700 tabular-nums" : "text-right tabular-nums"}>
                        {formatValue(value.value, value.metric.unit)}
                        {breached ? <span className="sr-only"> (breaches target)</span> : null}
                      </Td>
                      <Td className="text-slate-600">{value.recordedBy?.name ?? "—"}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
