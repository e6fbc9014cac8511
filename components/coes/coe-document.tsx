import { Markdown } from "@/components/coes/markdown";
import { SeverityBadge, StatusBadge } from "@/components/coes/coe-badges";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/format-date";
import { formatDuration, incidentDurations } from "@/lib/coes/durations";
import { QUESTIONS, SEVERITY_MEANINGS, type AnswerField } from "@/lib/coes/questions";
import { ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS, ACTION_TYPE_LABELS } from "@/lib/actions/labels";
import type { CoeSnapshot } from "@/lib/coes/snapshot";

/**
 * The COE as a reader sees it: header, the timeline, then the six questions in order with their
 * structured parts (factors under question 3, links and images under 4, actions under 6). The read
 * view passes `sectionExtra` to hang review threads under each section; the print page does not.
 */
export function CoeHeader({ coe, changesRequested = false }: { coe: CoeSnapshot; changesRequested?: boolean }) {
  const durations = incidentDurations(coe);
  const times: [string, string | null, string | null][] = [
    ["Started", coe.startedAt, null],
    ["Detected", coe.detectedAt, `Time to detect ${formatDuration(durations.toDetect)}`],
    ["Mitigated", coe.mitigatedAt, `Time to mitigate ${formatDuration(durations.toMitigate)}`],
    ["Resolved", coe.resolvedAt, `Time to resolve ${formatDuration(durations.toResolve)}`],
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={coe.status} changesRequested={changesRequested} />
        <SeverityBadge severity={coe.severity} />
        {coe.restricted ? <Badge tone="amber">Restricted to the owning team</Badge> : null}
        <span className="text-sm text-slate-600">{SEVERITY_MEANINGS[coe.severity]}</span>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">Team</dt>
          <dd>{coe.teamName}</dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">Services</dt>
          <dd className="font-mono text-xs">{coe.services.map((service) => service.name).join(", ") || "—"}</dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">Authors</dt>
          <dd>{coe.authors.map((author) => author.name).join(", ") || "—"}</dd>
        </div>
      </dl>
      <dl className="grid gap-3 sm:grid-cols-4">
        {times.map(([label, value, duration]) => (
          <div key={label} className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="text-sm">{value ? <DateTime value={value} /> : <span className="text-slate-500">not recorded</span>}</dd>
            {duration ? <dd className="mt-0.5 text-xs font-medium text-slate-700">{duration}</dd> : null}
          </div>
        ))}
      </dl>
    </div>
  );
}

export type AttachmentSummary = { id: string; fileName: string; url: string };

export function CoeSections({
  coe,
  attachments,
  sectionExtra,
}: {
  coe: CoeSnapshot;
  attachments: AttachmentSummary[];
  sectionExtra?: (section: string) => React.ReactNode;
}) {
  const structured: Partial<Record<AnswerField, React.ReactNode>> = {
    contributingFactors: <FactorList coe={coe} />,
    // Images already placed in an answer show there; the rest are listed under question 4.
    supportingData: <SupportingData coe={coe} attachments={attachments.filter((image) => !QUESTIONS.some((q) => coe[q.field].includes(`](${image.url})`)))} />,
    correctiveActionsSummary: <ActionTable coe={coe} />,
  };
  return (
    <div className="space-y-8">
      {/* The timeline comes first: the answers refer to its events. */}
      <section id="timeline" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="text-lg font-semibold text-slate-900">
          Timeline
        </h2>
        {coe.timeline.length === 0 ? (
          <p className="mt-2 text-sm italic text-slate-500">No entries yet.</p>
        ) : (
          <ol className="mt-3 space-y-2 border-l-2 border-slate-200 pl-4">
            {coe.timeline.map((entry) => (
              <li key={entry.id} className="text-sm">
                <DateTime value={entry.occurredAt} className="font-mono text-xs text-slate-500" />
                <p className="text-slate-800">{entry.description}</p>
              </li>
            ))}
          </ol>
        )}
        {sectionExtra?.("timeline")}
      </section>
      {QUESTIONS.map((question) => (
        <section key={question.field} id={question.field} aria-labelledby={`${question.field}-heading`} className="break-inside-avoid-page">
          <h2 id={`${question.field}-heading`} className="text-lg font-semibold text-slate-900">
            {question.number}. {question.question}
          </h2>
          {coe[question.field].trim() ? <Markdown source={coe[question.field]} /> : <p className="mt-2 text-sm italic text-slate-500">Not answered yet.</p>}
          {structured[question.field]}
          {sectionExtra?.(question.field)}
        </section>
      ))}
    </div>
  );
}

function FactorList({ coe }: { coe: CoeSnapshot }) {
  if (coe.factors.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="text-sm font-semibold text-slate-800">Contributing factors</h3>
      <ol className="mt-2 space-y-3">
        {coe.factors.map((factor) => (
          <li key={factor.id} className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
            <Badge tone="indigo">{factor.categoryName}</Badge> <span className="text-slate-800">{factor.description}</span>
            {factor.fiveWhys.length > 0 ? (
              <ol className="mt-2 space-y-1 pl-4 text-slate-700">
                {factor.fiveWhys.map((why, index) => (
                  <li key={index}>
                    <span className="font-medium text-slate-500">Why {index + 1}?</span> {why}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function SupportingData({ coe, attachments }: { coe: CoeSnapshot; attachments: AttachmentSummary[] }) {
  if (coe.links.length === 0 && attachments.length === 0) return null;
  return (
    <div className="mt-4 space-y-3">
      {coe.links.length > 0 ? (
        <ul className="list-disc pl-6 text-sm">
          {coe.links.map((link) => (
            <li key={link.id}>
              <a href={link.url} rel="noopener noreferrer nofollow" target="_blank" className="text-indigo-700 underline">
                {link.label || link.url}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {attachments.length > 0 ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {attachments.map((attachment) => (
            <figure key={attachment.id} className="rounded-md bg-white p-2 ring-1 ring-slate-200">
              {/* Plain <img>: the image route checks access per request; next/image's optimiser would cache it for everyone. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={attachment.url} alt={attachment.fileName} loading="lazy" className="max-h-80 w-full object-contain" />
              <figcaption className="mt-1 text-xs text-slate-500">{attachment.fileName}</figcaption>
            </figure>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function ActionTable({ coe }: { coe: CoeSnapshot }) {
  if (coe.actions.length === 0) return <p className="mt-3 text-sm italic text-slate-500">No corrective actions yet.</p>;
  return (
    <div className="relative mt-4 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Corrective actions</caption>
        <thead>
          <tr className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <th className="py-2 pr-3">Action</th>
            <th className="py-2 pr-3">Type</th>
            <th className="py-2 pr-3">Priority</th>
            <th className="py-2 pr-3">Owner</th>
            <th className="py-2 pr-3">Due</th>
            <th className="py-2">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {coe.actions.map((action) => (
            <tr key={action.id}>
              <td className="py-2 pr-3 text-slate-900">{action.title}</td>
              <td className="py-2 pr-3">{ACTION_TYPE_LABELS[action.type]}</td>
              <td className="py-2 pr-3">{ACTION_PRIORITY_LABELS[action.priority]}</td>
              <td className="py-2 pr-3">{action.ownerName ?? <span className="text-slate-500">unassigned</span>}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{action.dueDate ?? "—"}</td>
              <td className="py-2">
                <Badge tone={action.status === "DONE" || action.status === "VERIFIED" ? "green" : action.status === "WONT_DO" ? "neutral" : "amber"}>
                  {ACTION_STATUS_LABELS[action.status]}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
