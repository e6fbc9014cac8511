import { escapeText, foldLine } from "@/lib/actions/ics";
import { startTimeLabel } from "@/lib/reviews/format";
import { parseIsoWeek, weekWindow } from "@/lib/reviews/iso-week";

/**
 * A review series as an iCalendar file: one weekly recurring event in the series' own time zone
 * (TZID with the IANA name, so the meeting stays at 10:00 local across daylight-saving changes).
 */
const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

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

const localStamp = (date: Date, startMinute: number) =>
  `${date.toISOString().slice(0, 10).replace(/-/g, "")}T${startTimeLabel(startMinute).replace(":", "")}00`;

export function buildSeriesIcs(series: IcsSeries, options: { host: string; now?: Date }): string {
  const window = weekWindow(parseIsoWeek(series.firstWeek)!, series);
  const stamp = (options.now ?? new Date())
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const hours = Math.floor(series.lengthMinutes / 60);
  const minutes = series.lengthMinutes % 60;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Andon//Weekly reviews//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(series.name)}`,
    "BEGIN:VEVENT",
    `UID:review-series-${series.id}@${options.host}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;TZID=${series.timeZone}:${localStamp(window.meetingDate, series.startMinute)}`,
    `DURATION:PT${hours > 0 ? `${hours}H` : ""}${minutes > 0 || hours === 0 ? `${minutes}M` : ""}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[series.weekday - 1]}`,
    `SUMMARY:${escapeText(`${series.name} (${series.teamName})`)}`,
    `DESCRIPTION:${escapeText(`Weekly operational metrics review. This week's agenda: ${series.url}`)}`,
    `URL:${series.url}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
