import { parse } from "csv-parse/sync";
import { metricPointSchema, type MetricPoint } from "@/lib/metrics/schemas";

// CSV uploads of metric values. Line numbers count the header as line 1, as a spreadsheet does.

const CSV_COLUMNS = ["service", "metric", "timestamp", "value"] as const;

export type CsvLineError = { line: number; message: string };
export type ParsedCsv = { points: MetricPoint[]; lines: number[]; errors: CsvLineError[] };

/**
 * Reads and validates every line. The `service` column is optional when the upload is for one
 * service (`defaultService`). Returns the points with the line each came from, and every error.
 */
export function parseMetricCsv(text: string, defaultService?: string): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    const reason = error instanceof Error ? error.message.replace(/^Invalid [^:]*:\s*/, "") : "it could not be read";
    return { points: [], lines: [], errors: [{ line, message: `The file cannot be read from here: ${reason}` }] };
  }
  if (records.length === 0)
    return { points: [], lines: [], errors: [{ line: 1, message: "The file is empty. The first line names the columns: metric,timestamp,value." }] };

  const header = records[0]!.record.map((cell) => cell.toLowerCase());
  const missing = CSV_COLUMNS.filter((column) => !header.includes(column) && !(column === "service" && defaultService));
  const unknown = header.filter((cell) => !(CSV_COLUMNS as readonly string[]).includes(cell));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${missing.join(", ")}` : null,
      unknown.length > 0 ? `unknown ${unknown.map((cell) => `“${cell}”`).join(", ")}` : null,
    ].filter(Boolean);
    return {
      points: [],
      lines: [],
      errors: [
        {
          line: records[0]!.info.lines,
          message: `The first line must name the columns ${defaultService ? "metric, timestamp, value (and optionally service)" : "service, metric, timestamp, value"}: ${parts.join("; ")}.`,
        },
      ],
    };
  }

  const points: MetricPoint[] = [];
  const lines: number[] = [];
  const errors: CsvLineError[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      errors.push({ line: info.lines, message: `Expected ${header.length} values, found ${record.length}.` });
      continue;
    }
    const cells = Object.fromEntries(header.map((column, index) => [column, record[index]]));
    const parsed = metricPointSchema.safeParse({
      service: cells.service || defaultService,
      metric: cells.metric,
      timestamp: cells.timestamp,
      value: cells.value === "" ? undefined : cells.value,
    });
    if (!parsed.success) {
      errors.push({ line: info.lines, message: parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "line")}: ${issue.message}`).join(" ") });
      continue;
    }
    points.push(parsed.data);
    lines.push(info.lines);
  }
  if (points.length === 0 && errors.length === 0) errors.push({ line: 2, message: "The file has a header but no values." });
  return { points, lines, errors };
}

/** Field errors from recordMetricValues (`csv.<index>.<field>`) as line-numbered errors. */
export function lineErrorsFromPointErrors(fieldErrors: Record<string, string[]>, lines: readonly number[]): CsvLineError[] {
  const errors: CsvLineError[] = [];
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const [, index, field] = /^csv\.(\d+)\.(\w+)$/.exec(key) ?? [];
    if (index === undefined) continue;
    errors.push({ line: lines[Number(index)] ?? 0, message: `${field}: ${messages.join(" ")}` });
  }
  return errors.sort((a, b) => a.line - b.line);
}
