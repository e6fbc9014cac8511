import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildSeriesIcs } from "@/lib/reviews/ics";

describe("buildSeriesIcs", () => {
  const series = {
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

  it("is one weekly event at the local start time in the series' zone", () => {
    const text = buildSeriesIcs(series, { host: "localhost", now: new Date("2026-11-26T12:00:00Z") });
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20261126T100000");
    expect(String(event.getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY;BYDAY=TH");
    expect(String(event.getFirstPropertyValue("duration"))).toBe("PT1H15M");
    expect(event.getFirstPropertyValue("summary")).toBe("Retail weekly, ops (Retail)");
  });

  it.each([
    [60, "PT1H"],
    [45, "PT45M"],
    [90, "PT1H30M"],
  ])("a %i-minute meeting lasts %s", (lengthMinutes, duration) => {
    expect(buildSeriesIcs({ ...series, lengthMinutes }, { host: "h" })).toContain(`DURATION:${duration}\r\n`);
  });
});
