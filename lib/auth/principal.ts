import "server-only";
import { db } from "@/lib/db";
import type { TeamRole } from "@/lib/generated/prisma/client";
import { requestTreeVersion, teamTreeAtVersion } from "@/lib/org/team-tree-cache";
import { effectiveTeamRoles, type Principal } from "@/lib/permissions";

export type CurrentUser = Principal & {
  email: string;
  name: string;
  organizationName: string;
  /** Teams the user holds a role on directly, for the home page and team switcher. */
  directTeamIds: string[];
};

type PrincipalRow = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  organizationId: string;
  sessionVersion: number;
  deactivated: boolean;
  organizationName: string;
  treeVersion: number;
  memberships: { teamId: string; role: TeamRole }[];
};

/**
 * Loads a user with their effective roles. One statement brings the user, their organization's
 * name and team-tree version, and their memberships; the team tree itself comes from this
 * process's cache when it is at that version (lib/org/team-tree-cache.ts), so most requests read
 * nothing else.
 */
export async function loadCurrentUser(userId: string, sessionVersion?: number): Promise<CurrentUser | null> {
  const rows = await db.$queryRaw<PrincipalRow[]>`
    SELECT u.id, u.email, u.name, u.is_admin AS "isAdmin", u.organization_id AS "organizationId",
           u.session_version AS "sessionVersion", u.deactivated_at IS NOT NULL AS deactivated,
           o.name AS "organizationName", o.tree_version AS "treeVersion",
           COALESCE((SELECT json_agg(json_build_object('teamId', m.team_id, 'role', m.role)) FROM memberships m WHERE m.user_id = u.id), '[]'::json) AS memberships
    FROM users u JOIN organizations o ON o.id = u.organization_id
    WHERE u.id = ${userId}`;
  const user = rows[0];
  if (!user || user.deactivated) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  const box = requestTreeVersion();
  box.organizationId = user.organizationId;
  box.version = user.treeVersion;
  const teams = await teamTreeAtVersion(user.organizationId, user.treeVersion);
  return {
    userId: user.id,
    organizationId: user.organizationId,
    isAdmin: user.isAdmin,
    teamRoles: effectiveTeamRoles(teams, user.memberships),
    email: user.email,
    name: user.name,
    organizationName: user.organizationName,
    directTeamIds: user.memberships.map((membership) => membership.teamId),
  };
}
