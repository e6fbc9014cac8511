import { describe, expect, it } from "vitest";
import {
  activeOccurrence,
  fromFloating,
  lastEndsAt,
  occurrencesBetween,
  parseRecurrence,
  toFloating,
  upcomingOccurrences,
} from "@/lib/freeze-windows/recurrence";
import { freezeWindowSchema } from "@/lib/freeze-windows/schemas";

// Fridays 16:00 to Mondays 08:00 in Berlin, first on Friday 2 October 2026 (CEST, UTC+2).
// Clocks go back on Sunday 25 October 2026 (to CET, UTC+1).
const weekend = {
  startsAt: new Date("2026-10-02T14:00:00Z"),
  endsAt: new Date("2026-10-05T06:00:00Z"),
  rrule: "FREQ=WEEKLY;BYDAY=FR",
  timeZone: "Europe/Berlin",
};

describe("recurring freeze windows across a daylight-saving change", () => {
  it.each([
    ["the Friday before the change, 15:59 local", "2026-10-23T13:59:00Z", false],
    ["the Friday before the change, 16:00 CEST", "2026-10-23T14:00:00Z", true],
    ["Sunday, the day clocks go back", "2026-10-25T12:00:00Z", true],
    ["Monday 07:59 CET, after the change", "2026-10-26T06:59:00Z", true],
    ["Monday 08:00 CET: the window has ended", "2026-10-26T07:00:00Z", false],
    ["the next Friday 15:30 CET (14:30 UTC: would be inside by summer time)", "2026-10-30T14:30:00Z", false],
    ["the next Friday 16:00 CET", "2026-10-30T15:00:00Z", true],
    ["a Wednesday", "2026-10-28T12:00:00Z", false],
  ])("%s → frozen: %s", (_label, at, frozen) => {
    expect(activeOccurrence(weekend, new Date(at)) !== null).toBe(frozen);
  });

  it("keeps 16:00 local in spring too (US clocks go forward on 8 March 2026)", () => {
    const daily = { startsAt: new Date("2026-03-06T21:00:00Z"), endsAt: new Date("2026-03-06T22:00:00Z"), rrule: "FREQ=DAILY", timeZone: "America/New_York" };
    const [before, after] = [
      occurrencesBetween(daily, new Date("2026-03-07T00:00:00Z"), new Date("2026-03-07T23:59:00Z")),
      occurrencesBetween(daily, new Date("2026-03-09T00:00:00Z"), new Date("2026-03-09T23:59:00Z")),
    ];
    expect(before.map((o) => o.startsAt.toISOString())).toEqual(["2026-03-07T21:00:00.000Z"]);
    expect(after.map((o) => o.startsAt.toISOString())).toEqual(["2026-03-09T20:00:00.000Z"]);
  });

  it("lists the next occurrences in order, the running one first", () => {
    const next = upcomingOccurrences(weekend, new Date("2026-10-24T00:00:00Z"), 3);
    expect(next.map((o) => [o.startsAt.toISOString(), o.endsAt.toISOString()])).toEqual([
      ["2026-10-23T14:00:00.000Z", "2026-10-26T07:00:00.000Z"],
      ["2026-10-30T15:00:00.000Z", "2026-11-02T07:00:00.000Z"],
      ["2026-11-06T15:00:00.000Z", "2026-11-09T07:00:00.000Z"],
    ]);
  });

  it("knows when a bounded rule ends and that an unbounded one never does", () => {
    expect(lastEndsAt({ ...weekend, rrule: "FREQ=WEEKLY;BYDAY=FR;COUNT=2" })?.toISOString()).toBe("2026-10-12T06:00:00.000Z");
    expect(lastEndsAt(weekend)).toBeNull();
    expect(lastEndsAt({ ...weekend, rrule: null })?.toISOString()).toBe("2026-10-05T06:00:00.000Z");
  });
});

