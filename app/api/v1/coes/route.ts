import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { subtreeIds } from "@/lib/org/tree";
import { visibleCoesWhere } from "@/lib/coes/access";
import { coeCursorSchema, coeJson, coeListQuerySchema } from "@/lib/coes/api-schemas";
import { createCoe } from "@/lib/coes/mutations";
import { createCoeSchema } from "@/lib/coes/schemas";
import { searchCoeIds } from "@/lib/coes/search";

// Scoped like the list page: only COEs the caller may read (lib/coes/access.ts).
export const GET = apiRoute({ query: coeListQuerySchema }, async ({ user, query }) => {
  const after = readCursor(query.cursor, coeCursorSchema);
  const where: Prisma.CoeWhereInput[] = [visibleCoesWhere(user)];
  if (query.status) where.push({ status: query.status });
  if (query.severity) where.push({ severity: query.severity });
  if (query.teamId) {
    const teams = await db.team.findMany({ where: { organizationId: user.organizationId }, select: { id: true, parentId: true } });
    where.push({ teamId: { in: subtreeIds(teams, query.teamId) } });
  }
  if (query.q) where.push({ id: { in: await searchCoeIds(user.organizationId, query.q) } });
  if (after) {
    const updatedAt = new Date(after[0]);
    where.push({ OR: [{ updatedAt: { lt: updatedAt } }, { updatedAt, id: { gt: after[1] } }] });
  }
  const rows = await db.coe.findMany({
    where: { AND: where },
    select: { id: true, title: true, teamId: true, severity: true, status: true, restricted: true, startedAt: true, updatedAt: true, version: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: query.limit + 1,
  });
  const data = rows.map((row) => ({ ...row, startedAt: row.startedAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString() }));
  return pageOf(data, query.limit, (row) => [row.updatedAt, row.id]);
});

// The same write path as the "New COE" page: coe.write on the team is checked in createCoe.
export const POST = apiRoute({ body: createCoeSchema }, async ({ user, body }) => {
  const created = await createCoe(user, body);
  return Response.json(coeJson(created), { status: 201 });
});
