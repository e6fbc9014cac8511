import { RRule, type Options } from "rrule";

/**
 * Freeze-window recurrence. A recurring window repeats its first occurrence by an RFC 5545 RRULE in
 * the window's IANA time zone, by wall clock: "Fridays 16:00 to Mondays 08:00 Europe/Berlin" starts
 * at 16:00 local on both sides of a daylight-saving change (14:00 UTC in summer, 15:00 in winter).
 *
 * rrule's own TZID support returns dates whose UTC fields hold local times and depends on the host's
 * zone, so we expand the rule in "floating" time instead (a Date whose UTC fields are the wall
 * clock) and convert each occurrence to a real instant ourselves with Intl.
 */
export type WindowTiming = { startsAt: Date; endsAt: Date; rrule: string | null; timeZone: string };
export type Occurrence = { startsAt: Date; endsAt: Date };

/** Rules that repeat more often than daily would make the gate expand thousands of occurrences. */
const ALLOWED_FREQUENCIES = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);
/** Occurrences expanded at most when looking for the last one of a bounded rule. */
const MAX_OCCURRENCES = 5000;
/**
 * rrule loops forever on an INTERVAL below 1, and a huge one only pushes every repeat past the year
 * 9999: a window repeats at least once in a thousand periods.
 */
const MAX_INTERVAL = 1000;
/**
 * A window that never starts would be accepted but freeze nothing, and rrule searches such a rule
 * (30 February, week 60, an UNTIL before the start) all the way to the year 9999 on every deploy
 * gate call. A rule must start within this many years of the window (a leap day can wait eight).
 */
const FIRST_OCCURRENCE_YEARS = 10;
/**
 * A recurring window longer than this overlaps itself, and the gate expands every repeat that may
 * still be running at a deploy: a daily rule over a century is 36,500 of them per call.
 */
const MAX_RECURRING_DAYS = 366;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Parses an RRULE ("FREQ=WEEKLY;BYDAY=FR", with or without the "RRULE:" prefix); a sentence for the user when it is not usable. */
export function parseRecurrence(rrule: string): { ok: true; options: Partial<Options> } | { ok: false; message: string } {
  const text = rrule.trim().replace(/^RRULE:/i, "");
  if (text === "" || /DTSTART|TZID|[\r\n]/i.test(text)) {
    return { ok: false, message: "Give one RRULE such as FREQ=WEEKLY;BYDAY=FR, without DTSTART or TZID (the window's start and time zone set those)." };
  }
  let options: Partial<Options>;
  try {
    options = RRule.parseString(text);
  } catch {
    return { ok: false, message: "That is not a valid RRULE. Example: FREQ=WEEKLY;BYDAY=FR." };
  }
  const unusable = unusableOptions(options);
  if (unusable) return { ok: false, message: unusable };
  try {
    // Building the rule catches what parseString lets through (e.g. a bad BYDAY value).
    // A year is enough to run its parts; searching further costs seconds for a rule that never matches.
    new RRule({ ...options, dtstart: new Date(Date.UTC(2026, 0, 1)) }).between(
      new Date(Date.UTC(2026, 0, 1)),
      new Date(Date.UTC(2027, 0, 1)),
      true,
      (_d, i) => i < 1,
    );
  } catch {
    return { ok: false, message: "That is not a valid RRULE. Example: FREQ=WEEKLY;BYDAY=FR." };
  }
  if (options.freq === undefined || !ALLOWED_FREQUENCIES.has(options.freq)) {
    return { ok: false, message: "A freeze window repeats daily, weekly, monthly or yearly (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)." };
  }
  return { ok: true, options };
}

