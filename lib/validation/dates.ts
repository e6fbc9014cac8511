import { z } from "zod";

/**
 * The one place dates from outside are checked: API bodies and queries, cursors, page filters and
 * server actions all parse through these. A date JavaScript accepts is not always one PostgreSQL
 * does (year 0, ±275760) or one that exists at all (`Date.parse("2026-02-30")` quietly gives
 * 2 March), so each value is checked field by field and kept to years 1900–2999: wide enough for
 * any incident, narrow enough that adding a grace period or a week never leaves what PostgreSQL
 * and ISO 8601's four-digit years can hold.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
const DATE_RANGE_MESSAGE = `Use a date between the years ${MIN_YEAR} and ${MAX_YEAR}.`;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date, optional time (seconds and fraction optional), optional offset: what forms, APIs and
// `<input type="datetime-local">` send. Without an offset the server's time zone applies (as `new Date` does).
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** `YYYY-MM-DD` naming a day that exists, within the supported years. */
function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isYearInRange(year) && isRealDay(year, month, day);
}

/** A date-time string (ISO 8601 / RFC 3339, offset optional) or a Date, as a Date within range; null otherwise. */
export function parseInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) || !isYearInRange(value.getUTCFullYear()) ? null : value;
  if (typeof value !== "string") return null;
  const match = INSTANT.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDay(year, month, day)) return null;
  if (match[4] !== undefined && (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59)) return null;
  const offset = match[7];
  if (offset && offset.toUpperCase() !== "Z") {
    const [hours, minutes] = [Number(offset.slice(1, 3)), Number(offset.replace(":", "").slice(3) || 0)];
    if (hours > 14 || minutes > 59) return null;
  }
  // Date-only strings are UTC midnight (as ECMAScript reads them); `new Date` needs the `T` form.
  const date = new Date(value.trim().replace(" ", "T"));
  if (Number.isNaN(date.getTime())) return null;
  // The offset can move an edge date across a year boundary; the stored instant must be in range too.
  return isYearInRange(year) && isYearInRange(date.getUTCFullYear()) ? date : null;
}

/** A calendar day, `YYYY-MM-DD`, kept as the string. */
export function calendarDaySchema(message = "Use a date like 2026-12-31.") {
  return z
    .string()
    .regex(DAY, message)
    .refine((value) => isRealDay(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))), "That day does not exist.")
    .refine(isCalendarDay, DATE_RANGE_MESSAGE);
}

/** A date-time with an explicit offset (the API's form), kept as the string. */
export function instantStringSchema(message = "Use an ISO 8601 date-time with an offset, e.g. 2026-11-02T10:00:00Z.") {
  return z.iso
    .datetime({ offset: true, error: message })
    .refine((value) => parseInstant(value) !== null, DATE_RANGE_MESSAGE)
    .meta({ format: "date-time" });
}

/**
 * A date-time from a form or a body (ISO string, `datetime-local` value or Date) as a Date. Replaces
 * `z.coerce.date()`, which takes numbers, `"-1"` and impossible days and hands them to PostgreSQL.
 */
export function instantSchema(message = "Enter a valid date and time.") {
  return z.union([z.date(), z.string()], { error: message }).transform((value, context) => {
    const date = parseInstant(value);
    if (date) return date;
    const year = typeof value === "string" ? Number(INSTANT.exec(value.trim())?.[1]) : value.getUTCFullYear();
    const outOfRange = Number.isInteger(year) && !isYearInRange(year);
    context.addIssue({ code: "custom", message: outOfRange ? DATE_RANGE_MESSAGE : message, input: value });
    return z.NEVER;
  });
}

/** Milliseconds since the epoch (what list cursors carry) naming an instant within the supported years. */
export function epochMsSchema(message = "Not a time this list issued.") {
  return z
    .number()
    .int(message)
    .refine((ms) => isYearInRange(new Date(ms).getUTCFullYear()), message);
}
