/**
 * A user's calendar feed (RFC 5545): one all-day VEVENT per open corrective action with a due
 * date, one timed VEVENT per occurrence of a deploy freeze window reaching their teams, and one per
 * game day of their teams or with them in it; stable UIDs so calendar apps update events instead of
 * duplicating them (a cancelled game day stays, marked cancelled, so calendars drop it).
 */
export type CalendarAction = { id: string; title: string; dueDate: Date; status: string; teamName: string; url: string; updatedAt: Date };
/** One occurrence of a freeze window (a recurring window is expanded, each occurrence its own event). */
export type CalendarFreeze = {
  windowId: string;
  reason: string;
  teamName: string;
  serviceNames: string[];
  startsAt: Date;
  endsAt: Date;
  url: string;
  updatedAt: Date;
};

/** A game day: a meeting in the room (busy time), from its start for its duration. */
export type CalendarGameDay = {
  id: string;
  title: string;
  teamName: string;
  environment: string;
  status: "PLANNED" | "RUNNING" | "FINISHED" | "CANCELLED";
  startsAt: Date;
  durationMinutes: number;
  facilitatorName: string | null;
  url: string;
  updatedAt: Date;
};

/** Escapes TEXT values: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds lines longer than 75 octets with CRLF + space, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const length = Buffer.byteLength(char, "utf8");
    const limit = parts.length === 0 ? 75 : 74;
    if (size + length > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const basicDate = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, "");
const basicDateTime = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

export function buildIcs(
  actions: readonly CalendarAction[],
  options: { calendarName: string; host: string; now?: Date; freezes?: readonly CalendarFreeze[]; gameDays?: readonly CalendarGameDay[] },
): string {
  const stamp = basicDateTime(options.now ?? new Date());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Andon//Corrective actions//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  for (const action of actions) {
    const end = new Date(action.dueDate.getTime() + 24 * 60 * 60 * 1000);
    lines.push(
      "BEGIN:VEVENT",
      `UID:action-${action.id}@${options.host}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${basicDateTime(action.updatedAt)}`,
      `DTSTART;VALUE=DATE:${basicDate(action.dueDate)}`,
      `DTEND;VALUE=DATE:${basicDate(end)}`,
      `SUMMARY:${escapeText(`Due: ${action.title}`)}`,
      `DESCRIPTION:${escapeText(`Corrective action of ${action.teamName} (${action.status.toLowerCase().replace("_", " ")}).\n${action.url}`)}`,
      `URL:${action.url}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  for (const freeze of options.freezes ?? []) {
    const scope = freeze.serviceNames.length > 0 ? freeze.serviceNames.join(", ") : `every service of ${freeze.teamName} and its sub-teams`;
    lines.push(
      "BEGIN:VEVENT",
      `UID:freeze-${freeze.windowId}-${basicDateTime(freeze.startsAt)}@${options.host}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${basicDateTime(freeze.updatedAt)}`,
      `DTSTART:${basicDateTime(freeze.startsAt)}`,
      `DTEND:${basicDateTime(freeze.endsAt)}`,
      `SUMMARY:${escapeText(`Deploy freeze: ${freeze.reason}`)}`,
      `DESCRIPTION:${escapeText(`The deploy gate blocks deploys to ${scope} (set by ${freeze.teamName}).\n${freeze.url}`)}`,
      `URL:${freeze.url}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  for (const gameDay of options.gameDays ?? []) {
    const facilitator = gameDay.facilitatorName ? `, facilitated by ${gameDay.facilitatorName}` : "";
    lines.push(
      "BEGIN:VEVENT",
      `UID:game-day-${gameDay.id}@${options.host}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${basicDateTime(gameDay.updatedAt)}`,
      `DTSTART:${basicDateTime(gameDay.startsAt)}`,
      `DTEND:${basicDateTime(new Date(gameDay.startsAt.getTime() + gameDay.durationMinutes * 60_000))}`,
      `SUMMARY:${escapeText(`Game day: ${gameDay.title}`)}`,
      `DESCRIPTION:${escapeText(`Chaos experiments of ${gameDay.teamName} in ${gameDay.environment}${facilitator}.\n${gameDay.url}`)}`,
      `URL:${gameDay.url}`,
      `STATUS:${gameDay.status === "CANCELLED" ? "CANCELLED" : "CONFIRMED"}`,
      "TRANSP:OPAQUE",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
