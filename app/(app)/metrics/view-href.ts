import type { MetricsView } from "@/lib/metrics/schemas";

/** The metrics page URL for a view, changing some of its settings; defaults are left out. */
export function viewHref(view: MetricsView & { team?: string }, changes: Partial<MetricsView> = {}, path = "/metrics"): string {
  const next = { ...view, ...changes };
  const params = new URLSearchParams();
  if (next.team) params.set("team", next.team);
  if (next.severity !== "all") params.set("severity", next.severity);
  if (next.window !== "90") params.set("window", next.window);
  if (next.weeks !== "26") params.set("weeks", next.weeks);
  if (next.teams !== "children") params.set("teams", next.teams);
  if (next.recurrences !== "newest") params.set("recurrences", next.recurrences);
  if (next.metrics !== "first") params.set("metrics", next.metrics);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