describe("one-off windows", () => {
  const oneOff = { startsAt: new Date("2026-12-20T00:00:00Z"), endsAt: new Date("2026-12-27T00:00:00Z"), rrule: null, timeZone: "UTC" };
  it.each([
    ["2026-12-19T23:59:59Z", false],
    ["2026-12-20T00:00:00Z", true],
    ["2026-12-26T23:59:59Z", true],
    ["2026-12-27T00:00:00Z", false],
  ])("at %s frozen: %s", (at, frozen) => {
    expect(activeOccurrence(oneOff, new Date(at)) !== null).toBe(frozen);
  });
});

describe("parsing rules", () => {
  it.each([
    ["FREQ=WEEKLY;BYDAY=FR", true],
    ["RRULE:FREQ=MONTHLY;BYMONTHDAY=1", true],
    ["FREQ=HOURLY", false],
    ["FREQ=WEEKLY;BYDAY=XX", false],
    ["DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY", false],
    ["not a rule", false],
    ["", false],
  ])("%j valid: %s", (rule, valid) => {
    expect(parseRecurrence(rule).ok).toBe(valid);
  });
});

describe("rules a freeze window cannot use", () => {
  // Fridays 16:00 to Mondays 08:00 in Berlin, as the API receives it.
  const body = { teamId: "team", reason: "Weekend freeze", startsAt: "2026-12-04T16:00", endsAt: "2026-12-07T08:00", timeZone: "Europe/Berlin" };
  const refusal = (input: Record<string, string>) => {
    const result = freezeWindowSchema.safeParse({ ...body, ...input });
    return result.success ? null : result.error.issues.map((issue) => issue.path.join("."));
  };

  it.each([
    // rrule never returns from an interval below 1; a window held by one would stop every request.
    ["FREQ=DAILY;INTERVAL=-1", "rrule"],
    ["FREQ=DAILY;INTERVAL=0", "rrule"],
    ["FREQ=DAILY;INTERVAL=999999999", "rrule"],
    // Rules that never start a window were accepted and froze nothing.
    ["FREQ=WEEKLY;COUNT=0", "rrule"],
    ["FREQ=WEEKLY;UNTIL=20200101T000000Z", "rrule"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "rrule"],
    ["FREQ=YEARLY;BYYEARDAY=400", "rrule"],
    // Daily and weekly rules that never match took rrule seconds of CPU to give up on.
    ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "rrule"],
    ["FREQ=WEEKLY;BYDAY=MO;BYSETPOS=5", "rrule"],
    ["FREQ=DAILY;BYYEARDAY=400", "rrule"],
    // Sixty starts an hour, every day: thousands of overlapping windows for the gate to expand.
    ["FREQ=DAILY;BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29", "rrule"],
  ])("%s is refused under %s", (rrule, field) => {
    expect(refusal({ rrule })).toEqual([field]);
  });

  it("refuses a repeating window over a year long, and keeps accepting ordinary and sparse rules", () => {
    expect(refusal({ rrule: "FREQ=DAILY", startsAt: "1900-01-01T00:00", endsAt: "2999-12-31T23:59" })).toEqual(["endsAt"]);
    expect(refusal({ startsAt: "1900-01-01T00:00", endsAt: "2999-12-31T23:59" })).toBeNull();
    expect(refusal({ rrule: "FREQ=WEEKLY;BYDAY=FR;INTERVAL=2;COUNT=3" })).toBeNull();
    expect(refusal({ rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29" })).toBeNull();
    expect(refusal({ rrule: "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T000000Z" })).toBeNull();
  });
});

describe("wall clock conversion", () => {
  it("round-trips, and takes the first instant of a repeated autumn hour", () => {
    const instant = new Date("2026-07-01T10:00:00Z");
    expect(fromFloating(toFloating(instant, "Europe/Berlin"), "Europe/Berlin").toISOString()).toBe(instant.toISOString());
    expect(fromFloating(new Date("2026-10-25T02:30:00Z"), "Europe/Berlin").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
});
