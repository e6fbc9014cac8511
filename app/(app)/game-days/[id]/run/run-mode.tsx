"use client";

import type { ExperimentVerdict } from "@/lib/generated/prisma/enums";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/format-date";
import { runAction } from "@/components/ui/run-action";
import type { ActionResult } from "@/lib/action";
import { abortExperimentAction, appendLogAction, finishGameDayAction, startGameDayAction, tickStepAction, verdictAction } from "@/lib/game-days/actions";
import { VerdictBadge } from "../../verdict-badge";

type Experiment = {
  id: string;
  title: string;
  verdict: ExperimentVerdict | null;
  abortReason: string | null;
  checkedSteps: number[];
  abortConditions: string;
  steps: string[];
  rollbacks: string[];
};
type LogEntry = { id: string; kind: string; body: string; createdAt: string; author: string | null };
type GameDay = { id: string; title: string; status: string; version: number; startedAt: string | null; durationMinutes: number };

function elapsed(since: string | null, now: number): string {
  if (!since) return "00:00:00";
  const seconds = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/**
 * Run mode. Every log line is saved when it is submitted; the line being typed is kept in this
 * browser (localStorage) until then, so leaving the page loses nothing. Other people's lines arrive
 * by refreshing the server-rendered data every ten seconds.
 */
export function RunMode({ gameDay, experiments, log, canRun }: { gameDay: GameDay; experiments: Experiment[]; log: LogEntry[]; canRun: boolean }) {
  const router = useRouter();
  const draftKey = `andon:game-day-log:${gameDay.id}`;
  const [now, setNow] = useState<number | null>(null);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [aborting, setAborting] = useState<string | null>(null);
  const [abortReason, setAbortReason] = useState("");
  const [rollbacksShown, setRollbacksShown] = useState<{ title: string; commands: string[] } | null>(null);

  useEffect(() => {
    // Read after hydration (the server has no localStorage), in a callback rather than the effect body.
    const restore = window.setTimeout(() => {
      setDraft(window.localStorage.getItem(draftKey) ?? "");
      setNow(Date.now());
    }, 0);
    const clock = window.setInterval(() => setNow(Date.now()), 1000);
    const poll = window.setInterval(() => router.refresh(), 10_000);
    return () => {
      window.clearTimeout(restore);
      window.clearInterval(clock);
      window.clearInterval(poll);
    };
  }, [draftKey, router]);

  useEffect(() => {
    if (draft) window.localStorage.setItem(draftKey, draft);
    else window.localStorage.removeItem(draftKey);
  }, [draft, draftKey]);

  function run<T>(call: () => Promise<ActionResult<T>>, after?: (data: T) => void) {
    startTransition(async () => {
      const result = await runAction(call);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      after?.(result.data);
      router.refresh();
    });
  }

  const running = gameDay.status === "RUNNING";
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{gameDay.title}</h1>
          <p className="text-sm text-slate-700">
            Run mode · {gameDay.status.toLowerCase()} · planned for {gameDay.durationMinutes} minutes
          </p>
        </div>
        <div className="flex items-center gap-3">
          <p className="font-mono text-3xl tabular-nums text-slate-900" role="timer" aria-label="Time since the game day started">
            {now === null ? "--:--:--" : elapsed(gameDay.startedAt, now)}
          </p>
          {canRun && gameDay.status === "PLANNED" ? (
            <Button pending={pending} onClick={() => run(() => startGameDayAction({ gameDayId: gameDay.id, version: gameDay.version }))}>
              Start
            </Button>
          ) : null}
          {canRun && running ? (
            <Button variant="secondary" pending={pending} onClick={() => run(() => finishGameDayAction({ gameDayId: gameDay.id, version: gameDay.version }))}>
              Finish the game day
            </Button>
          ) : null}
        </div>
      </header>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {rollbacksShown ? (
        <Alert tone="warning" title={`Aborted “${rollbacksShown.title}”: run the rollbacks now`}>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {rollbacksShown.commands.join("\n") || "(no rollback defined)"}
          </pre>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          {experiments.map((experiment) => (
            <Card key={experiment.id}>
              <CardHeader title={experiment.title} actions={<VerdictBadge verdict={experiment.verdict} />} />
              <CardBody className="space-y-3 text-sm">
                <fieldset>
                  <legend className="font-medium text-slate-900">Steps</legend>
                  <ol className="mt-2 space-y-2">
                    {experiment.steps.map((step, index) => (
                      <li key={index} className="flex items-start gap-2">
                        <input
                          id={`step-${experiment.id}-${index}`}
                          type="checkbox"
                          className="mt-1 size-4"
                          disabled={!canRun || pending}
                          defaultChecked={experiment.checkedSteps.includes(index)}
                          onChange={(event) => run(() => tickStepAction({ experimentId: experiment.id, step: index, checked: event.target.checked }))}
                        />
                        <label htmlFor={`step-${experiment.id}-${index}`} className="font-mono text-xs break-all text-slate-800">
                          {step}
                        </label>
                      </li>
                    ))}
                  </ol>
                </fieldset>
                <p className="text-slate-700">Abort when: {experiment.abortConditions || "–"}</p>
                {experiment.abortReason ? <p className="text-amber-900">Aborted: {experiment.abortReason}</p> : null}
                {canRun ? (
                  <div className="flex flex-wrap gap-2">
                    <Button size="sm" pending={pending} onClick={() => run(() => verdictAction({ experimentId: experiment.id, verdict: "HELD", note: "" }))}>
                      Hypothesis held
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      pending={pending}
                      onClick={() => run(() => verdictAction({ experimentId: experiment.id, verdict: "DEVIATED", note: "" }))}
                    >
                      Deviated
                    </Button>
                    <Button size="sm" variant="danger" onClick={() => setAborting(experiment.id)}>
                      Abort
                    </Button>
                  </div>
                ) : null}
                {aborting === experiment.id ? (
                  <form
                    className="space-y-2"
                    onSubmit={(event) => {
                      event.preventDefault();
                      run(
                        () => abortExperimentAction({ experimentId: experiment.id, reason: abortReason }),
                        (data) => {
                          setRollbacksShown({ title: experiment.title, commands: data.rollbackCommands });
                          setAborting(null);
                          setAbortReason("");
                        },
                      );
                    }}
                  >
                    <FormField label="Why abort?">
                      <input className={inputClasses} value={abortReason} onChange={(event) => setAbortReason(event.target.value)} />
                    </FormField>
                    <Button type="submit" size="sm" variant="danger" pending={pending}>
                      Abort and show rollbacks
                    </Button>
                  </form>
                ) : null}
              </CardBody>
            </Card>
          ))}
        </div>

        <Card>
          <CardHeader title="Log" description="Timestamped; anyone in the room can add a line." />
          <CardBody className="space-y-3">
            <ol className="max-h-[28rem] space-y-2 overflow-y-auto text-sm" aria-live="polite">
              {log.length === 0 ? <li className="text-slate-600">Nothing logged yet.</li> : null}
              {log.map((entry) => (
                <li key={entry.id} className="rounded bg-slate-50 px-3 py-2">
                  <p className="text-xs text-slate-600">
                    {formatDateTime(entry.createdAt)} · {entry.author ?? "someone"} · {entry.kind}
                  </p>
                  <p className="whitespace-pre-wrap text-slate-900">{entry.body}</p>
                </li>
              ))}
            </ol>
            {canRun ? (
              <form
                className="space-y-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  if (!draft.trim()) return;
                  const body = draft;
                  run(
                    () => appendLogAction({ gameDayId: gameDay.id, body }),
                    () => setDraft((current) => (current === body ? "" : current)),
                  );
                }}
              >
                <FormField label="Add to the log" hint="Saved when you press Log; what you type is kept if you leave the page.">
                  <textarea className={inputClasses} rows={2} value={draft} onChange={(event) => setDraft(event.target.value)} />
                </FormField>
                <Button type="submit" size="sm" pending={pending}>
                  Log
                </Button>
              </form>
            ) : null}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
