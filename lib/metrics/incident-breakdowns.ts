import "server-only";
import type { CoeScope } from "@/lib/metrics/incident-sql";
import {
  ACTION_KEYS,
  actionFiguresSection,
  byCategorySection,
  recurrencesSection,
  runSection,
  type ActionFigures,
  type CategoryRow,
  type RecurrenceRow,
} from "@/lib/metrics/incident-sections";
import type { Windows } from "@/lib/metrics/incident-queries";
import { type CoeSeverity } from "@/lib/generated/prisma/enums";
import { rollUp } from "@/lib/metrics/stats";
import type { TeamNode } from "@/lib/org/tree";

// Incident counts by contributing-factor category, recurrences, and corrective-action health.

export type { ActionFigures, CategoryRow, RecurrenceRow };

/** Incidents per contributing-factor category (a COE counts once per category), most frequent first. */
export async function byCategory(scope: CoeScope, windows: Windows, severity: CoeSeverity | null): Promise<CategoryRow[]> {
  return runSection(scope, windows.from, windows.to, byCategorySection(windows.from, windows.to, severity));
}

/**
 * Recurrences: a COE in the window that recurs an earlier COE of the scope by the COE page's rule
 * (lib/learnings/recurrence.ts), paired per service and category with the most recently approved
 * such COE. Newest first.
 */
export async function recurrences(scope: CoeScope, windows: Windows, limit = 50): Promise<RecurrenceRow[]> {
  return runSection(scope, windows.from, windows.to, recurrencesSection(scope, windows.from, windows.to, limit));
}

/** The day (UTC) an action due before it is overdue. */
export function actionDay(windows: Windows): string {
  return windows.to.toISOString().slice(0, 10);
}

/** Each team's own figures summed over its subtree within the scope. */
export function rollUpActionFigures(scope: CoeScope, teams: readonly TeamNode[], own: ReadonlyMap<string, ActionFigures>): Map<string, ActionFigures> {
  const inScope = new Set(scope.teamIds);
  const scoped = teams.filter((team) => inScope.has(team.id));
  return rollUp(
    scoped.map((team) => ({ id: team.id, parentId: inScope.has(team.parentId ?? "") ? team.parentId : null })),
    own,
    ACTION_KEYS,
  );
}

/**
 * Corrective actions per team, rolled up the tree: created in the window and how many of those
 * are done (done or verified), and what is open or overdue right now whenever it was created.
 */
export async function actionFiguresByTeam(scope: CoeScope, teams: readonly TeamNode[], windows: Windows): Promise<Map<string, ActionFigures>> {
  const own = await runSection(scope, windows.from, windows.to, actionFiguresSection(scope, windows.from, actionDay(windows)));
  return rollUpActionFigures(scope, teams, own);
}

/** Done ÷ (created − won't do): the share of committed actions that got finished. Null when none. */
export function closeRate(figures: ActionFigures): number | null {
  const committed = figures.created - figures.wontDo;
  return committed > 0 ? figures.closed / committed : null;
}
