import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { subtreeIds } from "@/lib/org/tree";
import { add, rollUp, ZERO, type ComplianceCounts } from "@/lib/policies/rollup";
import { visibleFindingsSql } from "@/lib/policies/access";
import { complianceRoots } from "@/lib/policies/queries";
import { weekStart } from "@/lib/policies/sql";
import type { FindingFilter } from "@/lib/policies/queries";

const TREND_WEEKS = 12;

type SnapshotRow = {
  team_id: string;
  week_start: Date;
  applicable: number;
  failing: number;
  acknowledged: number;
  failing_critical: number;
  failing_high: number;
};

/**
 * The compliance view of one team with its subtree: the totals, each sub-team rolled up, the team's
 * own services, a 12-week trend and a rules × sub-teams heat map of failing findings. Null when the
 * caller cannot read the team. Reads: snapshots (one), services (one), heat map (one).
 */
export async function complianceForTeam(user: CurrentUser, teamId: string | null, filter: Pick<FindingFilter, "kind" | "category" | "severity"> = {}) {
  const { teams, roots, canRead } = await complianceRoots(user);
  const rootId = teamId ?? roots[0]?.id ?? null;
  const team = teams.find((candidate) => candidate.id === rootId);
  // An unknown team id (a stale or edited link) is no team to show, even for an admin who may read all.
  if (!rootId || !team || !canRead(rootId)) return null;
  const subtree = subtreeIds(teams, rootId);
  const since = new Date(weekStart(new Date()).getTime() - (TREND_WEEKS - 1) * 7 * 86_400_000);
  const snapshots = await db.$queryRaw<SnapshotRow[]>`
    SELECT team_id, week_start, applicable, failing, acknowledged, failing_critical, failing_high FROM compliance_snapshots
    WHERE organization_id = ${user.organizationId} AND team_id = ANY(${subtree}::text[]) AND week_start >= ${since.toISOString().slice(0, 10)}::date`;
  const latestWeek = snapshots.reduce<number>((latest, row) => Math.max(latest, row.week_start.getTime()), 0);
  const own = new Map<string, ComplianceCounts>();
  const weekly = new Map<number, ComplianceCounts>();
  for (const row of snapshots) {
    const counts = {
      applicable: row.applicable,
      failing: row.failing,
      acknowledged: row.acknowledged,
      failingCritical: row.failing_critical,
      failingHigh: row.failing_high,
    };
    weekly.set(row.week_start.getTime(), add(weekly.get(row.week_start.getTime()) ?? ZERO, counts));
    if (row.week_start.getTime() === latestWeek) own.set(row.team_id, counts);
  }
  const children = teams.filter((candidate) => candidate.parentId === rootId).sort((a, b) => a.name.localeCompare(b.name));
  const trend = [...Array(TREND_WEEKS).keys()].map((index) => {
    const week = new Date(since.getTime() + index * 7 * 86_400_000);
    return { week, counts: weekly.get(week.getTime()) ?? null };
  });

  const ruleFilter = Prisma.sql`${filter.kind ? Prisma.sql`AND r.kind::text = ${filter.kind}` : Prisma.empty}
    ${filter.severity ? Prisma.sql`AND r.severity::text = ${filter.severity}` : Prisma.empty}
    ${filter.category ? Prisma.sql`AND r.category = ${filter.category}` : Prisma.empty}`;
  const [cells, services] = await Promise.all([
    db.$queryRaw<{ rule_id: string; rule_name: string; severity: string; team_id: string; open: number; acknowledged: number }[]>`
      SELECT f.rule_id, r.name AS rule_name, r.severity::text AS severity, f.team_id,
        count(*) FILTER (WHERE f.status = 'OPEN')::int AS open, count(*) FILTER (WHERE f.status = 'ACKNOWLEDGED')::int AS acknowledged
      FROM policy_findings f JOIN policy_rules r ON r.id = f.rule_id
      WHERE ${visibleFindingsSql(user)} AND f.team_id = ANY(${subtree}::text[]) AND f.status IN ('OPEN', 'ACKNOWLEDGED') AND r.status = 'ENFORCED' ${ruleFilter}
      GROUP BY f.rule_id, r.name, r.severity, f.team_id`,
    db.$queryRaw<{ id: string; name: string; open: number; acknowledged: number }[]>`
      SELECT s.id, s.name,
        count(f.id) FILTER (WHERE f.status = 'OPEN')::int AS open, count(f.id) FILTER (WHERE f.status = 'ACKNOWLEDGED')::int AS acknowledged
      FROM services s LEFT JOIN policy_findings f ON f.service_id = s.id AND f.status IN ('OPEN', 'ACKNOWLEDGED')
      WHERE s.organization_id = ${user.organizationId} AND s.team_id = ${rootId}
      GROUP BY s.id, s.name ORDER BY count(f.id) FILTER (WHERE f.status = 'OPEN') DESC, s.name LIMIT 100`,
  ]);

  // Heat-map columns: the team's own services, then each sub-team with its subtree.
  const columnOf = new Map<string, string>();
  columnOf.set(rootId, rootId);
  for (const child of children) for (const id of subtreeIds(teams, child.id)) columnOf.set(id, child.id);
  const heat = new Map<string, { ruleId: string; ruleName: string; severity: string; cells: Map<string, { open: number; acknowledged: number }> }>();
  for (const cell of cells) {
    const row = heat.get(cell.rule_id) ?? { ruleId: cell.rule_id, ruleName: cell.rule_name, severity: cell.severity, cells: new Map() };
    const column = columnOf.get(cell.team_id) ?? rootId;
    const current = row.cells.get(column) ?? { open: 0, acknowledged: 0 };
    row.cells.set(column, { open: current.open + cell.open, acknowledged: current.acknowledged + cell.acknowledged });
    heat.set(cell.rule_id, row);
  }
  const severityRank: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };
  const heatRows = [...heat.values()].sort((a, b) => severityRank[a.severity]! - severityRank[b.severity]! || a.ruleName.localeCompare(b.ruleName));

  return {
    team: { id: team.id, name: team.name, parentId: team.parentId },
    parent: team.parentId && canRead(team.parentId) ? (teams.find((candidate) => candidate.id === team.parentId) ?? null) : null,
    roots: roots.map((root) => ({ id: root.id, name: root.name })),
    total: rollUp(teams, own, rootId),
    ownCounts: own.get(rootId) ?? ZERO,
    children: children.map((child) => ({ id: child.id, name: child.name, counts: rollUp(teams, own, child.id) })),
    trend,
    heatColumns: [{ id: rootId, name: `${team.name} (own services)` }, ...children.map((child) => ({ id: child.id, name: child.name }))],
    heatRows,
    services,
  };
}
