import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/permissions";

// Who sees cords: everyone in the organization. A stopped line is news for anyone who might deploy
// to the service or depend on it, and the org tree itself is readable by all (lib/org/queries.ts).
// So the rule is the organization alone; it still lives here, in both spellings, so that every cord
// query starts from it and a narrower rule later changes one file. Writes check the owning team
// (lib/permissions.ts: cord.resolve, cord.override); pulling needs no role at all (canPullCord).

/** The cords the caller may read, as the `where` every cord query starts from. */
export function visibleCordsWhere(user: Principal): Prisma.CordWhereInput {
  return { organizationId: user.organizationId };
}

/**
 * visibleCordsWhere as SQL over `cords c`, for home's one statement (lib/sql-sections.ts). The two
 * must say the same thing: lib/cords/access.test.ts compares them.
 */
export function visibleCordsSql(user: Principal): Prisma.Sql {
  return Prisma.sql`c.organization_id = ${user.organizationId}`;
}
