import { describe, expect, it } from "vitest";
import { addWeeks, comingIsoWeek, currentIsoWeek, formatIsoWeek, isoWeekMonday, localTimeLabel, parseIsoWeek, weekWindow } from "@/lib/reviews/iso-week";

describe("ISO weeks", () => {
  it.each([
    ["2026-W48", "2026-11-23"],
    ["2026-W01", "2025-12-29"],
    ["2020-W53", "2020-12-28"],
    ["2027-W01", "2027-01-04"],
  ])("%s starts on Monday %s", (week, monday) => {
    expect(isoWeekMonday(parseIsoWeek(week)!).toISOString().slice(0, 10)).toBe(monday);
  });

  it.each(["2026-W00", "2026-W54", "2025-W53", "2026W48", "26-W48", "2026-w48", ""])("refuses %j", (value) => {
    expect(parseIsoWeek(value)).toBeNull();
  });

  it.each([
    ["2026-W48", 1, "2026-W49"],
    ["2025-W52", 1, "2026-W01"],
    ["2026-W52", 1, "2026-W53"],
    ["2020-W53", 1, "2021-W01"],
    ["2027-W01", -1, "2026-W53"],
  ])("%s plus %i week is %s", (week, delta, expected) => {
    expect(formatIsoWeek(addWeeks(parseIsoWeek(week)!, delta))).toBe(expected);
  });

  it("finds the week in the series' time zone, not in UTC", () => {
    // Sunday 23:30 in UTC is already Monday in Tokyo.
    const instant = new Date("2026-11-29T23:30:00Z");
    expect(currentIsoWeek(instant, "UTC")).toBe("2026-W48");
    expect(currentIsoWeek(instant, "Asia/Tokyo")).toBe("2026-W49");
  });

  it.each([
    ["Europe/Berlin", "2026-W48", 4, 600, "2026-11-26T09:00:00.000Z"],
    ["Europe/Berlin", "2026-W13", 1, 600, "2026-03-23T09:00:00.000Z"],
    ["Europe/Berlin", "2026-W14", 1, 600, "2026-03-30T08:00:00.000Z"],
    ["America/New_York", "2026-W48", 2, 570, "2026-11-24T14:30:00.000Z"],
  ])("in %s, %s weekday %i at minute %i starts at %s", (timeZone, week, weekday, startMinute, expected) => {
    const window = weekWindow(parseIsoWeek(week)!, { weekday, startMinute, timeZone });
    expect(window.meetingStartsAt.toISOString()).toBe(expected);
    expect(localTimeLabel(window.meetingStartsAt, timeZone)).toBe(
      `${String(Math.floor(startMinute / 60)).padStart(2, "0")}:${String(startMinute % 60).padStart(2, "0")}`,
    );
  });
});

describe("comingIsoWeek", () => {
  const schedule = { weekday: 4, startMinute: 600, timeZone: "Europe/Berlin" };
  it.each([
    ["2026-11-23T08:00:00Z", "2026-W48"],
    ["2026-11-26T08:59:00Z", "2026-W48"],
    ["2026-11-26T09:00:00Z", "2026-W49"],
    ["2026-11-29T22:30:00Z", "2026-W49"],
  ])("at %s the coming review is %s", (now, expected) => {
    expect(comingIsoWeek(new Date(now), schedule)).toBe(expected);
  });
});
