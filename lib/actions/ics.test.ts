// The calendar feed, checked by a real iCalendar parser (ical.js), not by string matching alone.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildIcs } from "@/lib/actions/ics";

const actions = [
  {
    id: "act_1",
    title: "Automate certificate renewal; alarm at 30, 14 and 3 days — “cards”",
    dueDate: new Date("2026-12-15T00:00:00Z"),
    status: "IN_PROGRESS",
    teamName: "Payments",
    url: "https://andon.example.com/actions/act_1",
    updatedAt: new Date("2026-11-20T10:00:00Z"),
  },
  {
    id: "act_2",
    title: "Runbook\\for DNS",
    dueDate: new Date("2027-01-02T00:00:00Z"),
    status: "OPEN",
    teamName: "Networking",
    url: "https://andon.example.com/actions/act_2",
    updatedAt: new Date("2026-11-21T10:00:00Z"),
  },
];

describe("buildIcs", () => {
  const text = buildIcs(actions, { calendarName: "Andon actions — Mel", host: "andon.example.com", now: new Date("2026-11-26T12:00:00Z") });

  it("parses as a VCALENDAR with one all-day event per action", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.uid)).toEqual(["action-act_1@andon.example.com", "action-act_2@andon.example.com"]);
    expect(events[0]!.summary).toBe("Due: Automate certificate renewal; alarm at 30, 14 and 3 days — “cards”");
    expect(events[1]!.summary).toBe("Due: Runbook\\for DNS");
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.startDate.toString()).toBe("2026-12-15");
    expect(events[0]!.endDate.toString()).toBe("2026-12-16");
    expect(events[0]!.description).toContain("https://andon.example.com/actions/act_1");
  });

  it("uses CRLF line ends and folds long lines at 75 octets", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
  });
});

describe("freeze windows in the feed", () => {
  it("gives each occurrence a timed event in UTC with a stable UID per window and start", () => {
    const occurrence = (startsAt: string, endsAt: string) => ({
      windowId: "fw_1",
      reason: "Weekend freeze",
      teamName: "Retail",
      serviceNames: [],
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      url: "https://andon.example.com/freeze-windows#fw_1",
      updatedAt: new Date("2026-11-20T10:00:00Z"),
    });
    const text = buildIcs([], {
      calendarName: "Andon actions — Mel",
      host: "andon.example.com",
      now: new Date("2026-11-26T12:00:00Z"),
      freezes: [occurrence("2026-11-27T15:00:00Z", "2026-11-30T07:00:00Z"), occurrence("2026-12-04T15:00:00Z", "2026-12-07T07:00:00Z")],
    });
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.uid)).toEqual(["freeze-fw_1-20261127T150000Z@andon.example.com", "freeze-fw_1-20261204T150000Z@andon.example.com"]);
    expect(events[0]!.summary).toBe("Deploy freeze: Weekend freeze");
    expect(events[0]!.startDate.isDate).toBe(false);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2026-11-27T15:00:00.000Z");
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(events[0]!.description).toContain("every service of Retail and its sub-teams");
  });
});

describe("game days in the feed", () => {
  it("gives each game day a busy timed event for its duration; a cancelled one stays, marked cancelled", () => {
    const gameDay = (id: string, status: "PLANNED" | "CANCELLED") => ({
      id,
      title: "Checkout under latency, 200 ms; then DNS",
      teamName: "Checkout",
      environment: "staging",
      status,
      startsAt: new Date("2026-12-08T09:30:00Z"),
      durationMinutes: 90,
      facilitatorName: "Gale",
      url: `https://andon.example.com/game-days/${id}`,
      updatedAt: new Date("2026-11-20T10:00:00Z"),
    });
    const text = buildIcs([], {
      calendarName: "Andon actions — Mel",
      host: "andon.example.com",
      now: new Date("2026-11-26T12:00:00Z"),
      gameDays: [gameDay("gd_1", "PLANNED"), gameDay("gd_2", "CANCELLED")],
    });
    const components = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
    const events = components.map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.uid)).toEqual(["game-day-gd_1@andon.example.com", "game-day-gd_2@andon.example.com"]);
    expect(events[0]!.summary).toBe("Game day: Checkout under latency, 200 ms; then DNS");
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2026-12-08T09:30:00.000Z");
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe("2026-12-08T11:00:00.000Z");
    expect(events[0]!.description).toBe("Chaos experiments of Checkout in staging, facilitated by Gale.\nhttps://andon.example.com/game-days/gd_1");
    expect(components.map((component) => component.getFirstPropertyValue("status"))).toEqual(["CONFIRMED", "CANCELLED"]);
    expect(components[0]!.getFirstPropertyValue("transp")).toBe("OPAQUE");
  });
});

describe("text values", () => {
  const parsedSummary = (title: string) => {
    const text = buildIcs([{ ...actions[0]!, title }], { calendarName: "Andon", host: "h" });
    return {
      text,
      summary: new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!).summary,
    };
  };

  it("escapes commas, semicolons, backslashes and newlines so the parser reads them back", () => {
    expect(parsedSummary("a,b;c\\d\ne").summary).toBe("Due: a,b;c\\d\ne");
  });

  it("folds a long line without splitting a multi-byte character", () => {
    const { text, summary } = parsedSummary("é".repeat(80));
    expect(summary).toBe("Due: " + "é".repeat(80));
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75 && !line.includes("\uFFFD"))).toBe(true);
  });
});
