import { apiRoute } from "@/lib/api/handler";
import type { MeResponse } from "@/lib/users/api-schemas";
import { directMembershipsOf } from "@/lib/users/queries";

export const GET = apiRoute({}, async ({ user }): Promise<MeResponse> => ({
  id: user.userId,
  email: user.email,
  name: user.name,
  organization: { id: user.organizationId, name: user.organizationName },
  isAdmin: user.isAdmin,
  teams: await directMembershipsOf(user),
}));
