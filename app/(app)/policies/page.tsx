import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LineStoppedBadge } from "@/components/cords/line-stopped-badge";
import { FindingStatusBadge, SeverityBadge } from "@/components/policies/policy-badges";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";
import { inputClasses } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableEmpty, TableHead } from "@/components/ui/table-parts";
import { requirePageUser } from "@/lib/auth/session";
import { stoppedServiceIds } from "@/lib/cords/queries";
import { flattenTree } from "@/lib/org/tree";
import { complianceForTeam } from "@/lib/policies/compliance";
import { listFindings } from "@/lib/policies/queries";
import { passing, passingPercent, type ComplianceCounts } from "@/lib/policies/rollup";
import { RULE_KINDS, SEVERITIES, SEVERITY_LABELS } from "@/lib/policies/schemas";
import { searchParam, type RawSearchParams } from "@/lib/validation/search-params";

export const metadata: Metadata = { title: "Policies" };

function pct(counts: ComplianceCounts): string {
  const value = passingPercent(counts);
  return value === null ? "—" : `${value} %`;
}

function CountsCells({ counts }: { counts: ComplianceCounts }) {
  return (
    <>
      <Td className="font-medium text-slate-900">{pct(counts)}</Td>
      <Td>{passing(counts)}</Td>
      <Td>{counts.failing}</Td>
      <Td>{counts.failingCritical}</Td>
      <Td>{counts.failingHigh}</Td>
      <Td>{counts.acknowledged}</Td>
    </>
  );
}

