import { toMinutes } from "@/lib/metrics/format";
import { DURATION_BUCKET_LABELS } from "@/lib/metrics/stats";
import type { IncidentDashboard } from "@/lib/metrics/dashboard";

/**
 * The data behind each chart and table as rows: the accessible table view and the CSV download
 * both come from here, so what a user reads, sees and downloads is the same data.
 */
export type DataTable = { columns: string[]; rows: (string | number | null)[][] };

export const CHARTS = ["distribution", "trend", "severity", "teams", "categories", "recurrence", "incidents"] as const;
export type ChartName = (typeof CHARTS)[number];

export function chartTable(chart: ChartName, dashboard: IncidentDashboard): DataTable {
  switch (chart) {
    case "distribution":
      return { columns: ["Time to resolve", "Incidents"], rows: DURATION_BUCKET_LABELS.map((label, index) => [label, dashboard.distribution[index] ?? 0]) };
    case "trend":
      return {
        columns: ["Week starting", "Incidents", "Median TTR (min)", "p90 TTR (min)", "Median TTD (min)"],
        rows: dashboard.trend.map((week) => [week.weekStart, week.incidents, toMinutes(week.ttrMedian), toMinutes(week.ttrP90), toMinutes(week.ttdMedian)]),
      };
    case "severity":
      return {
        columns: ["Severity", "Incidents", "Median TTD (min)", "Median TTM (min)", "Median TTR (min)", "p90 TTR (min)", "Mean TTR (min)"],
        rows: dashboard.severities.map((row) => [
          row.severity,
          row.incidents,
          toMinutes(row.ttd.median),
          toMinutes(row.ttm.median),
          toMinutes(row.ttr.median),
          toMinutes(row.ttr.p90),
          toMinutes(row.ttr.mean),
        ]),
      };
    case "teams":
      return {
        columns: [
          "Team",
          "Incidents",
          "Median TTR (min)",
          "p90 TTR (min)",
          "Median TTD (min)",
          "Actions created",
          "Actions done",
          "Close rate (%)",
          "Open actions",
          "Overdue actions",
        ],
        rows: dashboard.teams.map((team) => [
          team.name,
          team.incidents,
          toMinutes(team.ttr.median),
          toMinutes(team.ttr.p90),
          toMinutes(team.ttd.median),
          team.actions.created,
          team.actions.closed,
          team.closeRate === null ? null : Math.round(team.closeRate * 100),
          team.actions.open,
          team.actions.overdue,
        ]),
      };
    case "categories":
      return {
        columns: ["Category", "Incidents", "Median TTR (min)", "Total time to resolve (h)"],
        rows: dashboard.categories.map((row) => [row.name, row.incidents, toMinutes(row.ttrMedian), Math.round((row.ttrTotal / 3600) * 10) / 10]),
      };
    case "incidents":
      return {
        columns: ["COE", "Team", "Severity", "Started", "TTD (min)", "TTM (min)", "TTR (min)"],
        rows: dashboard.slowest.map((row) => [
          row.title,
          row.teamName,
          row.severity,
          row.startedAt.toISOString(),
          toMinutes(row.ttd),
          toMinutes(row.ttm),
          toMinutes(row.ttr),
        ]),
      };
    case "recurrence":
      return {
        columns: ["COE", "Started", "Recurs", "Approved (earlier)", "Service", "Category", "Days since approval"],
        rows: dashboard.recurrences.map((row) => [
          row.title,
          row.startedAt.toISOString(),
          row.earlierTitle,
          row.earlierApprovedAt.toISOString(),
          row.serviceName,
          row.categoryName,
          Math.round(row.daysApart * 10) / 10,
        ]),
      };
  }
}
