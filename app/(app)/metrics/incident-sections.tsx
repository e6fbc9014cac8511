import Link from "next/link";
import { CategoryChart } from "./category-chart";
import { ChartPanel } from "./chart-panel";
import { DistributionChart } from "./distribution-chart";
import { TrendChart } from "./trend-chart";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { chartTable, type ChartName } from "@/lib/metrics/chart-tables";
import type { IncidentDashboard } from "@/lib/metrics/dashboard";
import { formatPct, formatSeconds } from "@/lib/metrics/format";
import { RECURRENCE_DAYS } from "@/lib/learnings/recurrence";
import type { MetricsView } from "@/lib/metrics/schemas";
import { DURATION_BUCKET_LABELS } from "@/lib/metrics/stats";
import { SegmentedLinks } from "./segmented-links";
import { viewHref } from "./view-href";

type Props = { dashboard: IncidentDashboard; view: MetricsView & { team: string } };

/** How many recurrences the page draws until "Show all" is chosen. */
export const NEWEST_RECURRENCES = 10;

function ShowMore({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="border-t border-slate-100 px-5 py-3 text-sm">
      <Link href={href} scroll={false} className="link font-medium">
        {children}
      </Link>
    </p>
  );
}

function csvHref(view: Props["view"], chart: ChartName): string {
  return viewHref(view, {}, `/metrics/export/${chart}`);
}

function hours(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 3600) * 100) / 100;
}

function NoIncidents({ what }: { what: string }) {
  return <p className="py-8 text-center text-sm text-slate-500">{what}</p>;
}

export function DistributionAndTrend({ dashboard, view }: Props) {
  const resolved = dashboard.distribution.reduce((sum, count) => sum + count, 0);
  const trendIncidents = dashboard.trend.reduce((sum, week) => sum + week.incidents, 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartPanel
        title="Time to resolve: distribution"
        description={`${resolved} resolved incident${resolved === 1 ? "" : "s"} in the window.`}
        table={chartTable("distribution", dashboard)}
        csvHref={csvHref(view, "distribution")}
        summary={`Incidents by time to resolve: ${DURATION_BUCKET_LABELS.map((label, index) => `${label}: ${dashboard.distribution[index]}`).join(", ")}.`}
        empty={
          resolved === 0 ? (
            <NoIncidents what="When approved COEs in this window record when the incident was resolved, their spread appears here." />
          ) : undefined
        }
      >
        <DistributionChart buckets={DURATION_BUCKET_LABELS.map((label, index) => ({ label, incidents: dashboard.distribution[index] ?? 0 }))} />
      </ChartPanel>
      <div className="space-y-2">
        <ChartPanel
          title="Weekly trend"
          description="Median and p90 time to resolve in hours, above the number of incidents, per week the incidents started."
          table={chartTable("trend", dashboard)}
          csvHref={csvHref(view, "trend")}
          summary={`${trendIncidents} incidents over ${dashboard.trend.length} weeks.`}
          empty={
            trendIncidents === 0 ? (
              <NoIncidents what={`No approved COEs in the last ${view.weeks} weeks. Each week's incidents and MTTR will be drawn here.`} />
            ) : undefined
          }
        >
          <TrendChart
            weeks={dashboard.trend.map((week) => ({
              week: week.weekStart,
              incidents: week.incidents,
              ttrMedianHours: hours(week.ttrMedian),
              ttrP90Hours: hours(week.ttrP90),
            }))}
          />
        </ChartPanel>
        <div className="flex justify-end">
          <SegmentedLinks
            label="Trend over"
            options={(["12", "26", "52"] as const).map((weeks) => ({
              label: `${weeks} weeks`,
              href: viewHref(view, { weeks }),
              current: view.weeks === weeks,
            }))}
          />
        </div>
      </div>
    </div>
  );
}

function TableCard({
  title,
  description,
  chart,
  view,
  children,
}: {
  view: Props["view"];
  title: string;
  description: string;
  chart: ChartName;
  children: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader
        title={title}
        description={description}
        actions={
          <a
            href={csvHref(view, chart)}
            download
            className="rounded-md px-2.5 py-1 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
          >
            Download CSV<span className="sr-only"> of {title}</span>
          </a>
        }
      />
      <div className="relative overflow-x-auto">{children}</div>
    </Card>
  );
}

