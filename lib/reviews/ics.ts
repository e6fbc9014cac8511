import { ICalEventRepeatingFreq, ICalWeekday } from "ical-generator";
import { calendarZone, icsText, inZone, newCalendar } from "@/lib/ics";
import { parseIsoWeek, weekWindow } from "@/lib/reviews/iso-week";

/**
 * A review series as an iCalendar file: one weekly recurring event at its local start time in the
 * series' own time zone (TZID with the zone's VTIMEZONE), so the meeting stays at 10:00 local across
 * daylight-saving changes.
 */
const BYDAY = [ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA, ICalWeekday.SU] as const;

export type IcsSeries = {
  id: string;
  name: string;
  teamName: string;
  weekday: number;
  startMinute: number;
  timeZone: string;
  lengthMinutes: number;
  firstWeek: string;
  url: string;
};

export function buildSeriesIcs(series: IcsSeries, options: { host: string; now?: Date }): string {
  const { meetingStartsAt } = weekWindow(parseIsoWeek(series.firstWeek)!, series);
  const meetingEndsAt = new Date(meetingStartsAt.getTime() + series.lengthMinutes * 60_000);
  const zone = calendarZone(series.timeZone);
  const at = (instant: Date) => (zone ? inZone(instant, zone) : instant);
  const calendar = newCalendar({ product: "Weekly reviews", name: series.name });
  calendar.createEvent({
    id: `review-series-${series.id}@${options.host}`,
    stamp: options.now ?? new Date(),
    start: at(meetingStartsAt),
    end: at(meetingEndsAt),
    timezone: zone,
    repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [BYDAY[series.weekday - 1]!] },
    summary: `${series.name} (${series.teamName})`,
    description: `Weekly operational metrics review. This week's agenda: ${series.url}`,
    url: series.url,
  });
  return icsText(calendar);
}
