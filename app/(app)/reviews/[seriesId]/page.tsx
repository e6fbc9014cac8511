import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { TableBody, TableEmpty, TableHead } from "@/components/ui/table-parts";
import { requirePageUser } from "@/lib/auth/session";
import { findSeries } from "@/lib/reviews/access";
import { reviewState, scheduleLabel, weekPath } from "@/lib/reviews/format";
import { addWeeks, currentIsoWeek, formatIsoWeek, meetingEndsAt, parseIsoWeek } from "@/lib/reviews/iso-week";
import { reviewPeople, seriesHistory } from "@/lib/reviews/queries";
import { SeriesSettingsForm } from "./series-settings-form";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Review series" };

export default async function SeriesPage({ params }: { params: Promise<{ seriesId: string }> }) {
  const user = await requirePageUser();
  const { seriesId } = await params;
  const series = await findSeries(user, seriesId);
  if (!series) notFound();
  const canManage = can(user, "review.run", series.teamId);
  const [history, people] = await Promise.all([seriesHistory(series), canManage ? reviewPeople(series) : Promise.resolve([])]);
  const now = new Date();
  const thisWeek = currentIsoWeek(now, series.timeZone);
  const nextWeek = formatIsoWeek(addWeeks(parseIsoWeek(thisWeek)!, 1));
  return (
    <>
      <BackLink href="/reviews" label="All reviews" />
      <PageHeader
        title={series.name}
        description={`${series.team.name} · ${scheduleLabel(series)} · organized by ${series.organizers.map((organizer) => organizer.user.name).join(", ") || "the team's managers"}`}
        actions={
          <>
            <ButtonLink variant="secondary" href={`/reviews/${series.id}/calendar`} prefetch={false}>
              Add to calendar (.ics)
            </ButtonLink>
            <ButtonLink variant="secondary" href={weekPath(series.id, nextWeek)}>
              Next week
            </ButtonLink>
            <ButtonLink href={weekPath(series.id, thisWeek)}>This week&apos;s agenda</ButtonLink>
          </>
        }
      />
      <Card>
        <CardHeader title="History" description="Every week with an agenda edit, a submission, a meeting or minutes." />
        {history.length === 0 ? (
          <TableEmpty>No weeks yet. Open this week&apos;s agenda to prepare the first meeting.</TableEmpty>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <TableHead columns={["Week", "Status", "Published", "Decisions", "New actions", "Attended", ""]} />
              <TableBody>
                {history.map((review) => {
                  // Stored weeks were parsed on the way in. A planned week whose meeting is over was not held.
                  const state = reviewState(review.status, meetingEndsAt(parseIsoWeek(review.isoWeek)!, series), now);
                  return (
                    <tr key={review.id}>
                      <td className="px-4 py-3 font-medium">
                        <Link className="text-indigo-700 hover:underline" href={weekPath(series.id, review.isoWeek)}>
                          {review.isoWeek}
                        </Link>
                      </td>
                      <td className="px-4 py-3">
                        <Badge tone={state.tone}>{state.label}</Badge>
                      </td>
                      <td className="px-4 py-3 text-slate-700">{review.publishedAt ? <DateTime value={review.publishedAt} /> : "—"}</td>
                      <td className="px-4 py-3 tabular-nums">{review._count.decisions}</td>
                      <td className="px-4 py-3 tabular-nums">{review._count.correctiveActions}</td>
                      <td className="px-4 py-3 tabular-nums">{review._count.attendance}</td>
                      <td className="px-4 py-3 text-right">
                        {review.status === "PUBLISHED" ? (
                          <Link className="font-medium text-indigo-700 hover:underline" href={weekPath(series.id, review.isoWeek, "minutes")}>
                            Minutes
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </TableBody>
            </table>
          </div>
        )}
      </Card>
      {canManage ? (
        <Card className="mt-6">
          <CardHeader title="Settings" description="When the review meets, for how long, and who besides the team's managers runs it." />
          <CardBody>
            <SeriesSettingsForm series={{ ...series, organizerIds: series.organizers.map((organizer) => organizer.userId) }} people={people} />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
