import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { visibleActionSqlParts, visibleActionsSql } from "@/lib/actions/access";
import type { ActionSort } from "@/lib/actions/labels";
import type { ActionFilter } from "@/lib/actions/schemas";

// The action lists' filter, count and paging in hand-written SQL over `corrective_actions ca`,
// inside what the caller may see (visibleActionsSql, lib/actions/access.ts).

/** What the list filters narrow to, after visibility; the caller resolves the view and team filter to owner and teams. */
export type ActionConditions = Omit<ActionFilter, "page" | "sort" | "view" | "teamId"> & {
  ownerIs?: string;
  /** One list (the view's teams and the filter's subtree intersected): the planner misjudges two. */
  teamIn?: string[];
  /** Today as YYYY-MM-DD (UTC), for the overdue filter. */
  today: string;
};

/** The list's condition (`where`), and the same split into disjoint visibility parts for counting (`countParts`). */
export type ActionConditionSql = { where: Prisma.Sql; countParts: Prisma.Sql[] };

export function actionConditionSql(user: CurrentUser, filter: ActionConditions): ActionConditionSql {
  const and: Prisma.Sql[] = [];
  if (filter.ownerIs) and.push(Prisma.sql`ca.owner_id = ${filter.ownerIs}`);
  if (filter.teamIn) and.push(Prisma.sql`ca.team_id = ANY(${filter.teamIn}::text[])`);
  if (filter.status.length > 0) and.push(Prisma.sql`ca.status = ANY(${filter.status}::"CorrectiveActionStatus"[])`);
  if (filter.type.length > 0) and.push(Prisma.sql`ca.type = ANY(${filter.type}::"CorrectiveActionType"[])`);
  if (filter.priority.length > 0) and.push(Prisma.sql`ca.priority = ANY(${filter.priority}::"CorrectiveActionPriority"[])`);
  if (filter.severity.length > 0)
    and.push(
      Prisma.sql`ca.coe_id IN (SELECT c.id FROM coes c WHERE c.organization_id = ${user.organizationId} AND c.severity = ANY(${filter.severity}::"CoeSeverity"[]))`,
    );
  if (filter.ownerId) and.push(Prisma.sql`ca.owner_id = ${filter.ownerId}`);
  if (filter.coeId) and.push(Prisma.sql`ca.coe_id = ${filter.coeId}`);
  if (filter.dueFrom) and.push(Prisma.sql`ca.due_date >= ${filter.dueFrom}::date`);
  if (filter.dueTo) and.push(Prisma.sql`ca.due_date <= ${filter.dueTo}::date`);
  if (filter.overdue) and.push(Prisma.sql`ca.status IN ('OPEN', 'IN_PROGRESS') AND ca.due_date < ${filter.today}::date`);
  const parts = visibleActionSqlParts(user, filter.teamIn);
  const withFilters = (visible: Prisma.Sql) => Prisma.join([visible, ...and], " AND ");
  return { where: withFilters(visibleActionsSql(user, filter.teamIn)), countParts: parts.map(withFilters) };
}

/** The same orders as the Prisma ones the page used (enum columns sort in declaration order in both). */
const ORDER_SQL: Record<ActionSort, Prisma.Sql> = {
  due: Prisma.sql`ca.due_date ASC NULLS LAST, ca.id ASC`,
  dueDesc: Prisma.sql`ca.due_date DESC NULLS LAST, ca.id ASC`,
  priority: Prisma.sql`ca.priority ASC, ca.due_date ASC NULLS LAST, ca.id ASC`,
  created: Prisma.sql`ca.created_at DESC, ca.id ASC`,
  updated: Prisma.sql`ca.updated_at DESC, ca.id ASC`,
  title: Prisma.sql`ca.title ASC, ca.id ASC`,
};

/** One page of matching ids in list order; the rows (with their owner, team and COE) are loaded for these only. */
export async function pageActionIds(condition: Prisma.Sql, sort: ActionSort, offset: number, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<
    { id: string }[]
  >`SELECT ca.id FROM corrective_actions ca WHERE ${condition} ORDER BY ${ORDER_SQL[sort]} LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((row) => row.id);
}

/** The exact count (one count per visibility part, added) and one page of ids, in one round trip. */
export async function countAndPageActionIds(
  condition: ActionConditionSql,
  sort: ActionSort,
  offset: number,
  limit: number,
): Promise<{ total: number; ids: string[] }> {
  const counts = Prisma.join(
    condition.countParts.map((part) => Prisma.sql`(SELECT count(*) FROM corrective_actions ca WHERE ${part})`),
    " + ",
  );
  const [row] = await db.$queryRaw<{ total: number; ids: string[] }[]>`
    SELECT
      (${counts})::int AS total,
      ARRAY(SELECT ca.id FROM corrective_actions ca WHERE ${condition.where} ORDER BY ${ORDER_SQL[sort]} LIMIT ${limit} OFFSET ${offset}) AS ids`;
  return { total: row?.total ?? 0, ids: row?.ids ?? [] };
}

/** Keyset paging for the API: after the cursor in `created_at DESC, id ASC` order. */
export function createdAfterCursorSql([createdAt, id]: [string, string]): Prisma.Sql {
  const at = Prisma.sql`(${createdAt}::timestamptz AT TIME ZONE 'UTC')`;
  return Prisma.sql`(ca.created_at < ${at} OR (ca.created_at = ${at} AND ca.id > ${id}))`;
}

/** Rows loaded by id, back in the order of `ids`. */
export function inIdOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row) => row !== undefined);
}
