import "server-only";
import { db } from "@/lib/db";
import { Prisma, type TeamRole } from "@/lib/generated/prisma/client";
import { requestTreeVersion, teamTreeAtVersion } from "@/lib/org/team-tree-cache";
import { effectiveTeamRoles, type Principal } from "@/lib/permissions";
import { preparedSql } from "@/lib/prepared-statements";

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

/** The user, their organization's name and team-tree version, and their memberships: the columns of one principal. */
const PRINCIPAL_COLUMNS = Prisma.sql`
  u.id, u.email, u.name, u.is_admin AS "isAdmin", u.organization_id AS "organizationId",
  u.session_version AS "sessionVersion", u.deactivated_at IS NOT NULL AS deactivated,
  o.name AS "organizationName", o.tree_version AS "treeVersion",
  COALESCE((SELECT json_agg(json_build_object('teamId', m.team_id, 'role', m.role)) FROM memberships m WHERE m.user_id = u.id), '[]'::json) AS memberships`;

/**
 * Loads a user with their effective roles. One statement brings the user, their organization's
 * name and team-tree version, and their memberships; the team tree itself comes from this
 * process's cache when it is at that version (lib/org/team-tree-cache.ts), so most requests read
 * nothing else.
 */
export async function loadCurrentUser(userId: string, sessionVersion?: number): Promise<CurrentUser | null> {
  const rows = await db.$queryRaw<PrincipalRow[]>(preparedSql`
    SELECT ${PRINCIPAL_COLUMNS}
    FROM users u JOIN organizations o ON o.id = u.organization_id
    WHERE u.id = ${userId}`);
  const user = rows[0];
  if (!user || user.deactivated) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  return currentUserFromRow(user);
}

export type ApiTokenState = { id: string; revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null };

/**
 * An API token found by the hash of its secret, with its owner as loadCurrentUser loads them, in one
 * statement; the owner is null when they can no longer sign in. Null when no token has that hash.
 */
export async function loadApiTokenPrincipal(tokenHash: string): Promise<{ token: ApiTokenState; user: CurrentUser | null } | null> {
  const rows = await db.$queryRaw<(PrincipalRow & Omit<ApiTokenState, "id"> & { tokenId: string })[]>(preparedSql`
    SELECT t.id AS "tokenId", t.revoked_at AS "revokedAt", t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt", ${PRINCIPAL_COLUMNS}
    FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN organizations o ON o.id = u.organization_id
    WHERE t.token_hash = ${tokenHash}`);
  const row = rows[0];
  if (!row) return null;
  const token = { id: row.tokenId, revokedAt: row.revokedAt, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt };
  return { token, user: row.deactivated ? null : await currentUserFromRow(row) };
}

/** The principal of a loaded row: effective roles from the organization's team tree at the row's version. */
async function currentUserFromRow(user: PrincipalRow): Promise<CurrentUser> {
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
