import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ChartIcon } from "@/components/shell/icons";
import { requirePageUser } from "@/lib/auth/session";
import { cordMetrics } from "@/lib/cords/metrics";
import { stoppedServiceIds } from "@/lib/cords/queries";
import { FULL_DETAIL, loadIncidentDashboard } from "@/lib/metrics/dashboard";
import { incidentFilter, metricsViewSchema, WINDOWS } from "@/lib/metrics/schemas";
import { SEVERITIES } from "@/lib/coes/questions";
import { resolveMetricsScope } from "@/lib/metrics/scope";
import { dailySeries, metricCards } from "@/lib/metrics/service-queries";
import { can } from "@/lib/permissions";
import { CordSection } from "./cord-section";
import { Headline } from "./headline";
import { Categories, DistributionAndTrend, NEWEST_RECURRENCES, Recurrences, SeverityTable, SlowestIncidents, TeamTable } from "./incident-sections";
import { PilotPanel } from "./pilot-panel";
import { SegmentedLinks } from "./segmented-links";
import { MAX_METRIC_CARDS, metricCardCount, ServiceMetricsSection } from "./service-metrics-section";
import { TeamSwitcher } from "@/components/ui/team-switcher";
import { viewHref } from "./view-href";

export const metadata: Metadata = { title: "Metrics" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

export default async function MetricsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser();
  const parsedView = metricsViewSchema.parse(firstValues(await searchParams));
  const scope = await resolveMetricsScope(user, parsedView.team);
  if (!scope) {
    return (
      <>
        <PageHeader title="Metrics" />
        <EmptyState title="You are not on a team yet" icon={<ChartIcon />}>
          Metrics are shown per team, rolled up the org tree. Once an admin adds you to a team, its MTTR, incident trends and key service metrics appear here.
        </EmptyState>
      </>
    );
  }
  const view = { ...parsedView, team: scope.team.id };
  const filter = incidentFilter(view);
  const now = new Date();
  // One more recurrence than drawn tells whether to offer the rest.
  const detail = { teams: view.teams, recurrences: view.recurrences === "all" ? FULL_DETAIL.recurrences : NEWEST_RECURRENCES + 1 };
  const cards = metricCardCount(view.metrics);
  const [dashboard, metrics, stopped, cords] = await Promise.all([
    loadIncidentDashboard(scope, filter, now, detail),
    metricCards(user, scope.teamIds, cards),
    stoppedServiceIds(user, { teamIds: scope.teamIds }),
    cordMetrics(scope, filter.windowDays, now),
  ]);
  const series = await dailySeries(
    user,
    metrics.cards.map((metric) => metric.id),
    now,
  );
  const pilotNow = dashboard.pilotNow;

  const pilot = dashboard.pilot;
  // A pilot's baseline covers every severity, so it is the reference only when the view does too.
  const baseline =
    pilot && pilot.metric === "MTTR" && filter.severity === null
      ? { label: "pilot baseline", median: pilot.baselineMedianSec }
      : { label: "the year before", median: dashboard.headline.yearBefore.ttr.median };
  const subTeams = scope.teamIds.length - 1;

  return (
    <>
      <PageHeader
        title="Metrics"
        description={`${scope.team.name}${subTeams > 0 ? ` and its ${subTeams} sub-team${subTeams === 1 ? "" : "s"}` : ""}: MTTR and incident metrics from approved and closed COEs, and key service metrics.`}
      />
      <div className="space-y-6">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <TeamSwitcher
            id="metrics-team"
            label="Team"
            href={viewHref(view)}
            param="team"
            value={scope.team.id}
            valueLabel={scope.team.name}
            placeholder="Choose a team…"
            className="flex items-center gap-2 [&>div]:mt-0"
            labelClassName="text-sm font-medium text-slate-700"
          />
          <SegmentedLinks
            label="Severity"
            options={(["all", ...SEVERITIES] as const).map((severity) => ({
              label: severity === "all" ? "All" : severity,
              href: viewHref(view, { severity }),
              current: view.severity === severity,
            }))}
          />
          <SegmentedLinks
            label="Window"
            options={WINDOWS.map((window) => ({ label: `${window} d`, href: viewHref(view, { window }), current: view.window === window }))}
          />
        </div>

        <PilotPanel
          teamId={scope.team.id}
          teamName={scope.team.name}
          canManage={can(user, "metric.define", scope.team.id)}
          windowDays={filter.windowDays}
          pilot={
            pilot
              ? {
                  metric: pilot.metric,
                  baselineMedianSec: pilot.baselineMedianSec,
                  baselineCount: pilot.baselineCount,
                  startedAt: pilot.startedAt.toISOString(),
                  startedBy: pilot.startedBy?.name ?? null,
                  currentMedianSec: pilotNow?.median ?? null,
                  currentCount: pilotNow?.count ?? 0,
                }
              : null
          }
        />

        {dashboard.headline.current.incidents === 0 && dashboard.headline.previous.incidents === 0 && dashboard.headline.yearBefore.incidents === 0 ? (
          <EmptyState title="No incident data yet" icon={<ChartIcon />}>
            Once COEs of {scope.team.name} are approved with when each incident started, was detected, mitigated and resolved, this page shows time to detect
            and MTTR as distributions by severity and team, weekly trends, the top contributing factors and recurring incidents.
          </EmptyState>
        ) : (
          <>
            <Headline dashboard={dashboard} windowDays={filter.windowDays} baseline={baseline} />
            {dashboard.headline.current.incidents === 0 ? (
              <Alert
                tone="info"
                title={`No approved COEs of ${scope.team.name} started in the last ${filter.windowDays} days${filter.severity ? ` at ${filter.severity}` : ""}.`}
              >
                {dashboard.headline.yearBefore.incidents > 0
                  ? `The year before had ${dashboard.headline.yearBefore.incidents}. Choose a wider window to see their distribution, categories and recurrences.`
                  : "Distributions, categories and recurrences appear once COEs in this window are approved."}
              </Alert>
            ) : (
              <DistributionAndTrend dashboard={dashboard} view={view} />
            )}
            <TeamTable dashboard={dashboard} view={view} />
            {dashboard.headline.current.incidents > 0 ? (
              <>
                <SeverityTable dashboard={dashboard} view={view} />
                <div className="grid gap-4 lg:grid-cols-2">
                  <Categories dashboard={dashboard} view={view} />
                  <Recurrences dashboard={dashboard} view={view} />
                </div>
                <SlowestIncidents dashboard={dashboard} view={view} />
              </>
            ) : null}
          </>
        )}

        <CordSection metrics={cords} teamName={scope.team.name} windowDays={filter.windowDays} />

        <ServiceMetricsSection
          metrics={metrics}
          series={series}
          stopped={stopped}
          moreHref={cards < MAX_METRIC_CARDS && metrics.total > cards ? viewHref(view, { metrics: "all" }) : null}
        />
      </div>
    </>
  );
}
