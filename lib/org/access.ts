import type { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/permissions";

// Who reads the org tree: everyone in the organization. Knowing who owns what is how people find
// the right team, and anyone may pull a service's cord. What teams *contain* (COEs, actions,
// findings, metrics) is scoped by each domain's own access.ts. No hand-written statement reads
// teams or services for a reader apart from that content, so the rule has no SQL spelling here; the
// tree itself is cached per organization (orgTeamTree, lib/org/team-tree-cache.ts).

/** The teams the caller may read, as the `where` every team query starts from. */
export function visibleTeamsWhere(user: Principal): Prisma.TeamWhereInput {
  return { organizationId: user.organizationId };
}

/** The services the caller may read (their names and owners; not their metrics or findings). */
export function visibleServicesWhere(user: Principal): Prisma.ServiceWhereInput {
  return { organizationId: user.organizationId };
}
