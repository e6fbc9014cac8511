import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { toCsv } from "@/lib/metrics/csv";
import { findServiceForMetrics } from "@/lib/metrics/service-queries";
import { can } from "@/lib/permissions";

/**
 * Every value of the service's metrics as CSV, in the upload format (metric, timestamp, value),
 * so a download can be corrected in a spreadsheet and uploaded again.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ serviceId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to download metrics.", { status: 401 });
  const { serviceId } = await params;
  const service = await findServiceForMetrics(user.organizationId, serviceId);
  if (!service || !can(user, "team.view", service.teamId)) return new Response("That service was not found, or you cannot see it.", { status: 404 });
  const values = await db.metricValue.findMany({
    where: { organizationId: user.organizationId, serviceId: service.id, metric: { archivedAt: null } },
    select: { recordedAt: true, value: true, metric: { select: { name: true } } },
    orderBy: [{ metric: { name: "asc" } }, { recordedAt: "asc" }],
  });
  const csv = toCsv(
    ["metric", "timestamp", "value"],
    values.map((row) => [row.metric.name, row.recordedAt.toISOString(), row.value]),
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${service.name.replace(/[^\w.-]+/g, "-")}-metrics-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
