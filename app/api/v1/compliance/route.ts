import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { complianceSchema, complianceQuerySchema } from "@/lib/policies/api-schemas";
import { complianceForTeam } from "@/lib/policies/compliance";
import { passing, passingPercent, type ComplianceCounts } from "@/lib/policies/rollup";
import type { z } from "zod";

function countsJson(counts: ComplianceCounts) {
  return { ...counts, passing: passing(counts), passingPercent: passingPercent(counts) };
}

// A team the caller cannot read is a 404, as if it did not exist.
export const GET = apiRoute({ query: complianceQuerySchema }, async ({ user, query }): Promise<z.input<typeof complianceSchema>> => {
  const view = await complianceForTeam(user, query.team ?? null, query);
  if (!view) throw new NotFoundError("The team");
  return {
    team: { id: view.team.id, name: view.team.name },
    total: countsJson(view.total),
    children: view.children.map((child) => ({ id: child.id, name: child.name, counts: countsJson(child.counts) })),
    trend: view.trend.map((week) => ({ weekStart: week.week.toISOString().slice(0, 10), counts: week.counts ? countsJson(week.counts) : null })),
    rules: view.heatRows.map((row) => {
      const cells = [...row.cells.values()];
      return {
        ruleId: row.ruleId,
        ruleName: row.ruleName,
        severity: row.severity,
        open: cells.reduce((sum, cell) => sum + cell.open, 0),
        acknowledged: cells.reduce((sum, cell) => sum + cell.acknowledged, 0),
      };
    }),
  };
});
