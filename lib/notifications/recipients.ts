import "server-only";
import type { DbClient } from "@/lib/db";
import type { TeamRole } from "@/lib/generated/prisma/client";

/**
 * The active users holding one of `roles` on a team or any team above it (roles spread down the
 * tree, so a Retail reviewer reviews Checkout's COEs). One recursive statement up the tree.
 */
export async function usersWithRoleOver(client: DbClient, teamId: string, roles: readonly TeamRole[]): Promise<string[]> {
  const rows = await client.$queryRaw<{ user_id: string }[]>`
    WITH RECURSIVE chain(id, parent_id, depth) AS (
      SELECT t.id, t.parent_id, 0 FROM teams t WHERE t.id = ${teamId}
      UNION ALL
      SELECT t.id, t.parent_id, chain.depth + 1 FROM teams t JOIN chain ON t.id = chain.parent_id WHERE chain.depth < 64
    )
    SELECT DISTINCT m.user_id
    FROM memberships m
    JOIN chain ON chain.id = m.team_id
    JOIN users u ON u.id = m.user_id AND u.deactivated_at IS NULL
    WHERE m.role::text = ANY(${[...roles]}::text[])`;
  return rows.map((row) => row.user_id);
}
