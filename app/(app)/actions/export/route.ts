import { sessionRoute } from "@/lib/api/session-route";
import { UserError } from "@/lib/errors";
import { daysOverdue } from "@/lib/actions/escalation";
import { actionsCsv } from "@/lib/actions/csv";
import { downloadResponse } from "@/lib/download";
import { cleanQuery } from "@/lib/actions/filter-query";
import { exportActions, todayUtc } from "@/lib/actions/queries";
import { actionFilterSchema } from "@/lib/actions/schemas";

// The CSV of the list's current filter; exportActions scopes the rows to what the caller may see.
export const GET = sessionRoute(async ({ request, user }) => {
  const params = new URL(request.url).searchParams;
  const query = cleanQuery(Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)])));
  const parsed = actionFilterSchema.safeParse(query);
  if (!parsed.success) throw new UserError("The filter in this link is not valid.");
  const rows = await exportActions(user, parsed.data);
  const today = todayUtc();
  const csv = actionsCsv(
    rows.map((row) => {
      const open = row.status === "OPEN" || row.status === "IN_PROGRESS";
      const overdue = open && row.dueDate ? daysOverdue(row.dueDate, today) : 0;
      return {
        id: row.id,
        title: row.title,
        status: row.status,
        type: row.type,
        priority: row.priority,
        team: row.team.name,
        owner: row.owner?.name ?? null,
        due_date: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
        days_overdue: overdue > 0 ? overdue : null,
        coe_id: row.coe?.id ?? null,
        coe_title: row.coe?.title ?? null,
        coe_severity: row.coe?.severity ?? null,
        created_at: row.createdAt,
        completed_at: row.completedAt,
        verified_at: row.verifiedAt,
        evidence: row.evidence,
        verification_method: row.verificationMethod,
        verification_note: row.verificationNote,
        wont_do_reason: row.wontDoReason,
      };
    }),
  );
  const stamp = today.toISOString().slice(0, 10);
  return downloadResponse(csv, { filename: `andon-actions-${stamp}.csv`, contentType: "text/csv; charset=utf-8" });
});
