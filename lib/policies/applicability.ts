import { subtreeIds, type TeamNode } from "@/lib/org/tree";

/** What decides whether a rule checks a service: its team scope and an optional required fact. */
export type RuleScope = { id: string; scopeTeamId: string | null; applicableFactKey: string | null };

/** A fact counts as "present" for applicability unless it is unknown or false. */
function factPresent(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false && value !== "";
}

/** The team ids each rule's scope covers (null: the whole organization), computed once per evaluation. */
export function scopeTeams(rules: readonly RuleScope[], teams: readonly TeamNode[]): Map<string, Set<string> | null> {
  const cache = new Map<string, Set<string>>();
  const result = new Map<string, Set<string> | null>();
  for (const rule of rules) {
    if (!rule.scopeTeamId) {
      result.set(rule.id, null);
      continue;
    }
    let teamIds = cache.get(rule.scopeTeamId);
    if (!teamIds) {
      teamIds = new Set(subtreeIds(teams, rule.scopeTeamId));
      cache.set(rule.scopeTeamId, teamIds);
    }
    result.set(rule.id, teamIds);
  }
  return result;
}

export function ruleApplies(
  rule: RuleScope,
  scope: Set<string> | null | undefined,
  service: { teamId: string },
  facts: Readonly<Record<string, unknown>> | undefined,
): boolean {
  if (scope && !scope.has(service.teamId)) return false;
  if (rule.applicableFactKey && !factPresent(facts?.[rule.applicableFactKey])) return false;
  return true;
}
