import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SubTeamSummary } from "@/components/reviews/sub-team-summary";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { findSeries } from "@/lib/reviews/access";
import { weekPath } from "@/lib/reviews/format";
import { addWeeks, formatIsoWeek, parseIsoWeek } from "@/lib/reviews/iso-week";
import { readMinutes } from "@/lib/reviews/minutes";
import { meetingState } from "@/lib/reviews/queries";

export const metadata: Metadata = { title: "Review minutes" };

export default async function MinutesPage({ params }: { params: Promise<{ seriesId: string; isoWeek: string }> }) {
  const user = await requirePageUser();
  const { seriesId, isoWeek } = await params;
  const week = parseIsoWeek(isoWeek);
  const series = await findSeries(user, seriesId);
  if (!series || !week) notFound();
  const state = await meetingState(series, isoWeek);
  const minutes = readMinutes(state?.minutes);
  if (!minutes) notFound();
  const nextWeek = formatIsoWeek(addWeeks(week, 1));
  return (
    <>
      <BackLink href={`/reviews/${series.id}`} label={series.name} />
      <PageHeader
        title={`Minutes · ${series.name} · ${isoWeek}`}
        description={`${minutes.teamName} · published ${minutes.publishedAt.slice(0, 10)}`}
        actions={
          <>
            <ButtonLink variant="secondary" href={weekPath(series.id, isoWeek, "export")} prefetch={false}>
              Download Markdown
            </ButtonLink>
            <ButtonLink href={weekPath(series.id, nextWeek)}>Next week&apos;s agenda</ButtonLink>
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="Agenda and notes" />
            <ol className="divide-y divide-slate-100" data-testid="minutes-items">
              {minutes.items.map((item) => (
                <li key={item.key} className="px-5 py-4">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-sm text-slate-600">{item.startLabel}</span>
                    <span className="font-medium text-slate-900">{item.title}</span>
                    {item.reached ? null : <Badge tone="amber">Not reached · carried to {nextWeek}</Badge>}
                  </p>
                  {item.note ? <p className="mt-2 text-sm whitespace-pre-line text-slate-800">{item.note}</p> : null}
                  {item.decisions.map((decision) => (
                    <p key={decision} className="mt-1 text-sm">
                      <Badge tone="green">Decision</Badge> {decision}
                    </p>
                  ))}
                </li>
              ))}
            </ol>
            {minutes.deferred.length > 0 ? (
              <CardBody className="border-t border-slate-200 text-sm text-slate-700">
                Deferred (did not fit): {minutes.deferred.map((item) => item.title).join(", ")}
              </CardBody>
            ) : null}
          </Card>
          {minutes.subTeams.length > 0 ? <SubTeamSummary lines={minutes.subTeams} /> : null}
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Decisions" />
            <CardBody>
              <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="minutes-decisions">
                {minutes.decisions.map((decision, index) => (
                  <li key={index}>{decision.text}</li>
                ))}
              </ul>
              {minutes.decisions.length === 0 ? <p className="text-sm text-slate-500">None.</p> : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="New corrective actions" />
            <CardBody>
              <ul className="space-y-1 text-sm" data-testid="minutes-actions">
                {minutes.actions.map((action) => (
                  <li key={action.id}>
                    <Link className="font-medium text-indigo-700 hover:underline" href={`/actions/${action.id}`}>
                      {action.title}
                    </Link>{" "}
                    <span className="text-slate-600">
                      · {action.ownerName ?? "unassigned"} · due {action.dueDate}
                    </span>
                  </li>
                ))}
              </ul>
              {minutes.actions.length === 0 ? <p className="text-sm text-slate-500">None.</p> : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={`Attendance (${minutes.attendees.length})`} />
            <CardBody>
              <p className="text-sm text-slate-800">{minutes.attendees.join(", ") || "Not recorded."}</p>
            </CardBody>
          </Card>
          {state?.publishedAt ? (
            <p className="text-xs text-slate-500">
              Published <DateTime value={state.publishedAt} />
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}
