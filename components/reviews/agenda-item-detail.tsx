"use client";

import Link from "next/link";
import { MetricSparkline } from "@/components/metrics/metric-sparkline";
import { ActionQuickStatus } from "@/components/reviews/action-quick-status";
import { Badge } from "@/components/ui/badge";
import { formatValue } from "@/lib/metrics/format";
import type { ActionRef, AgendaDetail, CoeRef, MetricRef, SourceBlock, SourceEntry, SubmissionRef } from "@/lib/reviews/agenda-types";

/**
 * An agenda item's data inline: COE summaries with links, the action list with quick status
 * updates, metric figures with their charts, submissions and lessons. `large` is the meeting view's
 * screen-share size.
 */
type Series = Record<string, { day: string; value: number }[]>;

export function AgendaItemDetail({
  detail,
  large = false,
  canUpdate = false,
  series = {},
}: {
  detail: AgendaDetail;
  large?: boolean;
  canUpdate?: boolean;
  series?: Series;
}) {
  const text = large ? "text-lg" : "text-sm";
  switch (detail.kind) {
    case "successes":
      return (
        <div className={`grid gap-4 md:grid-cols-2 ${text}`}>
          <SourceGroups blocks={detail.sources} />
          <Group
            title="COEs opened this week"
            empty="None."
            rows={detail.coesOpened.map((coe) => (
              <CoeLine key={coe.id} coe={coe} />
            ))}
          />
          <Group
            title="COEs approved this week"
            empty="None."
            rows={detail.coesApproved.map((coe) => (
              <CoeLine key={coe.id} coe={coe} />
            ))}
          />
          <Group
            title="Actions completed"
            empty="None."
            rows={detail.actionsCompleted.map((action) => (
              <ActionLine key={action.id} action={action} />
            ))}
          />
          <Group
            title="Submitted by members"
            empty="Nothing submitted."
            rows={detail.submissions.map((submission) => (
              <SubmissionLine key={submission.id} submission={submission} />
            ))}
          />
        </div>
      );
    case "actions":
      return (
        <div className={`space-y-4 ${text}`}>
          <Group
            title={`Overdue (${detail.overdue.length}), oldest first`}
            empty="Nothing overdue."
            rows={detail.overdue.map((action) => (
              <ActionLine key={action.id} action={action} canUpdate={canUpdate} large={large} />
            ))}
          />
          <Group
            title={`Due this week (${detail.dueThisWeek.length})`}
            empty="Nothing else due this week."
            rows={detail.dueThisWeek.map((action) => (
              <ActionLine key={action.id} action={action} canUpdate={canUpdate} large={large} />
            ))}
          />
          {detail.escalated.length > 0 ? (
            <Group
              title="Escalated from sub-teams"
              empty=""
              rows={detail.escalated.map((action) => (
                <ActionLine key={action.id} action={action} />
              ))}
            />
          ) : null}
        </div>
      );
    case "coe":
      return (
        <div className={text}>
          <CoeLine coe={detail.coe} />
        </div>
      );
    case "coeList":
      return (
        <div className={`space-y-3 ${text}`}>
          {detail.coes.length === 0 && !detail.deferred?.length ? <p>No COE was approved or is waiting in review this week.</p> : null}
          <ul className="space-y-1.5">
            {detail.coes.map((coe) => (
              <CoeLine key={coe.id} coe={coe} />
            ))}
          </ul>
          {detail.deferred?.length ? (
            <div>
              <h4 className="font-semibold text-amber-900">Deferred to next week: less severe, beyond this item&apos;s slots</h4>
              <ul className="mt-1 space-y-1.5">
                {detail.deferred.map((coe) => (
                  <CoeLine key={coe.id} coe={coe} />
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      );
    case "metrics":
      return (
        <div className={`space-y-4 ${text}`}>
          <MetricGrid metrics={detail.metrics} large={large} series={series} />
          <SourceGroups blocks={detail.sources} />
        </div>
      );
    case "wheel":
      return detail.service ? (
        <div className={`space-y-3 ${text}`}>
          <p>
            The wheel picked <strong>{detail.service.name}</strong> ({detail.service.teamName}). Its owners present their dashboard.
          </p>
          <MetricGrid metrics={detail.metrics} large={large} series={series} />
        </div>
      ) : (
        <p className={text}>No service with metrics to pick.</p>
      );
    case "bestPractices":
      return (
        <div className={`grid gap-4 md:grid-cols-2 ${text}`}>
          <Group
            title="Lessons from COEs approved this week"
            empty="No new lessons."
            rows={detail.lessons.map((lesson) => (
              <li key={lesson.coeId}>
                <Link className="font-medium text-indigo-700 hover:underline" href={`/coes/${lesson.coeId}`}>
                  {lesson.coeTitle}
                </Link>
                <p className="mt-1 whitespace-pre-line text-slate-700">{lesson.lessons}</p>
              </li>
            ))}
          />
          <Group
            title="Proposals"
            empty="No proposals submitted."
            rows={detail.proposals.map((submission) => (
              <SubmissionLine key={submission.id} submission={submission} />
            ))}
          />
        </div>
      );
    case "custom":
      return detail.description ? <p className={`whitespace-pre-line text-slate-700 ${text}`}>{detail.description}</p> : null;
  }
}

function Group({ title, empty, rows }: { title: string; empty: string; rows: React.ReactNode[] }) {
  return (
    <div>
      <h4 className="font-semibold text-slate-900">{title}</h4>
      {rows.length > 0 ? <ul className="mt-1 space-y-1.5">{rows}</ul> : <p className="mt-1 text-slate-500">{empty}</p>}
    </div>
  );
}

/** The blocks other domains' providers contributed (lib/reviews/agenda-sources.ts), each as a group. */
function SourceGroups({ blocks = [] }: { blocks?: SourceBlock[] }) {
  return blocks.map((block) => (
    <Group
      key={block.source}
      title={block.title}
      empty={block.empty}
      rows={block.entries.map((entry) => (
        <SourceLine key={entry.id} entry={entry} />
      ))}
    />
  ));
}

function SourceLine({ entry }: { entry: SourceEntry }) {
  return (
    <li>
      <Link className="font-medium text-indigo-700 hover:underline" href={entry.href}>
        {entry.title}
      </Link>
      {entry.badges.map((badge) => (
        <Badge key={badge.label} tone={badge.tone} className="ml-1.5">
          {badge.label}
        </Badge>
      ))}
      <p className="text-slate-600">
        {entry.meta}
        {entry.links.map((link) => (
          <span key={link.href}>
            {" · "}
            <Link className="text-indigo-700 hover:underline" href={link.href}>
              {link.label}
            </Link>
          </span>
        ))}
      </p>
    </li>
  );
}

function CoeLine({ coe }: { coe: CoeRef }) {
  return (
    <li className="list-none">
      <Badge tone={coe.severity === "SEV1" ? "red" : coe.severity === "SEV2" ? "amber" : "neutral"}>{coe.severity}</Badge>{" "}
      <Link className="font-medium text-indigo-700 hover:underline" href={`/coes/${coe.id}`}>
        {coe.title}
      </Link>{" "}
      <span className="text-slate-600">
        · {coe.teamName} · {coe.status === "IN_REVIEW" ? "awaiting review" : coe.status.toLowerCase().replace("_", " ")}
      </span>
    </li>
  );
}

function ActionLine({ action, canUpdate = false, large = false }: { action: ActionRef; canUpdate?: boolean; large?: boolean }) {
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Link className="font-medium text-indigo-700 hover:underline" href={`/actions/${action.id}`}>
        {action.title}
      </Link>
      <span className="text-slate-600">
        {action.ownerName ?? "unassigned"} · {action.teamName} · due {action.dueDate ?? "—"}
      </span>
      {action.daysOverdue ? <Badge tone="red">{`${action.daysOverdue} d overdue`}</Badge> : null}
      <Badge>{action.status.toLowerCase().replace("_", " ")}</Badge>
      {canUpdate ? <ActionQuickStatus actionId={action.id} version={action.version} status={action.status} large={large} /> : null}
    </li>
  );
}

function SubmissionLine({ submission }: { submission: SubmissionRef }) {
  const tone = submission.kind === "SUCCESS" ? "green" : submission.kind === "FAILING" ? "red" : "indigo";
  const label = submission.kind === "SUCCESS" ? "Success" : submission.kind === "FAILING" ? "Failing" : "Proposal";
  return (
    <li>
      <Badge tone={tone}>{label}</Badge> <span className="font-medium">{submission.title}</span>
      {submission.authorName ? <span className="text-slate-600"> · {submission.authorName}</span> : null}
      {submission.body ? <p className="mt-0.5 whitespace-pre-line text-slate-700">{submission.body}</p> : null}
    </li>
  );
}

function MetricGrid({ metrics, large, series }: { metrics: MetricRef[]; large: boolean; series: Series }) {
  if (metrics.length === 0) return <p className={large ? "text-lg" : "text-sm"}>No metrics.</p>;
  return (
    <div className={`grid gap-3 ${large ? "md:grid-cols-2" : "md:grid-cols-3"}`}>
      {metrics.map((metric) => (
        <div key={metric.id} className="rounded-md p-3 ring-1 ring-slate-200">
          <p className={`font-semibold ${large ? "text-lg" : "text-sm"}`}>
            {metric.serviceName} · {metric.name}
          </p>
          <p className={`tabular-nums ${large ? "text-3xl" : "text-xl"} font-semibold`}>
            <span className="whitespace-nowrap">{formatValue(metric.latestValue, metric.unit)}</span>
            {metric.target !== null ? (
              <span className="ml-2 whitespace-nowrap text-sm font-normal text-slate-600">
                target {metric.direction === "UP" ? "≥" : "≤"} {formatValue(metric.target, metric.unit)}
              </span>
            ) : null}
          </p>
          <div className="mt-1 flex flex-wrap gap-1">
            {metric.flags.map((flag) => (
              <Badge key={flag} tone="red">
                {flag}
              </Badge>
            ))}
          </div>
          {series[metric.id]?.length ? (
            <MetricSparkline points={series[metric.id]!} target={metric.target} direction={metric.direction} height={large ? 120 : 70} />
          ) : null}
        </div>
      ))}
    </div>
  );
}
