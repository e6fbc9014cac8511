import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgendaEditor, type EditorItem } from "./agenda-editor";
import { RebuildAgendaButton } from "./rebuild-agenda-button";
import { StartMeetingButton } from "./start-meeting-button";
import { AnnounceAgendaButton } from "./announce-agenda-button";
import { SubmissionForm } from "@/components/reviews/submission-form";
import { SubTeamSummary } from "@/components/reviews/sub-team-summary";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { canRunSeries, canSubmitTo, findSeries } from "@/lib/reviews/access";
import { loadAgenda } from "@/lib/reviews/agenda-data";
import type { AgendaItem } from "@/lib/reviews/agenda-types";
import { reviewState, startTimeLabel, weekPath } from "@/lib/reviews/format";
import { addWeeks, formatIsoWeek, meetingEndsAt, parseIsoWeek } from "@/lib/reviews/iso-week";
import { WEEKDAY_LABELS } from "@/lib/reviews/schemas";

export const metadata: Metadata = { title: "Review agenda" };

const SUBMISSION_LABELS = { SUCCESS: "Success", FAILING: "Failing", BEST_PRACTICE: "Proposal" } as const;

// Every prop of the editor is serialized into the page; an item's data loads when its disclosure opens.
const withoutDetail = ({ detail: _detail, ...item }: AgendaItem): EditorItem => item;

export default async function WeekAgendaPage({ params }: { params: Promise<{ seriesId: string; isoWeek: string }> }) {
  const user = await requirePageUser();
  const { seriesId, isoWeek } = await params;
  const week = parseIsoWeek(isoWeek);
  const series = await findSeries(user, seriesId);
  if (!series || !week) notFound();
  const { agenda, edits } = await loadAgenda(series, week);
  const canRun = canRunSeries(user, series);
  const status = agenda.review.status;
  const submissions = [...agenda.items, ...agenda.deferred].flatMap((item) =>
    item.detail.kind === "successes" ? item.detail.submissions : item.detail.kind === "bestPractices" ? item.detail.proposals : [],
  );
  // A planned meeting whose time is over was not held: say so instead of "planned".
  const state = reviewState(status, meetingEndsAt(week, series), new Date());
  const passed = state.label === "Not held";
  const endLabel = startTimeLabel((series.startMinute + series.lengthMinutes) % (24 * 60));
  return (
    <>
      <BackLink href={`/reviews/${series.id}`} label={series.name} />
      <PageHeader
        title={`${series.name} · ${isoWeek}`}
        description={`${series.team.name} · ${WEEKDAY_LABELS[series.weekday - 1]} ${agenda.window.meetingDate}, ${startTimeLabel(series.startMinute)}–${endLabel} ${series.timeZone} · ${agenda.usedSlots} of ${agenda.totalSlots} slots used`}
        actions={
          <>
            <ButtonLink variant="ghost" href={weekPath(series.id, formatIsoWeek(addWeeks(week, -1)))}>
              ← Previous week
            </ButtonLink>
            <ButtonLink variant="ghost" href={weekPath(series.id, formatIsoWeek(addWeeks(week, 1)))}>
              Next week →
            </ButtonLink>
            {status === "PUBLISHED" ? <ButtonLink href={weekPath(series.id, isoWeek, "minutes")}>Minutes</ButtonLink> : null}
            {status === "RUNNING" ? <ButtonLink href={weekPath(series.id, isoWeek, "run")}>Open meeting view</ButtonLink> : null}
            {status === "PLANNED" && canRun && !passed ? (
              <AnnounceAgendaButton seriesId={series.id} isoWeek={isoWeek} version={agenda.review.version || 1} />
            ) : null}
            {status === "PLANNED" && canRun ? <StartMeetingButton seriesId={series.id} isoWeek={isoWeek} version={agenda.review.version || 1} /> : null}
          </>
        }
      />
      {passed ? (
        <div className="mb-4">
          <Alert tone="warning">
            This meeting&apos;s time has passed and it was not held. Start it here if it is being held late; next week&apos;s agenda is built from the data
            again.
          </Alert>
        </div>
      ) : null}
      {status === "PUBLISHED" ? (
        <div className="mb-4">
          <Alert tone="info">This review is published. The agenda below is rebuilt from today&apos;s data; the minutes keep it as it was.</Alert>
        </div>
      ) : null}
      {agenda.overrunSlots > 0 ? (
        <div className="mb-4">
          <Alert tone="error">{`Pinned items need ${agenda.overrunSlots} slot(s) more than the meeting has.`}</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Agenda"
              description={
                status === "PUBLISHED"
                  ? "Built from today's data in fifteen-minute slots; the minutes keep the agenda as it was."
                  : "Built from this week's data in fifteen-minute slots: the five typical items first, custom and carried items in the time left unless pinned. Reorder, resize, pin or remove items; “Rebuild from data” picks up new data and keeps your edits."
              }
              actions={
                <div className="flex items-center gap-2">
                  {status !== "PUBLISHED" ? <RebuildAgendaButton /> : null}
                  <Badge tone={state.tone}>{state.label}</Badge>
                </div>
              }
            />
            <AgendaEditor
              seriesId={series.id}
              isoWeek={isoWeek}
              version={agenda.review.version || 1}
              items={agenda.items.map(withoutDetail)}
              deferred={agenda.deferred.map(withoutDetail)}
              edits={edits}
              removedTitles={agenda.removed}
              editable={canRun && status !== "PUBLISHED"}
            />
          </Card>
          {agenda.subTeams.length > 0 ? <SubTeamSummary lines={agenda.subTeams} /> : null}
        </div>
        <div className="space-y-6">
          {canSubmitTo(user, series) && status !== "PUBLISHED" ? (
            <Card>
              <CardHeader title="Submit for this review" description="Successes, failings and best-practice proposals appear in the agenda." />
              <CardBody>
                <SubmissionForm targets={[{ seriesId: series.id, isoWeek, label: series.name }]} />
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title={`Submitted for ${isoWeek} (${submissions.length})`} />
            <CardBody>
              {submissions.length === 0 ? <p className="text-sm text-slate-500">Nothing submitted yet.</p> : null}
              <ul className="space-y-2 text-sm" data-testid="submissions">
                {submissions.map((submission) => (
                  <li key={submission.id}>
                    <Badge tone={submission.kind === "SUCCESS" ? "green" : submission.kind === "FAILING" ? "red" : "indigo"}>
                      {SUBMISSION_LABELS[submission.kind]}
                    </Badge>{" "}
                    <span className="font-medium">{submission.title}</span>
                    {submission.authorName ? <span className="text-slate-600"> · {submission.authorName}</span> : null}
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
