import { sessionRoute } from "@/lib/api/session-route";
import { csvDownload } from "@/lib/csv";
import { listFindings } from "@/lib/policies/queries";
import { RULE_KINDS, SEVERITIES } from "@/lib/policies/schemas";
import { searchParam } from "@/lib/validation/search-params";

/** The findings of a team's subtree as CSV, scoped like the page (only teams the caller reads). */
export const GET = sessionRoute(async ({ request, user }) => {
  // Read like the page's filters (first value, NUL dropped), so a=%00 in a link is no 500.
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const param = (key: string, max?: number) => searchParam(params, key, max);
  const rows = await listFindings(
    user,
    {
      teamId: param("team", 64),
      kind: RULE_KINDS.find((kind) => kind === param("kind")),
      severity: SEVERITIES.find((severity) => severity === param("severity")),
      category: param("category", 60),
    },
    { limit: 10_000 },
  );
  const header = ["finding", "rule", "severity", "kind", "category", "service", "team", "status", "opened_at", "episode", "fact_values"];
  return csvDownload(
    "findings.csv",
    header,
    rows.map((row) => [
      row.id,
      row.rule.name,
      row.rule.severity,
      row.rule.kind,
      row.rule.category,
      row.service.name,
      row.team.name,
      row.status,
      row.openedAt,
      row.episode,
      JSON.stringify(row.factValues),
    ]),
  );
});
