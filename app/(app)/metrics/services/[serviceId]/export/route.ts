import { sessionRoute } from "@/lib/api/session-route";
import { csvDownload } from "@/lib/csv";
import { NotFoundError } from "@/lib/errors";
import { findServiceForMetrics, serviceMetricValuesForExport } from "@/lib/metrics/service-queries";

/**
 * Every value of the service's metrics as CSV, in the upload format (metric, timestamp, value),
 * so a download can be corrected in a spreadsheet and uploaded again.
 */
export const GET = sessionRoute<{ serviceId: string }>(async ({ user, params }) => {
  const service = await findServiceForMetrics(user, params.serviceId);
  if (!service) throw new NotFoundError("That service");
  const values = await serviceMetricValuesForExport(user, service.id);
  return csvDownload(
    `${service.name}-metrics-${new Date().toISOString().slice(0, 10)}.csv`,
    ["metric", "timestamp", "value"],
    values.map((row) => [row.metric.name, row.recordedAt, row.value]),
  );
});