/** What rrule's parser lets through but a window cannot use, checked before anything expands the rule. */
function unusableOptions(options: Partial<Options>): string | null {
  if (options.interval !== undefined && !(Number.isInteger(options.interval) && options.interval >= 1 && options.interval <= MAX_INTERVAL)) {
    return `INTERVAL is a whole number from 1 to ${MAX_INTERVAL}.`;
  }
  if (options.count !== undefined && options.count !== null && options.count < 1) return "COUNT is at least 1; leave it out to repeat forever.";
  // More than one start a day would overlap the window with itself; one start comes from startsAt.
  if ([options.byhour, options.byminute, options.bysecond].some(given)) {
    return "Leave out BYHOUR, BYMINUTE and BYSECOND: the window's start sets the time of day.";
  }
  // RFC 5545's own limits. Besides, rrule walks a daily or weekly rule that never matches day by day
  // up to the year 9999 (seconds of CPU): what can make it never match is refused here instead.
  if (options.freq !== RRule.YEARLY && (given(options.byyearday) || given(options.byweekno))) return "BYYEARDAY and BYWEEKNO go with FREQ=YEARLY only.";
  if ((options.freq === RRule.DAILY || options.freq === RRule.WEEKLY) && given(options.bysetpos)) return "BYSETPOS goes with FREQ=MONTHLY or YEARLY only.";
  if (options.freq === RRule.WEEKLY && given(options.bymonthday)) return "BYMONTHDAY does not go with FREQ=WEEKLY: use FREQ=MONTHLY.";
  if (!someMonthHasDay(options)) return "No month has the day this rule names (BYMONTH with BYMONTHDAY).";
  if (asList(options.byyearday).some((day) => day === 0 || Math.abs(day) > 366)) return "BYYEARDAY is a day of the year, 1 to 366 (or -1 to -366).";
  if (asList(options.byweekno).some((week) => week === 0 || Math.abs(week) > 53)) return "BYWEEKNO is a week of the year, 1 to 53 (or -1 to -53).";
  return null;
}

const given = (part: unknown) => part !== undefined && part !== null && !(Array.isArray(part) && part.length === 0);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const asList = (part: number | number[] | null | undefined): number[] => (part === undefined || part === null ? [] : Array.isArray(part) ? part : [part]);

/** Whether some month the rule allows (in a leap year) has some day it names: 30 February never comes. */
function someMonthHasDay(options: Partial<Options>): boolean {
  const days = asList(options.bymonthday);
  if (days.length === 0) return true;
  const months = asList(options.bymonth);
  return (months.length > 0 ? months : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).some((month) => {
    const length = DAYS_IN_MONTH[month - 1] ?? 0;
    return days.some((day) => day !== 0 && Math.abs(day) <= length);
  });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at `instant`, as a floating Date (its UTC fields are the local time). */
export function toFloating(instant: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    wallClockFormatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)));
}

/**
 * The instant a wall-clock time (floating Date) happens in `timeZone`. A time skipped by a
 * spring-forward change lands after the gap; a repeated autumn hour takes its first occurrence.
 */
export function fromFloating(floating: Date, timeZone: string): Date {
  const offsetAt = (instant: number) => toFloating(new Date(instant), timeZone).getTime() - instant;
  let guess = floating.getTime() - offsetAt(floating.getTime());
  guess = floating.getTime() - offsetAt(guess);
  // In the autumn overlap both offsets fit; prefer the earlier instant (the first 02:30).
  const earlier = guess - 3_600_000;
  if (toFloating(new Date(earlier), timeZone).getTime() === floating.getTime()) return new Date(earlier);
  return new Date(guess);
}

function floatingRule(timing: WindowTiming): { rule: RRule; floatingStart: Date; wallDurationMs: number } | null {
  if (!timing.rrule) return null;
  const parsed = parseRecurrence(timing.rrule);
  if (!parsed.ok) return null;
  const floatingStart = toFloating(timing.startsAt, timing.timeZone);
  const wallDurationMs = toFloating(timing.endsAt, timing.timeZone).getTime() - floatingStart.getTime();
  return { rule: new RRule({ ...parsed.options, dtstart: floatingStart, tzid: null }), floatingStart, wallDurationMs };
}

