"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { DecisionForm, NewActionForm, unrecordedMeetingDrafts, type Runner } from "./meeting-forms";
import { MeetingNote } from "./meeting-note";
import { AgendaItemDetail } from "@/components/reviews/agenda-item-detail";
import { Countdown, useNow } from "./countdown";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { runAction } from "@/components/ui/run-action";
import type { ActionResult } from "@/lib/action";
import { goToItemAction, publishReviewAction, setAttendanceAction } from "@/lib/reviews/actions";
import { SECTION_LABELS, type AgendaItem } from "@/lib/reviews/agenda-types";
import { weekPath } from "@/lib/reviews/format";
import { SLOT_MINUTES } from "@/lib/reviews/slotting";

export type MeetingItem = AgendaItem & { startLabel: string | null; deferred: boolean };
export type MeetingProps = {
  seriesId: string;
  isoWeek: string;
  title: string;
  lengthMinutes: number;
  items: MeetingItem[];
  state: { version: number; currentItemKey: string | null; currentItemStartedAt: string | null; startedAt: string | null; reachedKeys: string[] };
  notes: Record<string, string>;
  decisions: { id: string; itemKey: string; text: string; authorName: string | null }[];
  actions: { id: string; title: string; ownerName: string | null; dueDate: string | null }[];
  attendance: string[];
  people: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  defaultTeamId: string;
  defaultDueDate: string;
  series: Record<string, { day: string; value: number }[]>;
  canRun: boolean;
};

const REFRESH_MS = 10_000;

/**
 * The meeting on the shared screen: the current item with its data, a countdown for its slots, the
 * time left in the meeting, next/previous, notes, decisions, new actions and attendance. The state
 * lives in PostgreSQL; every save names the version it was based on, and the view refreshes every
 * few seconds so a second organizer's changes appear.
 */
