import { stringify } from "csv-stringify/sync";
import { downloadResponse } from "@/lib/download";

export type CsvValue = string | number | Date | null | undefined;

/**
 * CSV for downloads (RFC 4180 via csv-stringify): quoted where needed, CRLF line ends, instants in
 * ISO 8601 UTC, and text a spreadsheet would run as a formula (= + - @ …) prefixed with an
 * apostrophe so it stays text (negative numbers stay numbers).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringify([[...header], ...rows.map((row) => [...row])], {
    record_delimiter: "windows",
    escape_formulas: true,
    // A line break inside a field must be quoted whatever the record delimiter is.
    quoted_match: /[\r\n]/,
    cast: { date: (value) => value.toISOString(), boolean: (value) => String(value) },
  });
}

/** A CSV file as a download response. */
export function csvDownload(filename: string, header: readonly string[], rows: readonly (readonly CsvValue[])[]): Response {
  return downloadResponse(toCsv(header, rows), { filename, contentType: "text/csv; charset=utf-8" });
}
