import { can, type Principal } from "@/lib/permissions";

/**
 * Who may write which rule. Anyone on a team (member and above, `policy.facts`) may propose: write
 * and edit draft rules owned by their team, and dry-run them — that is how a lesson from a COE
 * becomes a rule. Turning a rule on or off, and editing a rule that is not a draft, is a manager's
 * call for the subtree the rule checks (`policy.manage`), an admin's for the whole organization.
 */
export type RuleAccessTarget = { scopeTeamId: string | null; ownerTeamId: string | null; status: "DRAFT" | "ENFORCED" | "DISABLED" };

/** Enforce, disable, or edit a live rule checking this scope (null: the whole organization). */
export function canManageRuleScope(principal: Principal, scopeTeamId: string | null): boolean {
  if (scopeTeamId === null) return principal.isAdmin;
  return can(principal, "policy.manage", scopeTeamId);
}

/** Propose draft rules owned by this team. */
export function canDraftRuleFor(principal: Principal, ownerTeamId: string | null): boolean {
  if (ownerTeamId === null) return principal.isAdmin;
  return can(principal, "policy.facts", ownerTeamId);
}

/** Edit the rule's fields (not its status): its managers always, its owning team while it is a draft. */
export function canEditRule(principal: Principal, rule: RuleAccessTarget): boolean {
  return canManageRuleScope(principal, rule.scopeTeamId) || (rule.status === "DRAFT" && canDraftRuleFor(principal, rule.ownerTeamId));
}

/** The team that owns a rule being created: the one named, else the team it checks. */
export function ownerOf(input: { ownerTeamId?: string | null; scopeTeamId?: string | null }): string | null {
  return input.ownerTeamId ?? input.scopeTeamId ?? null;
}

/** Create a rule with this status. */
export function canCreateRule(
  principal: Principal,
  input: { status: RuleAccessTarget["status"]; scopeTeamId?: string | null; ownerTeamId?: string | null },
): boolean {
  if (canManageRuleScope(principal, input.scopeTeamId ?? null)) return true;
  return input.status === "DRAFT" && canDraftRuleFor(principal, ownerOf(input));
}