const COUNT_COLUMNS = ["Passing %", "Passing", "Failing", "Critical", "High", "Acknowledged"];

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const search = { team: searchParam(params, "team", 64), kind: searchParam(params, "kind"), severity: searchParam(params, "severity") };
  const filter = {
    kind: RULE_KINDS.find((kind) => kind === search.kind),
    severity: SEVERITIES.find((severity) => severity === search.severity),
    category: searchParam(params, "category", 60),
  };
  const view = await complianceForTeam(user, search.team ?? null, filter);
  if (!view) {
    if (search.team) redirect("/policies");
    return (
      <>
        <PageHeader title="Policies" description="Rules that check every service, findings and compliance rolled up the org tree." />
        <p className="text-sm text-slate-700">
          You are not on a team yet, so there is no compliance to show.{" "}
          <Link className="text-indigo-700 underline" href="/policies/rules">
            See the rules
          </Link>
          .
        </p>
      </>
    );
  }
  const findings = await listFindings(user, { teamId: view.team.id, ...filter }, { limit: 25 });
  const stopped = await stoppedServiceIds(user, {
    serviceIds: [...findings.slice(0, 25).map((finding) => finding.serviceId), ...view.services.map((service) => service.id)],
  });
  const query = new URLSearchParams(Object.entries({ team: view.team.id, ...filter }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const trendMax = Math.max(1, ...view.trend.map((week) => week.counts?.applicable ?? 0));

  return (
    <>
      <PageHeader
        title={`Compliance — ${view.team.name}`}
        description="Share of applicable (rule, service) pairs passing in this team and every team below it. Acknowledged findings count separately, never as passing."
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/policies/rules" variant="secondary">
              Rules
            </ButtonLink>
            <ButtonLink href={`/policies/export?${query.toString()}`} variant="secondary">
              Export CSV
            </ButtonLink>
            {user.isAdmin ? (
              <ButtonLink href="/policies/catalog" variant="secondary">
                Import catalog
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-2" aria-label="Compliance filters">
        <div>
          <label htmlFor="policy-team" className="block text-sm font-medium text-slate-800">
            Team
          </label>
          <select id="policy-team" name="team" defaultValue={view.team.id} className={`${inputClasses} mt-1.5 sm:min-w-56`}>
            {view.parent ? <option value={view.parent.id}>↑ {view.parent.name}</option> : null}
            {view.roots.map((root) => (
              <option key={root.id} value={root.id}>
                {root.name}
              </option>
            ))}
            {flattenTree(view.children.map((child) => ({ id: child.id, name: child.name, parentId: null }))).map(({ team }) => (
              <option key={team.id} value={team.id}>
                · {team.name}
              </option>
            ))}
            {view.roots.some((root) => root.id === view.team.id) ? null : <option value={view.team.id}>{view.team.name}</option>}
          </select>
        </div>
        <CollapsibleFilters activeCount={[filter.kind, filter.severity, filter.category].filter(Boolean).length} className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="policy-kind" className="block text-sm font-medium text-slate-800">
              Kind
            </label>
            <select id="policy-kind" name="kind" defaultValue={filter.kind ?? ""} className={`${inputClasses} mt-1.5`}>
              <option value="">Risks and opportunities</option>
              <option value="RISK">Risks</option>
              <option value="OPPORTUNITY">Opportunities</option>
            </select>
          </div>
          <div>
            <label htmlFor="policy-severity" className="block text-sm font-medium text-slate-800">
              Severity
            </label>
            <select id="policy-severity" name="severity" defaultValue={filter.severity ?? ""} className={`${inputClasses} mt-1.5`}>
              <option value="">Any severity</option>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {SEVERITY_LABELS[severity]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="policy-category" className="block text-sm font-medium text-slate-800">
              Category
            </label>
            <input
              id="policy-category"
              name="category"
              defaultValue={filter.category ?? ""}
              placeholder="e.g. security"
              className={`${inputClasses} mt-1.5 w-36`}
            />
          </div>
        </CollapsibleFilters>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>

      <section aria-label="Totals" className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          { label: "Passing", value: pct(view.total), testId: "compliance-percent" },
          { label: "Failing", value: String(view.total.failing), testId: "compliance-failing" },
          { label: "Critical failing", value: String(view.total.failingCritical), testId: "compliance-critical" },
          { label: "Acknowledged", value: String(view.total.acknowledged), testId: "compliance-acknowledged" },
        ].map((tile) => (
          <div key={tile.label} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">{tile.label}</p>
            <p className="mt-1 text-2xl font-semibold text-slate-900" data-testid={tile.testId}>
              {tile.value}
            </p>
          </div>
        ))}
      </section>

      <Card className="mb-6">
        <CardHeader title="Sub-teams" description="Each with its whole subtree. Open one to drill down." />
        {view.children.length === 0 ? (
          <TableEmpty>No sub-teams.</TableEmpty>
        ) : (
          <Table caption="Compliance per sub-team">
            <TableHead columns={["Team", ...COUNT_COLUMNS]} />
            <TableBody>
              {view.children.map((child) => (
                <tr key={child.id}>
                  <Td>
                    <Link className="link font-medium" href={`/policies?team=${child.id}`}>
                      {child.name}
                    </Link>
                  </Td>
                  <CountsCells counts={child.counts} />
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>

      <Card className="mb-6">
        <CardHeader title="Open findings" description="Newest first: open and acknowledged, in this team's subtree." />
        {findings.length === 0 ? (
          <TableEmpty>Nothing failing here. Enforce rules on the Rules page to start checking.</TableEmpty>
        ) : (
          <Table caption="Open findings">
            <TableHead columns={["Rule", "Service", "Team", "Severity", "Status", "Since"]} />
            <TableBody>
              {findings.slice(0, 25).map((finding) => (
                <tr key={finding.id}>
                  <Td>
                    <Link className="link font-medium" href={`/policies/findings/${finding.id}`}>
                      {finding.rule.name}
                    </Link>
                  </Td>
                  <Td>
                    {finding.service.name}
                    {stopped.has(finding.serviceId) ? <LineStoppedBadge serviceId={finding.serviceId} className="ml-2" /> : null}
                  </Td>
                  <Td>{finding.team.name}</Td>
                  <Td>
                    <SeverityBadge severity={finding.rule.severity} />
                  </Td>
                  <Td>
                    <FindingStatusBadge status={finding.status} />
                  </Td>
                  <Td>{finding.openedAt.toISOString().slice(0, 10)}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>

      <Card className="mb-6">
        <CardHeader title="Rules × teams" description="Failing findings per rule and sub-team (acknowledged in brackets)." />
        {view.heatRows.length === 0 ? (
          <TableEmpty>No failing rules.</TableEmpty>
        ) : (
          <Table caption="Heat map of failing rules per team">
            <TableHead columns={["Rule", ...view.heatColumns.map((column) => column.name)]} />
            <TableBody>
              {view.heatRows.map((row) => (
                <tr key={row.ruleId}>
                  <Td>
                    <Link className="link" href={`/policies/rules/${row.ruleId}`}>
                      {row.ruleName}
                    </Link>
                  </Td>
                  {view.heatColumns.map((column) => {
                    const cell = row.cells.get(column.id);
                    const tone = !cell || cell.open === 0 ? "" : cell.open > 5 ? "heat-many" : "heat-some";
                    return (
                      <Td key={column.id} className={tone}>
                        {cell ? `${cell.open}${cell.acknowledged ? ` (${cell.acknowledged})` : ""}` : "0"}
                      </Td>
                    );
                  })}
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>

      <Card className="mb-6">
        <CardHeader title="Services of this team" description="Its own services (sub-teams' services are under each sub-team)." />
        {view.services.length === 0 ? (
          <TableEmpty>This team runs no services itself.</TableEmpty>
        ) : (
          <Table caption="Services and their findings">
            <TableHead columns={["Service", "Open", "Acknowledged"]} />
            <TableBody>
              {view.services.map((service) => (
                <tr key={service.id}>
                  <Td>
                    <Link className="link" href={`/services/${service.id}`}>
                      {service.name}
                    </Link>
                    {stopped.has(service.id) ? <LineStoppedBadge serviceId={service.id} className="ml-2" /> : null}
                  </Td>
                  <Td>{service.open}</Td>
                  <Td>{service.acknowledged}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>

      <Card>
        <CardHeader title="Trend" description="Passing share per week, last 12 weeks." />
        <ol className="flex items-end gap-1 overflow-x-auto px-5 pb-4 pt-2" aria-label="Weekly passing share">
          {view.trend.map((week) => {
            const percent = week.counts ? passingPercent(week.counts) : null;
            const height = week.counts ? Math.max(4, Math.round((week.counts.applicable / trendMax) * 80)) : 4;
            return (
              <li key={week.week.toISOString()} className="flex min-w-10 flex-col items-center gap-1 text-xs text-slate-700">
                <span>{percent === null ? "—" : `${Math.round(percent)}%`}</span>
                <span className="w-6 rounded bg-indigo-200" style={{ height }} title={`Week of ${week.week.toISOString().slice(0, 10)}`} />
                <span>{week.week.toISOString().slice(5, 10)}</span>
              </li>
            );
          })}
        </ol>
      </Card>
    </>
  );
}
