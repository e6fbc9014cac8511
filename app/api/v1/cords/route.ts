import { z } from "zod";
import { instantStringSchema } from "@/lib/validation/dates";
import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { ValidationError } from "@/lib/errors";
import { cordListQuerySchema } from "@/lib/cords/api-schemas";
import { listCordsAfter, teamSubtree } from "@/lib/cords/queries";

const cursorSchema = z.tuple([instantStringSchema(), z.string().min(1).max(100)]);

// Cords are readable by everyone in the organization (lib/cords/access.ts).
export const GET = apiRoute({ query: cordListQuerySchema }, async ({ user, query }) => {
  const after = readCursor(query.cursor, cursorSchema);
  let teamIds: string[] | undefined;
  if (query.teamId) {
    const subtree = await teamSubtree(user, query.teamId);
    if (!subtree) throw new ValidationError("There is no such team.", { teamId: ["No team with this id in your organization."] });
    teamIds = subtree;
  }
  const rows = await listCordsAfter(user, { serviceId: query.serviceId, teamIds, status: query.status, since: query.since }, after, query.limit + 1);
  return pageOf(rows, query.limit, (cord) => [cord.pulledAt, cord.id]);
});
