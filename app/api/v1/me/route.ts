import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import type { MeResponse } from "@/lib/users/api-schemas";

export const GET = apiRoute({}, async ({ user }): Promise<MeResponse> => {
  const memberships = await db.membership.findMany({
    where: { userId: user.userId, team: { organizationId: user.organizationId } },
    select: { role: true, team: { select: { id: true, name: true } } },
    orderBy: { team: { name: "asc" } },
  });
  return {
    id: user.userId,
    email: user.email,
    name: user.name,
    organization: { id: user.organizationId, name: user.organizationName },
    isAdmin: user.isAdmin,
    teams: memberships.map(({ role, team }) => ({ id: team.id, name: team.name, role })),
  };
});
