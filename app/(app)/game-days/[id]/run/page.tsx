import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { requirePageUser } from "@/lib/auth/session";
import { gameDayDetail, gameDayLog } from "@/lib/game-days/queries";
import { canRunGameDay } from "@/lib/game-days/mutations";
import { commandLines } from "@/lib/game-days/templates";
import { RunMode } from "./run-mode";

export const metadata: Metadata = { title: "Game day · run mode" };

/** The live game day: a clock, each experiment's steps, the shared log, abort with rollbacks, and verdicts. */
export default async function RunModePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const gameDay = await gameDayDetail(user, id);
  if (!gameDay) notFound();
  const log = await gameDayLog(user, gameDay.id);
  return (
    <>
      <BackLink href={`/game-days/${gameDay.id}`} label={gameDay.title} />
      <RunMode
        canRun={canRunGameDay(user, gameDay.teamId)}
        gameDay={{
          id: gameDay.id,
          title: gameDay.title,
          status: gameDay.status,
          version: gameDay.version,
          startedAt: gameDay.startedAt?.toISOString() ?? null,
          durationMinutes: gameDay.durationMinutes,
        }}
        experiments={gameDay.experiments.map((experiment) => ({
          id: experiment.id,
          title: experiment.title,
          verdict: experiment.verdict,
          abortReason: experiment.abortReason,
          checkedSteps: experiment.checkedSteps,
          abortConditions: experiment.abortConditions,
          steps: commandLines(Array.isArray(experiment.method) ? experiment.method : []),
          rollbacks: commandLines(Array.isArray(experiment.rollbacks) ? experiment.rollbacks : []),
        }))}
        log={log.map((entry) => ({
          id: entry.id,
          kind: entry.kind,
          body: entry.body,
          createdAt: entry.createdAt.toISOString(),
          author: entry.author?.name ?? null,
        }))}
      />
    </>
  );
}
