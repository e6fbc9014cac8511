import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { MeetingView, type MeetingItem } from "./meeting-view";
import { requirePageUser } from "@/lib/auth/session";
import { dailySeries } from "@/lib/metrics/service-queries";
import { canRunSeries, findSeries } from "@/lib/reviews/access";
import { buildAgenda } from "@/lib/reviews/agenda-data";
import { weekPath } from "@/lib/reviews/format";
import { parseIsoWeek } from "@/lib/reviews/iso-week";
import { meetingState, reviewPeople, subtreeTeams } from "@/lib/reviews/queries";

export const metadata: Metadata = { title: "Review meeting" };

export default async function MeetingPage({ params }: { params: Promise<{ seriesId: string; isoWeek: string }> }) {
  const user = await requirePageUser();
  const { seriesId, isoWeek } = await params;
  const week = parseIsoWeek(isoWeek);
  const series = await findSeries(user, seriesId);
  if (!series || !week) notFound();
  const [agenda, state, people, teams] = await Promise.all([
    buildAgenda(series, week),
    meetingState(series, isoWeek),
    reviewPeople(series),
    subtreeTeams(series),
  ]);
  if (!state || state.status === "PLANNED") redirect(weekPath(series.id, isoWeek));
  if (state.status === "PUBLISHED") redirect(weekPath(series.id, isoWeek, "minutes"));
  const items: MeetingItem[] = [
    ...agenda.items.map((item) => ({ ...item, deferred: false })),
    ...agenda.deferred.map((item) => ({ ...item, startLabel: null, deferred: true })),
  ];
  const metricIds = items.flatMap((item) =>
    item.detail.kind === "metrics" || item.detail.kind === "wheel" ? item.detail.metrics.map((metric) => metric.id) : [],
  );
  const today = new Date();
  const series30 = await dailySeries(user, metricIds, today, 30);
  const due = new Date(today.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  return (
    <MeetingView
      seriesId={series.id}
      isoWeek={isoWeek}
      title={`${series.name} · ${isoWeek}`}
      lengthMinutes={series.lengthMinutes}
      items={items}
      state={{
        version: state.version,
        currentItemKey: state.currentItemKey,
        currentItemStartedAt: state.currentItemStartedAt?.toISOString() ?? null,
        startedAt: state.startedAt?.toISOString() ?? null,
        reachedKeys: state.reachedItemKeys,
      }}
      notes={Object.fromEntries(state.notes.map((note) => [note.itemKey, note.body]))}
      decisions={state.decisions.map((entry) => ({ id: entry.id, itemKey: entry.itemKey, text: entry.text, authorName: entry.author?.name ?? null }))}
      actions={state.correctiveActions.map((action) => ({
        id: action.id,
        title: action.title,
        ownerName: action.owner?.name ?? null,
        dueDate: action.dueDate?.toISOString().slice(0, 10) ?? null,
      }))}
      attendance={state.attendance.map((row) => row.userId)}
      people={people}
      teams={teams.map((team) => ({ id: team.id, name: team.name }))}
      defaultTeamId={series.teamId}
      defaultDueDate={due}
      series={Object.fromEntries(series30)}
      canRun={canRunSeries(user, series)}
    />
  );
}
