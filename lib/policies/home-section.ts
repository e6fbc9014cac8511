import "server-only";
import { Prisma, type PolicySeverity } from "@/lib/generated/prisma/client";
import { firstRowsWithTotalSql, jsonDate, type JsonRow } from "@/lib/sql-sections";
import type { CurrentUser } from "@/lib/auth/principal";
import { visibleFindingsSql } from "@/lib/policies/access";

/**
 * Home's "Policy findings" block as a section of home's one statement (lib/sql-sections.ts): open
 * findings of enforced rules on the given teams' services, most severe first, then longest failing.
 * The caller passes the teams to show (their own subtrees); the reader's visibility rule applies too.
 */
export function openFindingsSectionSql(user: CurrentUser, teamIds: string[], take: number): Prisma.Sql {
  // The enforced rule is joined, not looked up per finding: its severity orders the rows (a subquery
  // per open finding cost 2,635 index lookups for a manager of a quarter of the bench organization).
  return firstRowsWithTotalSql({
    table: "policy_findings",
    alias: "f",
    narrowingJoins: Prisma.sql`JOIN policy_rules r ON r.id = f.rule_id AND r.status = 'ENFORCED'`,
    where: Prisma.sql`${visibleFindingsSql(user)} AND f.team_id = ANY(${teamIds}::text[]) AND f.status = 'OPEN'`,
    orderBy: Prisma.sql`r.severity ASC, f.opened_at ASC, f.id ASC`,
    limit: take,
    columns: Prisma.sql`f.id, f.opened_at AS "openedAt", s.name AS "serviceName", r.name AS "ruleName", r.severity::text AS severity, t.name AS "teamName"`,
    joins: Prisma.sql`JOIN policy_rules r ON r.id = f.rule_id JOIN services s ON s.id = f.service_id JOIN teams t ON t.id = f.team_id`,
  });
}

/** A row of openFindingsSectionSql, as home shows it. */
export function homeFindingFrom(row: JsonRow) {
  return {
    id: String(row.id),
    openedAt: jsonDate(row.openedAt) ?? new Date(0),
    serviceName: String(row.serviceName),
    ruleName: String(row.ruleName),
    severity: row.severity as PolicySeverity,
    teamName: String(row.teamName),
  };
}
