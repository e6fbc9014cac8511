import type { Metadata } from "next";
import Link from "next/link";
import { NewSeriesForm } from "@/components/reviews/new-series-form";
import { CalendarIcon } from "@/components/shell/icons";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableBody, TableHead } from "@/components/ui/table-parts";
import { requirePageUser } from "@/lib/auth/session";
import { scheduleLabel, weekPath } from "@/lib/reviews/format";
import { comingIsoWeek, currentIsoWeek } from "@/lib/reviews/iso-week";
import { listSeries, teamsToOrganize } from "@/lib/reviews/queries";
import { submittableSeries } from "@/lib/reviews/access";
import { SubmissionForm } from "@/components/reviews/submission-form";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage() {
  const user = await requirePageUser();
  const [series, organizable, submittable] = await Promise.all([listSeries(user), teamsToOrganize(user), submittableSeries(user)]);
  const now = new Date();
  return (
    <>
      <PageHeader title="Weekly operational reviews" description="One meeting per org unit per week, with an agenda built from what happened, run live and minuted." />
      {series.length === 0 && submittable.length > 0 ? null : series.length === 0 ? (
        <EmptyState title="No review series yet" icon={<CalendarIcon />}>
          A manager sets up a weekly review for their team. Andon then builds each week&apos;s agenda in fifteen-minute slots — successes and failings, overdue actions, new
          COEs, key service metrics, new best practices — and keeps the minutes.
        </EmptyState>
      ) : (
        <Card>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <TableHead columns={["Review", "Team", "When", "This week", "Last minutes"]} />
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
                    </td>
                    <td className="px-4 py-3 text-slate-700">{entry.team.name}</td>
                    <td className="px-4 py-3 text-slate-700">{scheduleLabel(entry)}</td>
                    <td className="px-4 py-3">
                      <Link className="font-medium text-indigo-700 hover:underline" href={weekPath(entry.id, week)}>
                        Agenda {week}
                      </Link>
                    </td>
                    <td className="px-4 py-3 text-slate-700">
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
        </Card>
      )}
      {submittable.length > 0 ? (
        <Card className="mt-6">
          <CardHeader title="Submit for the coming review" description="A success, a failing or a best-practice proposal for your team's review or one higher up the tree." />
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
            <NewSeriesForm teams={organizable.toSorted((a, b) => Number(user.directTeamIds.includes(b.id)) - Number(user.directTeamIds.includes(a.id)))} defaultTimeZone="Europe/Berlin" />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
