import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { metricValueListQuerySchema, valueCursorSchema } from "@/lib/metrics/api-schemas";
import { can } from "@/lib/permissions";

// One metric's values in time order, for charts and exports elsewhere. Readable by whoever may
// see the owning team of the metric's service.
export const GET = apiRoute({ query: metricValueListQuerySchema }, async ({ user, query }) => {
  const metric = await db.serviceMetric.findFirst({
    where: { id: query.metricId, organizationId: user.organizationId },
    select: { id: true, service: { select: { teamId: true } } },
  });
  if (!metric || !can(user, "team.view", metric.service.teamId)) throw new NotFoundError("The metric");
  const after = readCursor(query.cursor, valueCursorSchema);
  const where: Prisma.MetricValueWhereInput[] = [{ metricId: metric.id, organizationId: user.organizationId }];
  if (query.from) where.push({ recordedAt: { gte: new Date(query.from) } });
  if (query.to) where.push({ recordedAt: { lt: new Date(query.to) } });
  if (after) {
    const at = new Date(after[0]);
    where.push({ OR: [{ recordedAt: { gt: at } }, { recordedAt: at, id: { gt: BigInt(after[1]) } }] });
  }
  const rows = await db.metricValue.findMany({ where: { AND: where }, select: { id: true, recordedAt: true, value: true }, orderBy: [{ recordedAt: "asc" }, { id: "asc" }], take: query.limit + 1 });
  const page = pageOf(rows, query.limit, (row) => [row.recordedAt.toISOString(), String(row.id)]);
  return { data: page.data.map((row) => ({ timestamp: row.recordedAt.toISOString(), value: row.value })), nextCursor: page.nextCursor };
});
