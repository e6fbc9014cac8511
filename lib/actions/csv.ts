import { toCsv } from "@/lib/csv";

/**
 * The columns of the corrective-actions CSV export, written by lib/csv.ts (calendar days as
 * YYYY-MM-DD, instants in UTC).
 */
const ACTION_CSV_COLUMNS = [
  "id",
  "title",
  "status",
  "type",
  "priority",
  "team",
  "owner",
  "due_date",
  "days_overdue",
  "coe_id",
  "coe_title",
  "coe_severity",
  "created_at",
  "completed_at",
  "verified_at",
  "evidence",
  "verification_method",
  "verification_note",
  "wont_do_reason",
] as const;
export type ActionCsvRow = Record<(typeof ACTION_CSV_COLUMNS)[number], string | number | Date | null>;

export function actionsCsv(rows: readonly ActionCsvRow[]): string {
  return toCsv(
    ACTION_CSV_COLUMNS,
    rows.map((row) => ACTION_CSV_COLUMNS.map((column) => row[column])),
  );
}
