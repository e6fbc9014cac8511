import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { assertAdmin } from "@/lib/auth/session";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { idCursorSchema, ROOT_PARENT, teamJson, teamListQuerySchema } from "@/lib/org/api-schemas";
import { createTeam } from "@/lib/org/mutations";
import { teamForApi, teamsPage } from "@/lib/org/queries";
import { teamCreateSchema } from "@/lib/org/schemas";

// The org tree is readable by everyone in the organization (see lib/org/queries.ts).
export const GET = apiRoute({ query: teamListQuerySchema }, async ({ user, query }) => {
  const after = readCursor(query.cursor, idCursorSchema);
  let parentId: string | null | undefined;
  if (query.parentId === ROOT_PARENT) parentId = null;
  else if (query.parentId) {
    const parent = await teamForApi(user, query.parentId);
    if (!parent)
      throw new ValidationError("There is no such parent team.", { parentId: ["No team with this id in your organization; use `root` for top-level teams."] });
    parentId = parent.id;
  }
  const rows = await teamsPage(user, { parentId, afterId: after?.[0], take: query.limit + 1 });
  return pageOf(rows.map(teamJson), query.limit, (team) => [team.id]);
});

// The same write path as the settings UI (createTeamAction): admin check, then lib/org/mutations.
export const POST = apiRoute({ body: teamCreateSchema, authorize: assertAdmin }, async ({ user, body }) => {
  const created = await createTeam(user, body);
  const team = await teamForApi(user, created.id);
  if (!team) throw new NotFoundError("The team");
  return Response.json(teamJson(team), { status: 201 });
});
