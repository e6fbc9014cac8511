import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendarMethod, type ICalCalendar } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";

/**
 * iCalendar (RFC 5545) files are written by ical-generator (escaping, line folding, CRLF). A
 * calendar with local times carries a VTIMEZONE for each zone it names, taken from the IANA rules
 * bundled in timezones-ical-library, so a calendar app needs no zone database of its own.
 */

/** The zone's VTIMEZONE block and its canonical TZID (an alias such as Asia/Calcutta resolves to Asia/Kolkata), or null for a zone the rules lack. */
function vtimezone(timeZone: string): { tzid: string; block: string } | null {
  const found = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(found) || !found[0] || !found[1]) return null;
  return { tzid: found[1].replace(/^TZID=/, ""), block: found[0] };
}

/** The TZID to write for an IANA zone name, or null when no VTIMEZONE exists for it (times are then written in UTC). */
export function calendarZone(timeZone: string): string | null {
  return vtimezone(timeZone)?.tzid ?? null;
}

/**
 * A published calendar. Times are written in UTC, except those of an event with a `timezone` (a
 * TZID from calendarZone, its start and end from inZone): wall-clock times with the TZID, and the
 * zone's VTIMEZONE in the calendar.
 */
export function newCalendar(options: { product: string; name: string }): ICalCalendar {
  return ical({
    prodId: { company: "Andon", product: options.product, language: "EN" },
    name: options.name,
    method: ICalCalendarMethod.PUBLISH,
    scale: "gregorian",
    timezone: { name: null, generator: (zone) => vtimezone(zone)?.block ?? null },
  });
}

/** An instant as a wall-clock time in `timeZone`, for an event written in that zone. */
export function inZone(instant: Date, timeZone: string): Date {
  return new TZDate(instant.getTime(), timeZone);
}

/** The calendar's text; every content line ends with CRLF, the last one too (RFC 5545 §3.1). */
export function icsText(calendar: ICalCalendar): string {
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
