import { getCurrentUser } from "@/lib/auth/session";
import { daysOverdue } from "@/lib/actions/escalation";
import { toCsv } from "@/lib/actions/csv";
import { cleanQuery } from "@/lib/actions/filter-query";
import { exportActions, todayUtc } from "@/lib/actions/queries";
import { actionFilterSchema } from "@/lib/actions/schemas";

// The CSV of the list's current filter. Route handlers do not run through layouts: this one
// authenticates itself, and exportActions scopes the rows to what the caller may see.
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to export actions.\n", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const params = new URL(request.url).searchParams;
  const query = cleanQuery(Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)])));
  const parsed = actionFilterSchema.safeParse(query);
  if (!parsed.success) return new Response("The filter in this link is not valid.\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const rows = await exportActions(user, parsed.data);
  const today = todayUtc();
  const csv = toCsv(
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
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="andon-actions-${stamp}.csv"`, "cache-control": "no-store" },
  });
}
