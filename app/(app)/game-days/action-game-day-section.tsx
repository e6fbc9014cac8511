import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import type { CurrentUser } from "@/lib/auth/principal";
import { actionGameDayRuns, heldRuns } from "@/lib/game-days/queries";
import { VerdictBadge } from "./verdict-badge";
import { VerifyByRunForm } from "./verify-by-run-form";

/**
 * On a corrective action's page (the caller has already authorized the action): the game-day run it
 * came from, the run that verified it, and — when it may be verified now — verifying it by a run whose
 * hypothesis held.
 */
export async function ActionGameDaySection({
  user,
  actionId,
  version,
  canVerify,
}: {
  user: CurrentUser;
  actionId: string;
  version: number;
  canVerify: boolean;
}) {
  const [{ sourceRun, verificationRun }, runs] = await Promise.all([actionGameDayRuns(user, actionId), canVerify ? heldRuns(user) : Promise.resolve([])]);
  if (!sourceRun && !verificationRun && runs.length === 0) return null;
  const runLink = (run: NonNullable<typeof sourceRun>) => (
    <span className="inline-flex flex-wrap items-center gap-2">
      <VerdictBadge verdict={run.verdict} />
      <Link className="text-indigo-700 hover:underline" href={`/game-days/${run.gameDay.id}#run-${run.id}`}>
        {run.gameDay.title} · {run.experiment.title}
      </Link>
      <DateTime value={run.endedAt ?? run.createdAt} dateOnly />
    </span>
  );
  return (
    <Card>
      <CardHeader title="Game day" description="Proof by experiment: a run whose steady-state hypothesis held shows the fix works." />
      <CardBody className="space-y-3 text-sm">
        {sourceRun ? <p>Found in: {runLink(sourceRun)}</p> : null}
        {verificationRun ? <p data-testid="action-verification-run">Verified by: {runLink(verificationRun)}</p> : null}
        {canVerify && runs.length > 0 ? (
          <VerifyByRunForm
            actionId={actionId}
            version={version}
            runs={runs.map((run) => ({ id: run.id, label: `${run.gameDay.title} · ${run.experiment.title} (${run.createdAt.toISOString().slice(0, 10)})` }))}
          />
        ) : null}
      </CardBody>
    </Card>
  );
}
