import type { WeeklyReviewStatus } from "@/lib/generated/prisma/enums";
import { WEEKDAY_LABELS } from "@/lib/reviews/schemas";

/** Display helpers shared by the review pages, the ICS file and the minutes. */
export function startTimeLabel(startMinute: number): string {
  return `${String(Math.floor(startMinute / 60)).padStart(2, "0")}:${String(startMinute % 60).padStart(2, "0")}`;
}

export function scheduleLabel(series: { weekday: number; startMinute: number; timeZone: string; lengthMinutes: number }): string {
  return `${WEEKDAY_LABELS[series.weekday - 1] ?? "?"}s at ${startTimeLabel(series.startMinute)} (${series.timeZone}), ${series.lengthMinutes} minutes`;
}

export function weekPath(seriesId: string, isoWeek: string, page: "" | "run" | "minutes" | "export" = ""): string {
  return `/reviews/${seriesId}/weeks/${isoWeek}${page ? `/${page}` : ""}`;
}

export function formatMttrChange(changePct: number | null): string {
  if (changePct === null) return "—";
  return `${changePct > 0 ? "+" : ""}${changePct.toFixed(0)}%`;
}

export type ReviewStatus = WeeklyReviewStatus;
export type ReviewState = { label: "Planned" | "Not held" | "Running" | "Published"; tone: "neutral" | "red" | "amber" | "green" };

/**
 * What a week's review is, as people say it: a planned meeting whose end has passed without it
 * being started was not held, and says so instead of "planned".
 */
export function reviewState(status: ReviewStatus, meetingEndsAt: Date, now: Date): ReviewState {
  if (status === "RUNNING") return { label: "Running", tone: "amber" };
  if (status === "PUBLISHED") return { label: "Published", tone: "green" };
  return meetingEndsAt.getTime() <= now.getTime() ? { label: "Not held", tone: "red" } : { label: "Planned", tone: "neutral" };
}
