/**
 * ISO weeks ("2026-W48") and local wall-clock times in a series' time zone, without a date
 * library: Intl knows every zone's offsets, and an instant is found by correcting a guess twice
 * (enough for every real daylight-saving rule).
 */
import { isYearInRange } from "@/lib/validation/dates";

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export type IsoWeek = { year: number; week: number };

/** Weeks in an ISO year: 53 when 1 January is a Thursday, or a Wednesday in a leap year. */
function weeksInIsoYear(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

export function parseIsoWeek(value: string): IsoWeek | null {
  const match = ISO_WEEK_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  // Weeks of years outside the supported dates (9999-W52 ends in year 10000) are refused with them.
  if (!isYearInRange(year) || week < 1 || week > weeksInIsoYear(year)) return null;
  return { year, week };
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday of the week as a UTC calendar date (midnight UTC stands for the local date). */
export function isoWeekMonday({ year, week }: IsoWeek): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Weekday = jan4.getUTCDay() || 7;
  return new Date(jan4.getTime() - (jan4Weekday - 1) * DAY_MS + (week - 1) * 7 * DAY_MS);
}

/** The ISO week a calendar date (given as UTC midnight) belongs to. */
export function isoWeekOfDate(date: Date): IsoWeek {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  const thursday = new Date(day.getTime() + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week };
}

export function addWeeks(value: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOfDate(new Date(isoWeekMonday(value).getTime() + weeks * 7 * DAY_MS));
}

/** Whole weeks from `a` to `b` (positive when b is later). */
export function weeksBetween(a: IsoWeek, b: IsoWeek): number {
  return Math.round((isoWeekMonday(b).getTime() - isoWeekMonday(a).getTime()) / (7 * DAY_MS));
}

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour") % 24, minute: get("minute") };
}

/** The UTC instant of a local wall-clock time in a time zone. */
function zonedTimeToUtc(local: LocalParts, timeZone: string): Date {
  const wanted = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  let guess = wanted;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const seen = localParts(new Date(guess), timeZone);
    const seenMs = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    guess += wanted - seenMs;
  }
  return new Date(guess);
}

/** The local date (as UTC midnight) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): Date {
  const parts = localParts(instant, timeZone);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
}

/** "14:45": the local time of an instant in a time zone. */
export function localTimeLabel(instant: Date, timeZone: string): string {
  const parts = localParts(instant, timeZone);
  return `${String(parts.hour).padStart(2, "0")}:${String(parts.minute).padStart(2, "0")}`;
}

/** The ISO week containing an instant, in a time zone. */
export function currentIsoWeek(now: Date, timeZone: string): string {
  return formatIsoWeek(isoWeekOfDate(localDate(now, timeZone)));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export type WeekWindow = {
  /** Local Monday 00:00 of the week, as an instant. */
  from: Date;
  /** Local Monday 00:00 of the next week. */
  to: Date;
  /** The local calendar date of the meeting (UTC midnight). */
  meetingDate: Date;
  /** When the meeting starts, as an instant. */
  meetingStartsAt: Date;
};

/** The week's time window and the meeting's start, for a series' weekday, start time and zone. */
export function weekWindow(week: IsoWeek, schedule: { weekday: number; startMinute: number; timeZone: string }): WeekWindow {
  const monday = isoWeekMonday(week);
  const at = (date: Date, minuteOfDay: number) =>
    zonedTimeToUtc(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
      schedule.timeZone,
    );
  const nextMonday = new Date(monday.getTime() + 7 * DAY_MS);
  const meetingDate = new Date(monday.getTime() + (schedule.weekday - 1) * DAY_MS);
  return { from: at(monday, 0), to: at(nextMonday, 0), meetingDate, meetingStartsAt: at(meetingDate, schedule.startMinute) };
}

/** When the week's meeting ends: its start plus the series' length. */
export function meetingEndsAt(week: IsoWeek, schedule: { weekday: number; startMinute: number; timeZone: string; lengthMinutes: number }): Date {
  return new Date(weekWindow(week, schedule).meetingStartsAt.getTime() + schedule.lengthMinutes * 60_000);
}

/** The week whose meeting is next: this week's until its meeting has started, then next week's. */
export function comingIsoWeek(now: Date, schedule: { weekday: number; startMinute: number; timeZone: string }): string {
  const week = isoWeekOfDate(localDate(now, schedule.timeZone));
  return formatIsoWeek(now < weekWindow(week, schedule).meetingStartsAt ? week : addWeeks(week, 1));
}
