import type { GameDayStatus } from "@/lib/generated/prisma/enums";
import { ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { icsText, newCalendar } from "@/lib/ics";

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
  status: GameDayStatus;
  startsAt: Date;
  durationMinutes: number;
  facilitatorName: string | null;
  url: string;
  updatedAt: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Instants in UTC, the form of a UID (20261127T150000Z). */
const basicDateTime = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

export function buildIcs(
  actions: readonly CalendarAction[],
  options: { calendarName: string; host: string; now?: Date; freezes?: readonly CalendarFreeze[]; gameDays?: readonly CalendarGameDay[] },
): string {
  const calendar = newCalendar({ product: "Corrective actions", name: options.calendarName });
  const stamp = options.now ?? new Date();
  for (const action of actions) {
    calendar.createEvent({
      id: `action-${action.id}@${options.host}`,
      stamp,
      lastModified: action.updatedAt,
      allDay: true,
      start: action.dueDate,
      end: new Date(action.dueDate.getTime() + DAY_MS),
      summary: `Due: ${action.title}`,
      description: `Corrective action of ${action.teamName} (${action.status.toLowerCase().replace("_", " ")}).\n${action.url}`,
      url: action.url,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  for (const freeze of options.freezes ?? []) {
    const scope = freeze.serviceNames.length > 0 ? freeze.serviceNames.join(", ") : `every service of ${freeze.teamName} and its sub-teams`;
    calendar.createEvent({
      id: `freeze-${freeze.windowId}-${basicDateTime(freeze.startsAt)}@${options.host}`,
      stamp,
      lastModified: freeze.updatedAt,
      start: freeze.startsAt,
      end: freeze.endsAt,
      summary: `Deploy freeze: ${freeze.reason}`,
      description: `The deploy gate blocks deploys to ${scope} (set by ${freeze.teamName}).\n${freeze.url}`,
      url: freeze.url,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  for (const gameDay of options.gameDays ?? []) {
    const facilitator = gameDay.facilitatorName ? `, facilitated by ${gameDay.facilitatorName}` : "";
    calendar.createEvent({
      id: `game-day-${gameDay.id}@${options.host}`,
      stamp,
      lastModified: gameDay.updatedAt,
      start: gameDay.startsAt,
      end: new Date(gameDay.startsAt.getTime() + gameDay.durationMinutes * 60_000),
      summary: `Game day: ${gameDay.title}`,
      description: `Chaos experiments of ${gameDay.teamName} in ${gameDay.environment}${facilitator}.\n${gameDay.url}`,
      url: gameDay.url,
      status: gameDay.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.OPAQUE,
    });
  }
  return icsText(calendar);
}
