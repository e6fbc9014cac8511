import "server-only";
import { ValidationError } from "@/lib/errors";
import type { Principal } from "@/lib/permissions";
import { lineErrorsFromPointErrors, parseMetricCsv, type CsvLineError } from "@/lib/metrics/csv";
import { recordMetricValues, type RecordResult } from "@/lib/metrics/mutations";
import { findServiceForMetrics } from "@/lib/metrics/service-queries";
import { NotFoundError } from "@/lib/errors";

const SHOWN_ERRORS = 50;

/** Every problem of an upload, one `Line N: …` sentence each, under the `csv` field. */
export class CsvImportError extends ValidationError {
  constructor(readonly lineErrors: CsvLineError[]) {
    const shown = lineErrors.slice(0, SHOWN_ERRORS).map((error) => `Line ${error.line}: ${error.message}`);
    if (lineErrors.length > SHOWN_ERRORS) shown.push(`…and ${lineErrors.length - SHOWN_ERRORS} more.`);
    super(
      `${lineErrors.length} line${lineErrors.length === 1 ? " has a problem" : "s have problems"}; nothing was imported. Fix ${lineErrors.length === 1 ? "it" : "them"} and upload the file again.`,
      { csv: shown },
    );
  }
}

/**
 * Imports a CSV of values for one service: every line is validated and resolved first, and if any
 * line is wrong nothing is imported (the write is one transaction).
 */
export async function importMetricCsv(actor: Principal, serviceId: string, text: string): Promise<RecordResult> {
  const service = await findServiceForMetrics(actor, serviceId);
  if (!service) throw new NotFoundError("The service");
  const parsed = parseMetricCsv(text, service.id);
  if (parsed.errors.length > 0) throw new CsvImportError(parsed.errors);
  try {
    return await recordMetricValues(actor, parsed.points, { pathPrefix: "csv" });
  } catch (error) {
    if (error instanceof ValidationError && !(error instanceof CsvImportError)) {
      throw new CsvImportError(lineErrorsFromPointErrors(error.fieldErrors, parsed.lines));
    }
    throw error;
  }
}
