import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { gameDayDetail } from "@/lib/game-days/queries";
import { canRunGameDay } from "@/lib/game-days/mutations";
import { commandLines } from "@/lib/game-days/templates";
import { listDimensions } from "@/lib/verification/queries";
import { GameDayStatusBadge, VerdictBadge } from "../verdict-badge";
import { ActionFromRunForm } from "./action-from-run-form";
import { AddExperimentForm } from "./add-experiment-form";
import { ImportJournalForm } from "./import-journal-form";
import { StartButton } from "./start-button";

export const metadata: Metadata = { title: "Game day" };

type Activity = { phase: string; name: string; status: string; start: string | null; end: string | null; output: string | null };

/** A game day: its experiments in the Chaos Toolkit format, export, journal import, runs and their follow-ups. */
export default async function GameDayPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const gameDay = await gameDayDetail(user, id);
  if (!gameDay) notFound();
  const canRun = canRunGameDay(user, gameDay.teamId);
  const dimensions = canRun ? await listDimensions(user) : [];
  const experimentTitles = new Map(gameDay.experiments.map((experiment) => [experiment.id, experiment.title]));
  return (
    <>
      <BackLink href="/game-days" label="Game days" />
      <PageHeader
        title={gameDay.title}
        description={`${gameDay.team.name} · ${gameDay.environment} · ${gameDay.durationMinutes} minutes${gameDay.facilitator ? ` · facilitated by ${gameDay.facilitator.name}` : ""}`}
        actions={
          <>
            <GameDayStatusBadge status={gameDay.status} />
            {canRun && gameDay.status === "PLANNED" ? <StartButton gameDayId={gameDay.id} version={gameDay.version} /> : null}
            <ButtonLink variant={gameDay.status === "RUNNING" ? "primary" : "secondary"} href={`/game-days/${gameDay.id}/run`}>
              Run mode
            </ButtonLink>
          </>
        }
      />
      <dl className="mb-6 grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">Scheduled</dt>
          <dd>
            <DateTime value={gameDay.scheduledAt} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Services in scope</dt>
          <dd>
            {gameDay.services.length === 0
              ? "None named"
              : gameDay.services.map(({ service }, index) => (
                  <span key={service.id}>
                    {index > 0 ? ", " : ""}
                    <Link className="text-indigo-700 hover:underline" href={`/verification/services/${service.id}`}>
                      {service.name}
                    </Link>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Participants</dt>
          <dd>{gameDay.participants.map(({ user: person }) => person.name).join(", ") || "–"}</dd>
        </div>
      </dl>
      {gameDay.description ? <p className="mb-6 whitespace-pre-wrap text-sm text-slate-800">{gameDay.description}</p> : null}

      <div className="space-y-6">
        {gameDay.experiments.map((experiment) => {
          const hypothesis = experiment.steadyStateHypothesis as {
            title?: string;
            probes?: { name?: string; tolerance?: unknown; provider?: { url?: string } }[];
          };
          const method = commandLines(Array.isArray(experiment.method) ? experiment.method : []);
          const rollbacks = commandLines(Array.isArray(experiment.rollbacks) ? experiment.rollbacks : []);
          return (
            <Card key={experiment.id}>
              <CardHeader
                title={experiment.title}
                description={experiment.description}
                actions={
                  <div className="flex flex-wrap items-center gap-2">
                    <VerdictBadge verdict={experiment.verdict} />
                    <a
                      className="text-sm font-medium text-indigo-700 hover:underline"
                      href={`/api/v1/game-days/${gameDay.id}/experiments/${experiment.id}/export`}
                      download={`experiment-${experiment.id}.json`}
                    >
                      Download experiment.json
                    </a>
                  </div>
                }
              />
              <CardBody className="space-y-4 text-sm">
                <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
                  <div>
                    <dt className="text-slate-600">Steady-state hypothesis</dt>
                    <dd>
                      {hypothesis.title}
                      <ul className="text-slate-700">
                        {(hypothesis.probes ?? []).map((probe, index) => (
                          <li key={index}>
                            {probe.name}: {probe.provider?.url} answers {JSON.stringify(probe.tolerance)}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">Verifies</dt>
                    <dd>
                      {experiment.service ? experiment.service.name : "No service"} · {experiment.dimension ? experiment.dimension.name : "no dimension"}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">Blast radius</dt>
                    <dd>{experiment.blastRadius || "–"}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">Abort conditions</dt>
                    <dd>{experiment.abortConditions || "–"}</dd>
                  </div>
                  {experiment.expectedOutcome ? (
                    <div>
                      <dt className="text-slate-600">Expected outcome</dt>
                      <dd>{experiment.expectedOutcome}</dd>
                    </div>
                  ) : null}
                  {experiment.sourceCoe ? (
                    <div>
                      <dt className="text-slate-600">Reproduces</dt>
                      <dd>
                        <Link className="text-indigo-700 hover:underline" href={`/coes/${experiment.sourceCoe.id}`}>
                          {experiment.sourceCoe.title}
                        </Link>
                      </dd>
                    </div>
                  ) : null}
                </dl>
                <div className="grid gap-4 lg:grid-cols-2">
                  <div>
                    <h3 className="font-medium text-slate-900">Method</h3>
                    <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{method.join("\n")}</pre>
                  </div>
                  <div>
                    <h3 className="font-medium text-slate-900">Rollbacks</h3>
                    <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{rollbacks.join("\n") || "(none)"}</pre>
                  </div>
                </div>
                {experiment.abortReason ? <p className="text-amber-900">Aborted: {experiment.abortReason}</p> : null}
                {canRun ? <ImportJournalForm gameDayId={gameDay.id} experimentId={experiment.id} experimentTitle={experiment.title} /> : null}
              </CardBody>
            </Card>
          );
        })}
        {gameDay.experiments.length === 0 ? <p className="text-sm text-slate-700">No experiment yet.</p> : null}
        {canRun ? (
          <AddExperimentForm
            gameDayId={gameDay.id}
            serviceId={gameDay.services[0]?.service.id}
            dimensions={dimensions.map((dimension) => ({ id: dimension.id, key: dimension.key, name: dimension.name }))}
          />
        ) : null}

        <Card>
          <CardHeader
            title="Runs"
            description="Imported journals and verdicts from run mode. A held hypothesis verified the service; a deviation is a finding."
          />
          {gameDay.runs.length === 0 ? (
            <CardBody>
              <p className="text-sm text-slate-600">No run yet. Run `chaos run experiment.json`, then import the journal.json it writes.</p>
            </CardBody>
          ) : (
            <ul className="divide-y divide-slate-100">
              {gameDay.runs.map((run) => {
                const activities = (Array.isArray(run.activities) ? run.activities : []) as Activity[];
                return (
                  <li key={run.id} id={`run-${run.id}`} className="space-y-2 px-5 py-4 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <VerdictBadge verdict={run.verdict} />
                      <span className="font-medium text-slate-900">{experimentTitles.get(run.experimentId)}</span>
                      <span className="text-slate-700">
                        {run.source === "JOURNAL" ? `journal: ${run.status}${run.deviated ? ", deviated" : ""}` : "run mode"} ·{" "}
                        <DateTime value={run.endedAt ?? run.createdAt} />
                        {run.recordedBy ? ` · ${run.recordedBy.name}` : ""}
                      </span>
                      {run.verificationRecords.length > 0 ? <span className="text-emerald-800">· verified the service</span> : null}
                    </div>
                    {activities.length > 0 ? (
                      <details>
                        <summary className="cursor-pointer text-slate-800">Activities ({activities.length})</summary>
                        <div className="relative mt-2 overflow-x-auto">
                          <table className="min-w-full text-xs">
                            <thead>
                              <tr className="text-left text-slate-600">
                                <th className="py-1 pr-3">Phase</th>
                                <th className="py-1 pr-3">Activity</th>
                                <th className="py-1 pr-3">Status</th>
                                <th className="py-1 pr-3">Start</th>
                                <th className="py-1 pr-3">End</th>
                                <th className="py-1">Output</th>
                              </tr>
                            </thead>
                            <tbody>
                              {activities.map((activity, index) => (
                                <tr key={index} className="align-top">
                                  <td className="py-1 pr-3">{activity.phase}</td>
                                  <td className="py-1 pr-3">{activity.name}</td>
                                  <td className="py-1 pr-3">{activity.status}</td>
                                  <td className="py-1 pr-3">{activity.start ?? "–"}</td>
                                  <td className="py-1 pr-3">{activity.end ?? "–"}</td>
                                  <td className="max-w-md truncate py-1" title={activity.output ?? ""}>
                                    {activity.output ?? ""}
                                  </td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      </details>
                    ) : null}
                    {run.actionsCreated.length > 0 ? (
                      <p>
                        Corrective actions:{" "}
                        {run.actionsCreated.map((action, index) => (
                          <span key={action.id}>
                            {index > 0 ? ", " : ""}
                            <Link className="text-indigo-700 hover:underline" href={`/actions/${action.id}`}>
                              {action.title}
                            </Link>
                          </span>
                        ))}
                      </p>
                    ) : null}
                    {canRun && run.verdict !== "HELD" ? (
                      <div className="flex flex-wrap items-start gap-3">
                        <ActionFromRunForm runId={run.id} />
                        {run.verdict === "DEVIATED" ? (
                          <Link className="text-sm font-medium text-indigo-700 hover:underline" href="/coes/new">
                            Customers affected? Start a COE
                          </Link>
                        ) : null}
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
