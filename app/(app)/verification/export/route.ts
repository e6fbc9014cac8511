import { sessionRoute } from "@/lib/api/session-route";
import { csvDownload } from "@/lib/csv";
import { gridCsvRows } from "@/lib/verification/queries";
import { VERIFICATION_STATUS_LABELS } from "@/lib/verification/status";
import { searchParam } from "@/lib/validation/search-params";

const HEADER = ["service", "team", "tier", "dimension", "status", "method", "verified_at", "expires_at", "not_applicable_reason"];

/** The grid of a team subtree as CSV: one row per service and dimension. Scoped like the page. */
export const GET = sessionRoute(async ({ request, user }) => {
  // Read like the page: first value, NUL dropped, so a malformed link is ignored, not a 500.
  const teamId = searchParam(Object.fromEntries(new URL(request.url).searchParams), "teamId", 64);
  const data = await gridCsvRows(user, teamId);
  const names = new Map(data.dimensions.map((dimension) => [dimension.id, dimension.name]));
  const rows = data.rows.map((row) => [
    row.serviceName,
    row.teamName,
    row.tier,
    names.get(row.dimensionId),
    VERIFICATION_STATUS_LABELS[row.status],
    row.method,
    row.verifiedAt,
    row.expiresAt,
    row.notApplicableReason,
  ]);
  return csvDownload("verification.csv", HEADER, rows);
});
