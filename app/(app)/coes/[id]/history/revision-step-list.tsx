import Link from "next/link";
import { RestoreButton } from "./restore-button";
import { cn } from "@/components/ui/cn";
import { DateTime, formatDate, formatDateTime } from "@/components/ui/format-date";
import type { RevisionStep } from "@/lib/coes/revision-steps";

type Comparison = { from: number; to: number };

const versionsLabel = (step: RevisionStep) => (step.firstVersion === step.lastVersion ? `v${step.firstVersion}` : `v${step.firstVersion}–v${step.lastVersion}`);

const summariesLabel = (step: RevisionStep) => step.summaries.map(({ summary, count }) => (count > 1 ? `${summary} ×${count}` : summary)).join(", ");

/** The step's span: "2026-11-30 09:00 UTC – 09:24" within a day, both full otherwise. */
function StepTime({ step }: { step: RevisionStep }) {
  if (step.startedAt.getTime() === step.endedAt.getTime()) return <DateTime value={step.startedAt} />;
  const sameDay = formatDate(step.startedAt) === formatDate(step.endedAt);
  return (
    <>
      <DateTime value={step.startedAt} /> –{" "}
      {sameDay ? <time dateTime={step.endedAt.toISOString()}>{formatDateTime(step.endedAt).slice(11, 16)}</time> : <DateTime value={step.endedAt} />}
    </>
  );
}

/**
 * The history as steps, newest first. A step links to its changes as a whole (from the revision before
 * it to its last one); its single saves are listed under "N saves", each with its own diff and restore.
 */
export function RevisionStepList({
  steps,
  current,
  latestVersion,
  hrefFor,
  restore,
}: {
  steps: RevisionStep[];
  current: Comparison;
  latestVersion: number;
  hrefFor: (comparison: Comparison) => string;
  /** Present when the reader may edit: the COE's version a restore is based on. */
  restore: { coeId: string; baseVersion: number } | null;
}) {
  return (
    <ol className="divide-y divide-slate-100" aria-label="Revision steps">
      {steps.map((step) => {
        const selected = current.from === step.baseVersion && current.to === step.lastVersion;
        const holdsComparison = !selected && current.to >= step.firstVersion && current.to <= step.lastVersion;
        return (
          <li key={step.lastVersion} className={cn("px-4 py-3", selected && "bg-indigo-50")}>
            <Link
              href={hrefFor({ from: step.baseVersion, to: step.lastVersion })}
              aria-current={selected ? "true" : undefined}
              className="font-medium text-indigo-700 hover:underline"
            >
              {versionsLabel(step)} · {summariesLabel(step)}
            </Link>
            <p className="text-xs text-slate-600">
              {step.authorName ?? "Former user"} · <StepTime step={step} />
            </p>
            {step.revisions.length > 1 ? (
              <details className="mt-1 text-sm" open={holdsComparison}>
                <summary className="cursor-pointer text-xs text-slate-600">{step.revisions.length} saves</summary>
                <ol className="mt-1 space-y-2 border-l border-slate-200 pl-3">
                  {step.revisions.map((revision, index) => {
                    const previous = step.revisions[index + 1]?.version ?? step.baseVersion;
                    const revisionSelected = current.from === previous && current.to === revision.version;
                    return (
                      <li key={revision.version}>
                        <Link
                          href={hrefFor({ from: previous, to: revision.version })}
                          aria-current={revisionSelected ? "true" : undefined}
                          className={cn("text-indigo-700 hover:underline", revisionSelected && "font-semibold")}
                        >
                          v{revision.version} · {revision.summary}
                        </Link>{" "}
                        <span className="text-xs text-slate-600">
                          <DateTime value={revision.createdAt} />
                        </span>
                        {restore && revision.version !== latestVersion ? <RestoreButton {...restore} version={revision.version} /> : null}
                      </li>
                    );
                  })}
                </ol>
              </details>
            ) : restore && step.lastVersion !== latestVersion ? (
              <RestoreButton {...restore} version={step.lastVersion} />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