const th = "px-3 py-2 text-xs font-semibold text-slate-600";
const td = "td-num";

export function SeverityTable({ dashboard, view }: Props) {
  return (
    <TableCard title="By severity" description="Every severity in the window, whatever the severity switch says." chart="severity" view={view}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="severity-table">
        <thead>
          <tr>
            <th scope="col" className={`${th} text-left`}>
              Severity
            </th>
            <th scope="col" className={`${th} text-right`}>
              Incidents
            </th>
            <th scope="col" className={`${th} text-right`}>
              Detect · median
            </th>
            <th scope="col" className={`${th} text-right`}>
              Mitigate · median
            </th>
            <th scope="col" className={`${th} text-right`}>
              Resolve · median
            </th>
            <th scope="col" className={`${th} text-right`}>
              Resolve · p90
            </th>
            <th scope="col" className={`${th} text-right`}>
              Resolve · mean
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {dashboard.severities.map((row) => (
            <tr key={row.severity} className={row.incidents === 0 ? "text-slate-500" : undefined}>
              <th scope="row" className="px-3 py-2 text-left font-medium text-slate-800">
                {row.severity}
              </th>
              <td className={td}>{row.incidents}</td>
              <td className={td}>{formatSeconds(row.ttd.median)}</td>
              <td className={td}>{formatSeconds(row.ttm.median)}</td>
              <td className={td}>{formatSeconds(row.ttr.median)}</td>
              <td className={td}>{formatSeconds(row.ttr.p90)}</td>
              <td className={td}>{formatSeconds(row.ttr.mean)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableCard>
  );
}

export function TeamTable({ dashboard, view }: Props) {
  return (
    <TableCard
      title="By team"
      description="Each team's figures include every team below it. Actions: created in the window; open and overdue as of now."
      chart="teams"
      view={view}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="team-table">
        <thead>
          <tr>
            <th scope="col" className={`${th} text-left`}>
              Team
            </th>
            <th scope="col" className={`${th} text-right`}>
              Incidents
            </th>
            <th scope="col" className={`${th} text-right`}>
              MTTR · median
            </th>
            <th scope="col" className={`${th} text-right`}>
              MTTR · p90
            </th>
            <th scope="col" className={`${th} text-right`}>
              Detect · median
            </th>
            <th scope="col" className={`${th} text-right`}>
              Close rate
            </th>
            <th scope="col" className={`${th} text-right`}>
              Open
            </th>
            <th scope="col" className={`${th} text-right`}>
              Overdue
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {dashboard.teams.map((team) => (
            <tr key={team.id}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span style={{ paddingLeft: `${team.depth * 1.25}rem` }} className="inline-flex items-center gap-2">
                  {team.depth > 0 ? (
                    <span aria-hidden className="text-slate-400">
                      └
                    </span>
                  ) : null}
                  <Link href={viewHref(view, { team: team.id })} className="link font-medium">
                    {team.name}
                  </Link>
                  {team.pilot ? <Badge tone="indigo">Pilot</Badge> : null}
                </span>
              </th>
              <td className={td}>{team.incidents}</td>
              <td className={td}>{formatSeconds(team.ttr.median)}</td>
              <td className={td}>{formatSeconds(team.ttr.p90)}</td>
              <td className={td}>{formatSeconds(team.ttd.median)}</td>
              <td className={td}>{formatPct(team.closeRate)}</td>
              <td className={td}>{team.actions.open}</td>
              <td className={`${td} ${team.actions.overdue > 0 ? "font-semibold text-red-700" : ""}`}>{team.actions.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {dashboard.teamCount > dashboard.teams.length ? (
        <ShowMore href={viewHref(view, { teams: "all" })}>Show all {dashboard.teamCount} teams of the subtree</ShowMore>
      ) : view.teams === "all" && dashboard.teams.some((team) => team.depth > 1) ? (
        <ShowMore href={viewHref(view, { teams: "children" })}>Show only the direct sub-teams</ShowMore>
      ) : null}
    </TableCard>
  );
}

export function Categories({ dashboard, view }: Props) {
  return (
    <ChartPanel
      title="Contributing factors"
      description="Incidents per contributing-factor category (a COE counts once per category), most frequent first."
      table={chartTable("categories", dashboard)}
      csvHref={csvHref(view, "categories")}
      summary={dashboard.categories.map((row) => `${row.name}: ${row.incidents}`).join(", ") || "No categories"}
      empty={
        dashboard.categories.length === 0 ? (
          <NoIncidents what="Once approved COEs name their contributing factors, the most frequent categories appear here." />
        ) : undefined
      }
    >
      <CategoryChart categories={dashboard.categories.map((row) => ({ name: row.name, incidents: row.incidents }))} />
    </ChartPanel>
  );
}

export function Recurrences({ dashboard, view }: Props) {
  const shown = view.recurrences === "all" ? dashboard.recurrences : dashboard.recurrences.slice(0, NEWEST_RECURRENCES);
  return (
    <TableCard
      title="Recurring incidents"
      description={`COEs in the window whose service and contributing-factor category match a COE approved in the ${RECURRENCE_DAYS} days before — the rule that flags "recurrence of" on a COE.`}
      chart="recurrence"
      view={view}
    >
      {dashboard.recurrences.length === 0 ? (
        <NoIncidents
          what={`No recurrences: no COE in this window hit the same service for the same kind of reason as one approved in the ${RECURRENCE_DAYS} days before.`}
        />
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="recurrence-list">
          {shown.map((row) => (
            <li key={`${row.coeId}-${row.earlierCoeId}-${row.serviceName}-${row.categoryName}`} className="px-5 py-3 text-sm">
              <Link href={`/coes/${row.coeId}`} className="link font-medium">
                {row.title}
              </Link>{" "}
              <span className="text-slate-500">
                (<DateTime value={row.startedAt} dateOnly />)
              </span>{" "}
              recurs{" "}
              <Link href={`/coes/${row.earlierCoeId}`} className="link font-medium">
                {row.earlierTitle}
              </Link>
              , approved {Math.round(row.daysApart)} days before
              <span className="ml-2 inline-flex gap-1.5">
                <Badge>{row.serviceName}</Badge>
                <Badge tone="amber">{row.categoryName}</Badge>
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown.length < dashboard.recurrences.length ? <ShowMore href={viewHref(view, { recurrences: "all" })}>Show all recurrences</ShowMore> : null}
    </TableCard>
  );
}

export function SlowestIncidents({ dashboard, view }: Props) {
  return (
    <TableCard
      title="Longest incidents"
      description="The window's incidents that took longest to resolve (unresolved first), each with its own times."
      chart="incidents"
      view={view}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="incident-table">
        <thead>
          <tr>
            <th scope="col" className={`${th} text-left`}>
              COE
            </th>
            <th scope="col" className={`${th} text-left`}>
              Team
            </th>
            <th scope="col" className={`${th} text-left`}>
              Severity
            </th>
            <th scope="col" className={`${th} text-right`}>
              Started
            </th>
            <th scope="col" className={`${th} text-right`}>
              Detect
            </th>
            <th scope="col" className={`${th} text-right`}>
              Mitigate
            </th>
            <th scope="col" className={`${th} text-right`}>
              Resolve
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {dashboard.slowest.map((row) => (
            <tr key={row.coeId}>
              <th scope="row" className="max-w-md px-3 py-2 text-left font-normal">
                <Link href={`/coes/${row.coeId}`} className="link font-medium">
                  {row.title}
                </Link>
              </th>
              <td className="px-3 py-2 text-slate-700">{row.teamName}</td>
              <td className="px-3 py-2 text-slate-700">{row.severity}</td>
              <td className={td}>
                <DateTime value={row.startedAt} dateOnly />
              </td>
              <td className={td}>{formatSeconds(row.ttd)}</td>
              <td className={td}>{formatSeconds(row.ttm)}</td>
              <td className={td}>{formatSeconds(row.ttr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableCard>
  );
}
