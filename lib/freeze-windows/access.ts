import type { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/permissions";

// Who sees freeze windows: everyone in the organization, like the cords they sit beside — whoever
// deploys needs to know when not to. Setting and deleting one is for managers of its team
// (lib/freeze-windows/mutations.ts). No hand-written statement reads freeze windows for a signed-in
// reader, so the rule has no SQL spelling: the deploy gate (lib/cords/gate-sql.ts) takes the
// organization from the caller's token inside its one statement.

/** The freeze windows the caller may read, as the `where` every freeze-window query starts from. */
export function visibleFreezeWindowsWhere(user: Principal): Prisma.FreezeWindowWhereInput {
  return { organizationId: user.organizationId };
}