function occurrenceAt(floatingOccurrence: Date, wallDurationMs: number, timeZone: string): Occurrence {
  return {
    startsAt: fromFloating(floatingOccurrence, timeZone),
    endsAt: fromFloating(new Date(floatingOccurrence.getTime() + wallDurationMs), timeZone),
  };
}

/** The occurrences that overlap [from, to), in order. A one-off window is its own only occurrence. */
export function occurrencesBetween(timing: WindowTiming, from: Date, to: Date): Occurrence[] {
  const recurring = floatingRule(timing);
  if (!recurring) {
    return timing.startsAt < to && timing.endsAt > from ? [{ startsAt: timing.startsAt, endsAt: timing.endsAt }] : [];
  }
  const { rule, wallDurationMs } = recurring;
  // Occurrences that started up to one duration (plus a day for offset changes) before `from` may still be running.
  const floatingFrom = new Date(toFloating(from, timing.timeZone).getTime() - wallDurationMs - 86_400_000);
  const floatingTo = new Date(toFloating(to, timing.timeZone).getTime() + 86_400_000);
  return rule
    .between(floatingFrom, floatingTo, true)
    .map((floating) => occurrenceAt(floating, wallDurationMs, timing.timeZone))
    .filter((occurrence) => occurrence.startsAt < to && occurrence.endsAt > from);
}

/** The occurrence running at `at`, if any. */
export function activeOccurrence(timing: WindowTiming, at: Date): Occurrence | null {
  return occurrencesBetween(timing, at, new Date(at.getTime() + 1))[0] ?? null;
}

/** The next `limit` occurrences still running or starting after `from`. */
export function upcomingOccurrences(timing: WindowTiming, from: Date, limit: number): Occurrence[] {
  const recurring = floatingRule(timing);
  if (!recurring) return timing.endsAt > from ? [{ startsAt: timing.startsAt, endsAt: timing.endsAt }] : [];
  const result = occurrencesBetween(timing, from, new Date(from.getTime() + 1));
  let cursor = toFloating(from, timing.timeZone);
  while (result.length < limit) {
    const next = recurring.rule.after(cursor, false);
    if (!next) break;
    result.push(occurrenceAt(next, recurring.wallDurationMs, timing.timeZone));
    cursor = next;
  }
  return result.slice(0, limit);
}

/** When the last occurrence ends: the window's own end, or null for a rule that recurs forever. */
export function lastEndsAt(timing: WindowTiming): Date | null {
  const recurring = floatingRule(timing);
  if (!recurring) return timing.endsAt;
  const { options } = recurring.rule;
  if (options.count === null && options.until === null) return null;
  const all = recurring.rule.all((_date, index) => index < MAX_OCCURRENCES);
  const last = all.at(-1);
  return last ? occurrenceAt(last, recurring.wallDurationMs, timing.timeZone).endsAt : timing.endsAt;
}

/**
 * Why a recurring window cannot be kept as given, checked once its start, end and rule are known
 * (null when it can): it must be short enough not to overlap itself for long, and start at all.
 */
export function recurringWindowProblem(timing: WindowTiming): { path: "endsAt" | "rrule"; message: string } | null {
  if (!timing.rrule) return null;
  if (timing.endsAt.getTime() - timing.startsAt.getTime() > MAX_RECURRING_DAYS * 86_400_000) {
    return { path: "endsAt", message: `A repeating window lasts at most ${MAX_RECURRING_DAYS} days; give a longer freeze as one window without a rule.` };
  }
  const recurring = floatingRule(timing);
  if (!recurring) return null;
  const horizon = new Date(recurring.floatingStart);
  horizon.setUTCFullYear(horizon.getUTCFullYear() + FIRST_OCCURRENCE_YEARS);
  const first = recurring.rule.between(recurring.floatingStart, horizon, true, (_date, index) => index < 1);
  if (first.length === 0) {
    return {
      path: "rrule",
      message: `That rule never starts a window within ${FIRST_OCCURRENCE_YEARS} years of its start: check COUNT, UNTIL and the days it names.`,
    };
  }
  return null;
}
