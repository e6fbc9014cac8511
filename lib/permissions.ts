import { TeamRole } from "@/lib/generated/prisma/enums";
import type { TeamNode } from "@/lib/org/tree";

/**
 * Who may do what. One explicit matrix of team role × capability, used by pages, server actions
 * and API handlers alike. A role held on a team applies to its whole subtree; organization admins
 * may do everything.
 */
export const TEAM_ROLES = Object.values(TeamRole);

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  VIEWER: "Viewer",
  MEMBER: "Member",
  REVIEWER: "Reviewer",
  MANAGER: "Manager",
};

export const CAPABILITIES = [
  /** See the team's COE drafts, actions, metrics and reviews. */
  "team.view",
  /** Write and edit COEs, record metric values, submit items for the weekly review. */
  "coe.write",
  /** Approve a COE or request changes (never one you wrote). */
  "coe.review",
  /** Create corrective actions and update their status. */
  "action.update",
  /** Verify that a done action worked. */
  "action.verify",
  /** Approve "won't do" on an action. */
  "action.approveWontDo",
  /** Define the service metrics and their targets. */
  "metric.define",
  /** Record metric values. */
  "metric.record",
  /** Organize and run the weekly operational metrics review. */
  "review.run",
  /** See the escalation view and sub-team roll-ups. */
  "team.escalations",
  /** Add notes to an open Andon cord and resolve it (pulling needs no role: see canPullCord). */
  "cord.resolve",
  /** Grant a one-deploy override during a stop, and schedule freeze windows. */
  "cord.override",
  /** Record service verifications, plan and run game days, import their journals. */
  "verification.record",
  /** Set verification intervals, custom dimensions and service tiers. */
  "verification.configure",
  /** Push service facts (API, CSV), ask for an acknowledgment (waiver) of a finding, propose draft rules. */
  "policy.facts",
  /** Write policy rules for the subtree and approve or deny acknowledgments. */
  "policy.manage",
  /** Outgoing webhooks and chat endpoints for the subtree's events (admins: organization-wide ones). */
  "webhook.manage",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

// prettier-ignore
const MATRIX: Record<TeamRole, Record<Capability, boolean>> = {
  //         view   coeWrite coeReview actUpd actVerify wontDo metDef metRec revRun escal  cordRes cordOvr verRec verCfg  polFct polMan  hook
  VIEWER:   row(true,  false,  false,  false, false,   false, false, false, false, false, false,  false,  false, false,  false, false, false),
  MEMBER:   row(true,  true,   false,  true,  false,   false, false, true,  false, false, true,   false,  true,  false,  true,   false, false),
  REVIEWER: row(true,  true,   true,   true,  true,    false, false, true,  false, false, true,   false,  true,  false,  true,   false, false),
  MANAGER:  row(true,  true,   true,   true,  true,    true,  true,  true,  true,  true,  true,   true,   true,  true,  true,   true, true),
};

function row(...allowed: boolean[]): Record<Capability, boolean> {
  return Object.fromEntries(CAPABILITIES.map((capability, index) => [capability, allowed[index] === true])) as Record<Capability, boolean>;
}

export function roleAllows(role: TeamRole, capability: Capability): boolean {
  return MATRIX[role][capability];
}

const ROLE_RANK: Record<TeamRole, number> = { VIEWER: 0, MEMBER: 1, REVIEWER: 2, MANAGER: 3 };

function higherRole(a: TeamRole | undefined, b: TeamRole): TeamRole {
  return a === undefined || ROLE_RANK[b] > ROLE_RANK[a] ? b : a;
}

/** The signed-in caller as permission checks see it. */
export type Principal = {
  userId: string;
  organizationId: string;
  isAdmin: boolean;
  /** Effective role per team: the highest role held on the team or any ancestor. */
  teamRoles: ReadonlyMap<string, TeamRole>;
};

/** Spreads each membership down the tree: a role on a team is held on every team below it. */
export function effectiveTeamRoles(teams: readonly TeamNode[], memberships: readonly { teamId: string; role: TeamRole }[]): Map<string, TeamRole> {
  const direct = new Map<string, TeamRole>();
  for (const membership of memberships) direct.set(membership.teamId, higherRole(direct.get(membership.teamId), membership.role));
  const effective = new Map<string, TeamRole>();
  if (direct.size === 0) return effective;
  // One lookup table for every walk up the tree: this runs on every request, over every team.
  const byId = new Map(teams.map((team) => [team.id, team]));
  for (const team of teams) {
    let best: TeamRole | undefined;
    const seen = new Set<string>();
    for (let current: TeamNode | undefined = team; current && !seen.has(current.id); current = current.parentId ? byId.get(current.parentId) : undefined) {
      seen.add(current.id);
      const role = direct.get(current.id);
      if (role) best = higherRole(best, role);
    }
    if (best) effective.set(team.id, best);
  }
  return effective;
}

export function can(principal: Principal, capability: Capability, teamId: string): boolean {
  if (principal.isAdmin) return true;
  const role = principal.teamRoles.get(teamId);
  return role !== undefined && roleAllows(role, capability);
}

/**
 * Pulling the Andon cord needs no role at all: anyone signed in to the organization may stop the
 * line on any of its services, viewers and people on other teams included — that is the point.
 * (Callers have already scoped the service to the principal's organization.)
 */
export function canPullCord(principal: Principal): boolean {
  return principal.organizationId.length > 0;
}

/** The team roles that may own corrective actions: those that may update them. Viewers are read-only. */
export const ACTION_OWNER_ROLES: readonly TeamRole[] = TEAM_ROLES.filter((role) => roleAllows(role, "action.update"));

/**
 * Owning an action lets its owner change it even from another team, so only people who may update
 * actions somewhere can own one (admins included). A viewer — on every team they belong to — is
 * read-only: never made an owner, and an action still assigned to one gives them no right to change it.
 */
export function canOwnActions(principal: Principal): boolean {
  if (principal.isAdmin) return true;
  for (const role of principal.teamRoles.values()) if (ACTION_OWNER_ROLES.includes(role)) return true;
  return false;
}

/** Organization settings: teams, services, users, categories, the audit log. */
export function canAdminister(principal: Principal): boolean {
  return principal.isAdmin;
}

/**
 * The teams on which the caller holds a capability, for scoping queries. `"all"` for admins, so
 * callers can skip the filter instead of sending every id.
 */
export function teamsWith(principal: Principal, capability: Capability): "all" | string[] {
  if (principal.isAdmin) return "all";
  return [...principal.teamRoles].filter(([, role]) => roleAllows(role, capability)).map(([teamId]) => teamId);
}
