import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { NotFoundError } from "@/lib/errors";
import { metricValueListQuerySchema, valueCursorSchema } from "@/lib/metrics/api-schemas";
import { findReadableMetric, metricValuesPage } from "@/lib/metrics/service-queries";

// One metric's values in time order, for charts and exports elsewhere. Readable by whoever may
// see the owning team of the metric's service.
export const GET = apiRoute({ query: metricValueListQuerySchema }, async ({ user, query }) => {
  const metric = await findReadableMetric(user, query.metricId);
  if (!metric) throw new NotFoundError("The metric");
  const after = readCursor(query.cursor, valueCursorSchema);
  const rows = await metricValuesPage(user, metric.id, { from: query.from, to: query.to, after, take: query.limit + 1 });
  const page = pageOf(rows, query.limit, (row) => [row.recordedAt.toISOString(), String(row.id)]);
  return { data: page.data.map((row) => ({ timestamp: row.recordedAt.toISOString(), value: row.value })), nextCursor: page.nextCursor };
});
