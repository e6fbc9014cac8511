import type { Metadata } from "next";
import Link from "next/link";
import { NewSeriesForm } from "./new-series-form";
import { CalendarIcon } from "@/components/shell/icons";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Th } from "@/components/ui/table";
import { TableBody } from "@/components/ui/table-parts";
import { requirePageUser } from "@/lib/auth/session";
import { scheduleLabel, weekPath } from "@/lib/reviews/format";
import { comingIsoWeek, currentIsoWeek } from "@/lib/reviews/iso-week";
import { listSeries, seriesAboveMyTeams, teamsToOrganize } from "@/lib/reviews/queries";
import { submittableSeries } from "@/lib/reviews/access";
import { SubmissionForm } from "@/components/reviews/submission-form";
import { ReviewedAbove } from "./reviewed-above";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage() {
  const user = await requirePageUser();
  const [series, organizable, submittable] = await Promise.all([listSeries(user), teamsToOrganize(user), submittableSeries(user)]);
  // A sub-team without a series of its own is reviewed higher up: say where, rather than "no series".
  const above = series.length === 0 ? await seriesAboveMyTeams(user, submittable) : [];
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Weekly operational reviews"
        description="One meeting per org unit per week, with an agenda built from what happened, run live and minuted."
      />
      {series.length === 0 && above.length > 0 ? (
        <ReviewedAbove entries={above} />
      ) : series.length === 0 && submittable.length > 0 ? null : series.length === 0 ? (
        <EmptyState title="No review series yet" icon={<CalendarIcon />}>
          A manager sets up a weekly review for their team. Andon then builds each week&apos;s agenda in fifteen-minute slots — successes and failings, overdue
          actions, new COEs, key service metrics, new best practices — and keeps the minutes.
        </EmptyState>
      ) : (
        <Card>
          <div className="relative overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Review</Th>
                  <Th className="max-sm:hidden">Team</Th>
                  <Th className="max-sm:hidden">When</Th>
                  <Th>This week</Th>
                  <Th className="max-sm:hidden">Last minutes</Th>
                </tr>
              </thead>
              <TableBody>
                {series.map((entry) => {
                  const week = currentIsoWeek(now, entry.timeZone);
                  const last = entry.reviews[0];
                  return (
                    <tr key={entry.id}>
                      <td className="px-4 py-3 font-medium">
                        <Link className="text-indigo-700 hover:underline" href={`/reviews/${entry.id}`}>
                          {entry.name}
                        </Link>
                        {/* On a phone the team, time and last minutes fold into this cell (stacked rows). */}
                        <p className="mt-0.5 text-xs font-normal text-slate-600 sm:hidden">
                          {entry.team.name} · {scheduleLabel(entry)}
                          {last ? (
                            <>
                              {" · "}
                              <Link className="text-indigo-700 underline" href={weekPath(entry.id, last.isoWeek, "minutes")}>
                                Minutes {last.isoWeek}
                              </Link>
                            </>
                          ) : null}
                        </p>
                      </td>
                      <td className="px-4 py-3 text-slate-700 max-sm:hidden">{entry.team.name}</td>
                      <td className="px-4 py-3 text-slate-700 max-sm:hidden">{scheduleLabel(entry)}</td>
                      <td className="px-4 py-3">
                        <Link className="font-medium text-indigo-700 hover:underline" href={weekPath(entry.id, week)}>
                          Agenda {week}
                        </Link>
                      </td>
                      <td className="px-4 py-3 text-slate-700 max-sm:hidden">
                        {last ? (
                          <Link className="text-indigo-700 hover:underline" href={weekPath(entry.id, last.isoWeek, "minutes")}>
                            {last.isoWeek}
                          </Link>
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  );
                })}
              </TableBody>
            </table>
          </div>
        </Card>
      )}
      {submittable.length > 0 ? (
        <Card className="mt-6">
          <CardHeader
            title="Submit for the coming review"
            description="A success, a failing or a best-practice proposal for your team's review or one higher up the tree."
          />
          <CardBody>
            <SubmissionForm
              showTarget
              targets={submittable.map((entry) => {
                const week = comingIsoWeek(now, entry);
                return { seriesId: entry.id, isoWeek: week, label: `${entry.name} (${entry.team.name}), ${week}` };
              })}
            />
          </CardBody>
        </Card>
      ) : null}
      {organizable.length > 0 ? (
        <Card className="mt-6">
          <CardHeader title="Set up a weekly review" description="For a team you manage. You become its first organizer." />
          <CardBody>
            <NewSeriesForm
              teams={organizable.toSorted((a, b) => Number(user.directTeamIds.includes(b.id)) - Number(user.directTeamIds.includes(a.id)))}
              defaultTimeZone="Europe/Berlin"
            />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
