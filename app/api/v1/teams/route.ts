import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { assertAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { idCursorSchema, ROOT_PARENT, teamJson, teamListQuerySchema } from "@/lib/org/api-schemas";
import { createTeam } from "@/lib/org/mutations";
import { teamCreateSchema } from "@/lib/org/schemas";

const TEAM_FIELDS = { id: true, name: true, description: true, parentId: true, createdAt: true } as const;

// The org tree is readable by everyone in the organization (see lib/org/queries.ts).
export const GET = apiRoute({ query: teamListQuerySchema }, async ({ user, query }) => {
  const after = readCursor(query.cursor, idCursorSchema);
  let parentFilter = {};
  if (query.parentId === ROOT_PARENT) parentFilter = { parentId: null };
  else if (query.parentId) {
    const parent = await db.team.findFirst({ where: { id: query.parentId, organizationId: user.organizationId }, select: { id: true } });
    if (!parent) throw new ValidationError("There is no such parent team.", { parentId: ["No team with this id in your organization; use `root` for top-level teams."] });
    parentFilter = { parentId: parent.id };
  }
  const rows = await db.team.findMany({
    where: { organizationId: user.organizationId, ...parentFilter, ...(after ? { id: { gt: after[0] } } : {}) },
    select: TEAM_FIELDS,
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return pageOf(rows.map(teamJson), query.limit, (team) => [team.id]);
});

// The same write path as the settings UI (createTeamAction): admin check, then lib/org/mutations.
export const POST = apiRoute({ body: teamCreateSchema, authorize: assertAdmin }, async ({ user, body }) => {
  const created = await createTeam(user, body);
  const team = await db.team.findFirstOrThrow({ where: { id: created.id, organizationId: user.organizationId }, select: TEAM_FIELDS });
  return Response.json(teamJson(team), { status: 201 });
});
