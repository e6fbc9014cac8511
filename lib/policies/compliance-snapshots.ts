import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";
import { ruleApplies, scopeTeams } from "@/lib/policies/applicability";
import { weekStart } from "@/lib/policies/sql";

type SnapshotRule = { id: string; scopeTeamId: string | null; applicableFactKey: string | null };
type SnapshotTeam = { id: string; parentId: string | null };
/** What an evaluation has already read and the recount can reuse. */
export type KnownRulesAndTeams = { enforcedRules: SnapshotRule[]; teams: SnapshotTeam[] };

type TeamCounts = { applicable: number; failing: number; acknowledged: number; failingCritical: number; failingHigh: number };

/**
 * Recounts this week's compliance per team (its own services only; the view sums subtrees) after an
 * evaluation: applicable (rule, service) pairs from the enforced rules' scopes, failing and
 * acknowledged from the findings. One upsert statement for every team, or for `teamIds` only when
 * just their services were evaluated. `known` passes the enforced rules and the teams when the caller
 * has just read them (in the same transaction).
 */
export async function refreshComplianceSnapshots(
  tx: DbClient,
  organizationId: string,
  options: { teamIds?: string[]; now?: Date; known?: KnownRulesAndTeams } = {},
): Promise<void> {
  const { teamIds, now = new Date(), known } = options;
  if (teamIds?.length === 0) return;
  const [rules, services, allTeams] = await Promise.all([
    known?.enforcedRules ??
      tx.policyRule.findMany({ where: { organizationId, status: "ENFORCED" }, select: { id: true, scopeTeamId: true, applicableFactKey: true } }),
    tx.service.findMany({ where: { organizationId, ...(teamIds ? { teamId: { in: teamIds } } : {}) }, select: { id: true, teamId: true } }),
    known?.teams ?? tx.team.findMany({ where: { organizationId }, select: { id: true, parentId: true } }),
  ]);
  const teams = teamIds ? allTeams.filter((team) => teamIds.includes(team.id)) : allTeams;
  const keys = [...new Set(rules.flatMap((rule) => (rule.applicableFactKey ? [rule.applicableFactKey] : [])))];
  const present = new Map<string, Record<string, true>>();
  if (keys.length > 0) {
    const rows = await tx.$queryRaw<{ service_id: string; key: string }[]>`
      SELECT service_id, key FROM service_facts
      WHERE organization_id = ${organizationId} AND key = ANY(${keys}::text[])
        ${teamIds ? Prisma.sql`AND service_id = ANY(${services.map((service) => service.id)}::text[])` : Prisma.empty}
        AND value IS NOT NULL AND value <> 'false'::jsonb AND value <> '""'::jsonb AND value <> 'null'::jsonb`;
    for (const row of rows) present.set(row.service_id, { ...(present.get(row.service_id) ?? {}), [row.key]: true });
  }
  const counts = new Map<string, TeamCounts>(
    teams.map((team) => [team.id, { applicable: 0, failing: 0, acknowledged: 0, failingCritical: 0, failingHigh: 0 }]),
  );
  const scopes = scopeTeams(rules, allTeams);
  for (const service of services) {
    const facts = present.get(service.id);
    let applicable = 0;
    for (const rule of rules) if (ruleApplies(rule, scopes.get(rule.id), service, facts)) applicable += 1;
    counts.get(service.teamId)!.applicable += applicable;
  }
  const findings = await tx.$queryRaw<{ team_id: string; status: string; severity: string; count: number }[]>`
    SELECT f.team_id, f.status::text AS status, r.severity::text AS severity, count(*)::int AS count
    FROM policy_findings f JOIN policy_rules r ON r.id = f.rule_id
    WHERE f.organization_id = ${organizationId} AND f.status <> 'RESOLVED' AND r.status = 'ENFORCED'
      ${teamIds ? Prisma.sql`AND f.team_id = ANY(${teamIds}::text[])` : Prisma.empty}
    GROUP BY f.team_id, f.status, r.severity`;
  for (const row of findings) {
    const team = counts.get(row.team_id);
    if (!team) continue;
    if (row.status === "ACKNOWLEDGED") team.acknowledged += row.count;
    else {
      team.failing += row.count;
      if (row.severity === "CRITICAL") team.failingCritical += row.count;
      if (row.severity === "HIGH") team.failingHigh += row.count;
    }
  }
  const rows = [...counts].map(([teamId, c]) => ({
    team_id: teamId,
    applicable: c.applicable,
    failing: c.failing,
    acknowledged: c.acknowledged,
    failing_critical: c.failingCritical,
    failing_high: c.failingHigh,
  }));
  if (rows.length === 0) return;
  const week = weekStart(now).toISOString().slice(0, 10);
  await tx.$executeRaw`
    INSERT INTO compliance_snapshots (organization_id, team_id, week_start, applicable, failing, acknowledged, failing_critical, failing_high, updated_at)
    SELECT ${organizationId}, x.team_id, ${week}::date, x.applicable, x.failing, x.acknowledged, x.failing_critical, x.failing_high, now() AT TIME ZONE 'UTC'
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(team_id text, applicable int, failing int, acknowledged int, failing_critical int, failing_high int)
    ON CONFLICT (team_id, week_start) DO UPDATE SET
      applicable = EXCLUDED.applicable, failing = EXCLUDED.failing, acknowledged = EXCLUDED.acknowledged,
      failing_critical = EXCLUDED.failing_critical, failing_high = EXCLUDED.failing_high, updated_at = EXCLUDED.updated_at`;
}
