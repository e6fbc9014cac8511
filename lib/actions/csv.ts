/**
 * CSV export of corrective actions (RFC 4180): quoted where needed, CRLF line ends, dates in ISO
 * 8601 (calendar days as YYYY-MM-DD, instants in UTC). Cells that a spreadsheet would run as a
 * formula get a leading apostrophe.
 */
export const ACTION_CSV_COLUMNS = [
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

export function csvCell(value: string | number | Date | null): string {
  if (value === null) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly ActionCsvRow[]): string {
  const lines = [ACTION_CSV_COLUMNS.join(",")];
  for (const row of rows) lines.push(ACTION_CSV_COLUMNS.map((column) => csvCell(row[column])).join(","));
  return lines.join("\r\n") + "\r\n";
}