export function MeetingView(props: MeetingProps) {
  const router = useRouter();
  const ticking = useNow();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [local, setLocal] = useState<{ version: number; currentItemKey: string | null; currentItemStartedAt: string | null } | null>(null);
  // The open note's flush: moving to another item or publishing first saves what was typed.
  const flushNote = useRef<(() => Promise<boolean>) | null>(null);
  const registerNote = useCallback((flush: (() => Promise<boolean>) | null) => {
    flushNote.current = flush;
  }, []);
  const screenRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);

  const [noteVersion, setNoteVersion] = useState(0);
  const state = local && local.version >= props.state.version ? { ...props.state, ...local } : props.state;
  // A note save moves the meeting's version on without changing what is on screen.
  const version = Math.max(state.version, noteVersion);
  // Actions started after an autosaved note name the version it produced, not the one this render saw.
  const versionRef = useRef(version);
  useEffect(() => {
    versionRef.current = Math.max(versionRef.current, version);
  }, [version]);
  const noteSaved = useCallback((saved: number) => {
    versionRef.current = Math.max(versionRef.current, saved);
    setNoteVersion((previous) => Math.max(previous, saved));
  }, []);
  const index = Math.max(
    0,
    props.items.findIndex((item) => item.key === state.currentItemKey),
  );
  const current = props.items[index];
  const ref = { seriesId: props.seriesId, isoWeek: props.isoWeek, version };

  /** Runs a meeting change on the latest version, after the open note's autosave (which moves the version on) has landed. */
  function run<T extends { version: number }>(call: (version: number) => Promise<ActionResult<T>>, after?: (data: T) => void) {
    startTransition(async () => {
      if (flushNote.current) await flushNote.current();
      const result = await runAction(() => call(versionRef.current));
      if (result.ok) versionRef.current = Math.max(versionRef.current, result.data.version);
      if (!result.ok) {
        setError(result.error);
        router.refresh();
        return;
      }
      setError(null);
      setLocal((previous) => ({
        version: result.data.version,
        currentItemKey: previous?.currentItemKey ?? state.currentItemKey,
        currentItemStartedAt: previous?.currentItemStartedAt ?? state.currentItemStartedAt,
      }));
      after?.(result.data);
      router.refresh();
    });
  }

  async function goTo(target: MeetingItem | undefined) {
    if (!target) return;
    if (flushNote.current && !(await flushNote.current())) {
      setError("The note on this item is not saved yet; it is kept in this browser. Try again in a moment.");
      return;
    }
    run(
      (latest) => goToItemAction({ ...ref, version: latest, itemKey: target.key }),
      (data) => setLocal({ version: data.version, currentItemKey: target.key, currentItemStartedAt: new Date().toISOString() }),
    );
  }

  if (!current) return <Alert tone="info">The agenda is empty.</Alert>;
  const now = ticking ?? Date.parse(state.currentItemStartedAt ?? state.startedAt ?? "1970-01-01");
  const slotEndsAt = (state.currentItemStartedAt ? Date.parse(state.currentItemStartedAt) : now) + current.slots * SLOT_MINUTES * 60_000;
  const meetingEndsAt = (state.startedAt ? Date.parse(state.startedAt) : now) + props.lengthMinutes * 60_000;
  const slotProgress = Math.min(1, Math.max(0, 1 - (slotEndsAt - now) / (current.slots * SLOT_MINUTES * 60_000)));
  const itemDecisions = props.decisions.filter((entry) => entry.itemKey === current.key);

  return (
    <div ref={screenRef} className="space-y-4 overflow-y-auto bg-slate-50 [&:fullscreen]:p-6">
      <header className="rounded-lg bg-slate-900 px-4 py-4 text-white shadow sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-6">
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-300">
              {props.title} · item {index + 1} of {props.items.length} · {SECTION_LABELS[current.section]}
              {current.startLabel ? ` · planned ${current.startLabel}` : ""}
            </p>
            <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl" data-testid="current-item-title">
              {current.title}
            </h1>
          </div>
          {/* Wraps on a phone: the meeting clock goes under the item clock instead of off the edge. */}
          <div className="flex flex-wrap items-end gap-x-8 gap-y-3">
            <button
              type="button"
              className="self-center rounded-md px-3 py-1.5 text-sm font-medium text-slate-200 ring-1 ring-slate-600 hover:bg-slate-800"
              onClick={() => (document.fullscreenElement ? void document.exitFullscreen() : void screenRef.current?.requestFullscreen())}
            >
              Full screen
            </button>
            <Countdown endsAt={slotEndsAt} now={ticking} label={`This item · ${current.slots} × 15 min`} testId="slot-countdown" />
            <Countdown endsAt={meetingEndsAt} now={ticking} label="Meeting left" testId="meeting-countdown" size="md" />
          </div>
        </div>
        <div className="mt-3 h-2 overflow-hidden rounded bg-slate-700" aria-hidden>
          <div className={`h-full ${ticking !== null && slotEndsAt < ticking ? "bg-red-500" : "bg-indigo-400"}`} style={{ width: `${slotProgress * 100}%` }} />
        </div>
      </header>

      {error ? <Alert tone="error">{error}</Alert> : null}

      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-4">
          <section className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <AgendaItemDetail detail={current.detail} large canUpdate={props.canRun} series={props.series} />
          </section>

          {props.canRun ? (
            <section className="grid gap-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 lg:grid-cols-2">
              <MeetingNote
                key={current.key}
                seriesId={props.seriesId}
                isoWeek={props.isoWeek}
                itemKey={current.key}
                initialBody={props.notes[current.key] ?? ""}
                version={version}
                onSaved={noteSaved}
                register={registerNote}
              />
              <DecisionForm
                key={current.key}
                seriesId={props.seriesId}
                isoWeek={props.isoWeek}
                itemKey={current.key}
                decisions={itemDecisions}
                pending={pending}
                run={run}
              />
              <NewActionForm key={current.key} {...props} itemKey={current.key} version={version} pending={pending} run={run} />
              <div>
                <h2 className="text-lg font-semibold">New actions in this meeting</h2>
                <ul className="mt-2 space-y-1 text-base" data-testid="meeting-actions">
                  {props.actions.map((action) => (
                    <li key={action.id}>
                      {action.title}{" "}
                      <span className="text-slate-600">
                        · {action.ownerName ?? "unassigned"} · due {action.dueDate}
                      </span>
                    </li>
                  ))}
                  {props.actions.length === 0 ? <li className="text-slate-500">None yet.</li> : null}
                </ul>
              </div>
            </section>
          ) : null}
        </div>

        <aside className="space-y-4">
          {props.canRun ? (
            <div className="flex gap-2">
              <Button
                size="md"
                variant="secondary"
                className="h-14 flex-1 text-lg"
                disabled={pending || index === 0}
                onClick={() => goTo(props.items[index - 1])}
              >
                ← Previous
              </Button>
              <Button
                size="md"
                className="h-14 flex-1 text-lg"
                disabled={pending || index === props.items.length - 1}
                onClick={() => goTo(props.items[index + 1])}
              >
                Next →
              </Button>
            </div>
          ) : null}
          <nav className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-label="Agenda">
            <ol className="divide-y divide-slate-100">
              {props.items.map((item, position) => {
                const active = position === index;
                const reached = props.state.reachedKeys.includes(item.key);
                return (
                  <li key={item.key}>
                    <button
                      type="button"
                      disabled={!props.canRun || pending}
                      onClick={() => goTo(item)}
                      className={`flex w-full items-start gap-3 px-4 py-2 text-left text-base ${active ? "bg-indigo-50 font-semibold text-indigo-900" : "hover:bg-slate-50"} ${item.deferred ? "text-slate-500" : ""}`}
                    >
                      <span className="w-12 shrink-0 font-mono text-sm tabular-nums">{item.startLabel ?? "later"}</span>
                      <span className="flex-1">{item.title}</span>
                      <span aria-label={reached ? "reached" : "not reached"}>{reached ? "✓" : ""}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </nav>
          {props.canRun ? <Attendance {...props} version={version} pending={pending} run={run} /> : null}
          {props.canRun ? (
            <ConfirmButton
              label="Publish minutes"
              variant="primary"
              size="md"
              title="Publish the minutes?"
              description="The agenda, notes, decisions, new actions and attendance become the minutes. Items not reached are carried to next week."
              confirmLabel="Publish"
              onConfirm={async () => {
                const unsaved = unrecordedMeetingDrafts(props.seriesId, props.isoWeek, props.items);
                if (unsaved) return unsaved;
                if (flushNote.current && !(await flushNote.current()))
                  return "The note on the current item could not be saved yet, so nothing was published. It is kept in this browser; try again.";
                const result = await runAction(() => publishReviewAction({ ...ref, version: versionRef.current }));
                if (!result.ok) return result.error;
                router.push(weekPath(props.seriesId, props.isoWeek, "minutes"));
                return null;
              }}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}

function Attendance(props: MeetingProps & { version: number; pending: boolean; run: Runner }) {
  const present = new Set(props.attendance);
  return (
    <fieldset className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <legend className="px-1 text-base font-semibold">Attendance ({present.size})</legend>
      <div className="mt-1 max-h-64 space-y-1 overflow-y-auto">
        {props.people.map((person) => (
          <label key={person.id} className="flex items-center gap-2 text-base">
            <input
              type="checkbox"
              checked={present.has(person.id)}
              disabled={props.pending}
              onChange={(event) => {
                const next = new Set(present);
                if (event.target.checked) next.add(person.id);
                else next.delete(person.id);
                props.run((latest) => setAttendanceAction({ seriesId: props.seriesId, isoWeek: props.isoWeek, version: latest, userIds: [...next] }));
              }}
            />
            {person.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
