// The series' .ics, read back by a real iCalendar parser (ical.js), which places a TZID time by the
// VTIMEZONE in the same file and knows no zone rules of its own.
import ICAL from "ical.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildSeriesIcs, type IcsSeries } from "@/lib/reviews/ics";

const series: IcsSeries = {
  id: "s1",
  name: "Retail weekly, ops",
  teamName: "Retail",
  weekday: 4,
  startMinute: 600,
  timeZone: "Europe/Berlin",
  lengthMinutes: 75,
  firstWeek: "2026-W48",
  url: "http://localhost/reviews/s1",
};

function parse(text: string): { calendar: ICAL.Component; event: ICAL.Event } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent("vevent")!) };
}

/** The first `count` occurrences of the event, as instants. */
function occurrences(event: ICAL.Event, count: number): Date[] {
  const iterator = event.iterator();
  const starts: Date[] = [];
  for (let next = iterator.next(); next && starts.length < count; next = iterator.next()) starts.push(next.toJSDate());
  return starts;
}

const localTime = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("buildSeriesIcs", () => {
  it("is one weekly event at the local start time in the series' zone, with that zone's VTIMEZONE", () => {
    const text = buildSeriesIcs(series, { host: "localhost", now: new Date("2026-11-26T12:00:00Z") });
    const { calendar, event } = parse(text);
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20261126T100000\r\n");
    expect(calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid"))).toEqual(["Europe/Berlin"]);
    expect(String(event.component.getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY;BYDAY=TH");
    expect(event.summary).toBe("Retail weekly, ops (Retail)");
    expect(event.uid).toBe("review-series-s1@localhost");
    expect(event.duration.toSeconds()).toBe(75 * 60);
    expect(text).toContain("DTSTAMP:20261126T120000Z\r\n");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it.each([
    // Berlin leaves summer time on 25 October 2026, New York on 1 November 2026.
    ["Europe/Berlin", "2026-W43", ["2026-10-22T08:00:00.000Z", "2026-10-29T09:00:00.000Z", "2026-11-05T09:00:00.000Z"]],
    ["America/New_York", "2026-W43", ["2026-10-22T14:00:00.000Z", "2026-10-29T14:00:00.000Z", "2026-11-05T15:00:00.000Z"]],
    // New York enters summer time on 14 March 2027.
    ["America/New_York", "2027-W10", ["2027-03-11T15:00:00.000Z", "2027-03-18T14:00:00.000Z", "2027-03-25T14:00:00.000Z"]],
  ])("in %s from %s the meeting stays at 10:00 local across the daylight-saving change", (timeZone, firstWeek, instants) => {
    const { event } = parse(buildSeriesIcs({ ...series, timeZone, firstWeek }, { host: "localhost" }));
    const starts = occurrences(event, 3);
    expect(starts.map((start) => start.toISOString())).toEqual(instants);
    expect(starts.map((start) => localTime(start, timeZone))).toEqual(["Thu 10:00", "Thu 10:00", "Thu 10:00"]);
  });

  it("needs its VTIMEZONE: without it the parser reads 10:00 as a floating time", () => {
    vi.stubEnv("TZ", "UTC");
    const text = buildSeriesIcs({ ...series, firstWeek: "2026-W43" }, { host: "localhost" });
    const withoutZone = text.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, "");
    expect(occurrences(parse(withoutZone).event, 1)[0]!.toISOString()).not.toBe(occurrences(parse(text).event, 1)[0]!.toISOString());
  });

  it("writes the same file whatever the server's own time zone", () => {
    const inUtc = buildSeriesIcs(series, { host: "h", now: new Date("2026-11-26T12:00:00Z") });
    vi.stubEnv("TZ", "Pacific/Auckland");
    expect(buildSeriesIcs(series, { host: "h", now: new Date("2026-11-26T12:00:00Z") })).toBe(inUtc);
  });

  it("names an alias zone by its canonical TZID, the one its VTIMEZONE defines", () => {
    const text = buildSeriesIcs({ ...series, timeZone: "Asia/Calcutta" }, { host: "h" });
    expect(text).toContain("DTSTART;TZID=Asia/Kolkata:20261126T100000\r\n");
    expect(parse(text).calendar.getFirstSubcomponent("vtimezone")!.getFirstPropertyValue("tzid")).toBe("Asia/Kolkata");
  });

  it.each([
    [60, 60 * 60],
    [45, 45 * 60],
    [90, 90 * 60],
  ])("a %i-minute meeting lasts %i seconds", (lengthMinutes, seconds) => {
    expect(parse(buildSeriesIcs({ ...series, lengthMinutes }, { host: "h" })).event.duration.toSeconds()).toBe(seconds);
  });
});
