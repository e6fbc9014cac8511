"use client";

import type { PilotMetric } from "@/lib/generated/prisma/enums";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runAction } from "@/components/ui/run-action";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { inputClasses } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";
import { startPilotAction, stopPilotAction } from "@/lib/metrics/actions";
import { formatChange, formatSeconds } from "@/lib/metrics/format";

const LABELS: Record<PilotMetric, string> = { MTTR: "MTTR (time to resolve)", TIME_TO_DETECT: "Time to detect", TIME_TO_MITIGATE: "Time to mitigate" };

export type PilotView = {
  metric: PilotMetric;
  baselineMedianSec: number | null;
  baselineCount: number;
  startedAt: string;
  startedBy: string | null;
  currentMedianSec: number | null;
  currentCount: number;
};

/** A team's pilot: the metric it set out to improve, its baseline, and where it stands now. */
export function PilotPanel({
  teamId,
  teamName,
  pilot,
  canManage,
  windowDays,
}: {
  teamId: string;
  teamName: string;
  pilot: PilotView | null;
  canManage: boolean;
  windowDays: number;
}) {
  const router = useRouter();
  const [metric, setMetric] = useState<PilotMetric>("MTTR");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function start() {
    startTransition(async () => {
      const result = await runAction(() => startPilotAction({ teamId, metric }));
      if (!result.ok) return setError(result.error);
      setError(null);
      router.refresh();
    });
  }

  if (!pilot) {
    if (!canManage) return null;
    return (
      <section
        aria-label="Pilot"
        className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3"
      >
        <p className="text-sm text-slate-600">
          Make <span className="font-medium text-slate-800">{teamName}</span> a pilot: the year before today becomes its baseline, and this page shows progress
          against it.
        </p>
        <div className="flex items-center gap-2">
          <label className="sr-only" htmlFor="pilot-metric">
            Metric to improve
          </label>
          <select
            id="pilot-metric"
            className={cn(inputClasses, "w-auto py-1.5")}
            value={metric}
            onChange={(event) => setMetric(event.target.value as PilotMetric)}
          >
            {(Object.keys(LABELS) as PilotMetric[]).map((key) => (
              <option key={key} value={key}>
                {LABELS[key]}
              </option>
            ))}
          </select>
          <Button size="sm" className="whitespace-nowrap" onClick={start} pending={pending}>
            Start pilot
          </Button>
        </div>
        {error ? (
          <Alert tone="error" className="w-full">
            {error}
          </Alert>
        ) : null}
      </section>
    );
  }

  const change =
    pilot.baselineMedianSec && pilot.currentMedianSec !== null ? ((pilot.currentMedianSec - pilot.baselineMedianSec) / pilot.baselineMedianSec) * 100 : null;
  return (
    <section
      aria-label="Pilot"
      data-testid="pilot-panel"
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-indigo-50 px-4 py-3 ring-1 ring-indigo-200"
    >
      <div className="space-y-1 text-sm text-indigo-950">
        <p>
          <Badge tone="indigo">Pilot</Badge> <span className="font-medium">{teamName}</span> is improving{" "}
          <span className="font-medium">{LABELS[pilot.metric]}</span>, since {pilot.startedAt.slice(0, 10)}
          {pilot.startedBy ? ` (started by ${pilot.startedBy})` : ""}.
        </p>
        <p>
          Baseline median <span className="font-semibold">{formatSeconds(pilot.baselineMedianSec)}</span> over {pilot.baselineCount} incident
          {pilot.baselineCount === 1 ? "" : "s"} in the year before · last {windowDays} days{" "}
          <span className="font-semibold">{formatSeconds(pilot.currentMedianSec)}</span> over {pilot.currentCount}
          {change !== null ? (
            <>
              {" "}
              <span className={cn("ml-1 font-semibold", change < 0 ? "text-emerald-700" : change > 0 ? "text-red-700" : "")}>
                {formatChange(change)} {change < 0 ? "better" : change > 0 ? "worse" : ""}
              </span>
            </>
          ) : null}
        </p>
        {pilot.baselineCount === 0 ? (
          <p className="text-xs text-indigo-800">No incidents in the baseline year, so there is no baseline figure to compare with.</p>
        ) : null}
      </div>
      {canManage ? (
        <ConfirmButton
          label="End pilot"
          variant="secondary"
          title={`End ${teamName}'s pilot?`}
          description="The baseline is discarded. Starting a pilot again captures a new one."
          confirmLabel="End pilot"
          onConfirm={async () => {
            const result = await runAction(() => stopPilotAction({ teamId }));
            if (!result.ok) return result.error;
            router.refresh();
            return null;
          }}
        />
      ) : null}
    </section>
  );
}
