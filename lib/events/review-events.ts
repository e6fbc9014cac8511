import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";
import { emitEvent } from "@/lib/events/mutations";

type ReviewEventType = "review.agenda_ready" | "review.minutes_published";

export type ReviewEventSubject = {
  reviewId: string;
  series: { id: string; name: string; teamId: string };
  isoWeek: string;
  /** The published minutes (review.minutes_published), as GET …/weeks/{isoWeek}/minutes shows them. */
  minutes?: unknown;
};

/** A weekly review event: the week's review, its series and team, and the path of its page. */
export async function emitReviewEvent(tx: DbClient, organizationId: string, type: ReviewEventType, subject: ReviewEventSubject): Promise<void> {
  const path = `/reviews/${subject.series.id}/weeks/${subject.isoWeek}${type === "review.minutes_published" ? "/minutes" : ""}`;
  const data = {
    id: subject.reviewId,
    seriesId: subject.series.id,
    seriesName: subject.series.name,
    teamId: subject.series.teamId,
    isoWeek: subject.isoWeek,
    path,
    ...(subject.minutes === undefined ? {} : { minutes: subject.minutes }),
  };
  await emitEvent(tx, { organizationId, type, teamId: subject.series.teamId, data: data as Prisma.InputJsonValue });
}
