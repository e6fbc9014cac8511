import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionStatusBadge, OverdueBadge, PriorityBadge } from "@/components/actions/action-badges";
import { Markdown } from "@/components/coes/markdown";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime, formatDate } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS } from "@/lib/actions/labels";
import { type CorrectiveActionStatus } from "@/lib/generated/prisma/enums";
import { ACTION_SOURCE_LABELS, VERIFICATION_METHODS, VERIFICATION_METHOD_LABELS } from "@/lib/actions/labels";
import { type VerificationMethod } from "@/lib/generated/prisma/enums";
import { daysOverdue } from "@/lib/actions/escalation";
import { getActionForView, todayUtc } from "@/lib/actions/queries";
import { CommentForm, EditForm, LinkForm, StatusForm, WontDoDecision } from "./action-forms";
import { ActionGameDaySection } from "../../game-days/action-game-day-section";
import { ActionTicketSection } from "../../settings/integrations/action-ticket-section";

export const metadata: Metadata = { title: "Corrective action" };

const EVENT_LABELS: Record<string, string> = {
  created: "Created",
  status: "Status",
  owner: "Reassigned",
  due_date: "Due date changed",
  team: "Moved to team",
  title: "Renamed",
  edited: "Edited",
  link: "Link added",
  wont_do_requested: "Won't do requested",
  wont_do_rejected: "Won't do rejected",
};

function eventValue(kind: string, value: string | null) {
  if (value === null) return null;
  return kind === "status" ? (ACTION_STATUS_LABELS[value as CorrectiveActionStatus] ?? value) : value;
}

/**
 * The history keeps a verification as "METHOD: proof" (lib/actions/mutations.ts); it reads here in the
 * words the verify form offers ("A game day: …").
 */
function eventReason(kind: string, toValue: string | null, reason: string): string {
  if (kind !== "status" || toValue !== "VERIFIED") return reason;
  const separator = reason.indexOf(": ");
  const method = reason.slice(0, separator) as VerificationMethod;
  if (separator < 0 || !VERIFICATION_METHODS.includes(method)) return reason;
  return `${VERIFICATION_METHOD_LABELS[method]}: ${reason.slice(separator + 2)}`;
}

// Evidence and proof are Markdown or plain text: links in them (bare URLs included) are followable.
const NOTE_PROSE =
  "mt-1 break-words text-sm leading-6 [&_a]:font-medium [&_a]:underline [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5";

export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const view = await getActionForView(user, id);
  if (!view) notFound();
  const { action } = view;
  const open = action.status === "OPEN" || action.status === "IN_PROGRESS";
  const overdue = open && action.dueDate ? daysOverdue(action.dueDate, todayUtc()) : 0;
  const facts: [string, React.ReactNode][] = [
    ["Status", <ActionStatusBadge key="s" status={action.status} wontDoRequested={action.wontDoRequestedAt !== null} />],
    ["Owner", action.owner?.name ?? "Unassigned"],
    ["Team", action.team.name],
    ["Type", ACTION_TYPE_LABELS[action.type]],
    ["Priority", <PriorityBadge key="p" priority={action.priority} />],
    [
      "Due",
      <span key="d" className="inline-flex items-center gap-2">
        {action.dueDate ? action.dueDate.toISOString().slice(0, 10) : "—"} <OverdueBadge days={overdue} />
      </span>,
    ],
    [
      "Source",
      action.coe ? (
        <Link key="c" href={`/coes/${action.coe.id}`} className="text-indigo-700 hover:underline">{`${action.coe.severity} · ${action.coe.title}`}</Link>
      ) : action.cord ? (
        <Link key="c" href={`/cords/${action.cord.id}`} className="text-indigo-700 hover:underline">
          From Andon cord on {action.cord.service.name} ({formatDate(action.cord.pulledAt)})
        </Link>
      ) : view.finding ? (
        <Link key="c" href={`/policies/findings/${view.finding.id}`} className="text-indigo-700 hover:underline" data-testid="action-source-finding">
          From policy finding: {view.finding.rule.name} on {view.finding.service.name} ({view.finding.status.toLowerCase()})
        </Link>
      ) : (
        ACTION_SOURCE_LABELS[action.source]
      ),
    ],
  ];

  return (
    <>
      <BackLink href="/actions" label="Actions" />
      <PageHeader title={action.title} description={action.description || undefined} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardBody>
              <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
                    <dd className="mt-0.5 text-sm text-slate-900">{value}</dd>
                  </div>
                ))}
              </dl>
              {action.evidence ? (
                <div className="mt-4 rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
                  <p className="font-medium">
                    Evidence
                    {action.completedBy
                      ? ` (marked done by ${action.completedBy.name}${action.completedAt ? `, ${action.completedAt.toISOString().slice(0, 10)}` : ""})`
                      : ""}
                  </p>
                  <div data-testid="action-evidence">
                    <Markdown source={action.evidence} className={NOTE_PROSE} />
                  </div>
                </div>
              ) : null}
              {action.verificationMethod ? (
                <div className="mt-3 rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-900 ring-1 ring-indigo-200">
                  <p className="font-medium">
                    Verified: {VERIFICATION_METHOD_LABELS[action.verificationMethod]}
                    {action.verifiedBy ? ` — by ${action.verifiedBy.name}` : ""}
                    {action.verifiedAt ? `, ${action.verifiedAt.toISOString().slice(0, 10)}` : ""}
                  </p>
                  {action.verificationNote ? <Markdown source={action.verificationNote} className={NOTE_PROSE} /> : null}
                </div>
              ) : null}
              {action.wontDoReason && (action.status === "WONT_DO" || action.wontDoRequestedAt) ? (
                <div className="mt-3 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
                  <p className="font-medium">
                    {action.status === "WONT_DO"
                      ? `Won't do${action.wontDoApprovedBy ? ` — approved by ${action.wontDoApprovedBy.name}` : ""}`
                      : `Won't do requested${action.wontDoRequestedBy ? ` by ${action.wontDoRequestedBy.name}` : ""}, waiting for a manager`}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap">{action.wontDoReason}</p>
                </div>
              ) : null}
            </CardBody>
          </Card>
          <ActionGameDaySection user={user} actionId={action.id} version={action.version} canVerify={view.nextStatuses.includes("VERIFIED")} />
          <ActionTicketSection user={user} actionId={action.id} canEdit={view.canEdit} />
          {/* Keyed by the version: after any change the forms start from the server's answer (typed text is kept as a draft). */}
          {view.nextStatuses.length > 0 || view.canDecideWontDo ? (
            <Card>
              <CardHeader
                title="Change status"
                description="Done needs evidence; verified records how it was proven to work; won't do needs a reason and a manager."
              />
              <CardBody className="space-y-4">
                {view.canDecideWontDo ? <WontDoDecision key={action.version} actionId={action.id} version={action.version} /> : null}
                {view.nextStatuses.length > 0 ? (
                  <StatusForm key={action.version} actionId={action.id} version={action.version} statuses={view.nextStatuses} />
                ) : null}
              </CardBody>
            </Card>
          ) : null}
          {view.canEdit ? (
            <Card>
              <CardHeader title="Reassign or reschedule" description="A new due date needs a reason; it is kept in the history below." />
              <CardBody>
                <EditForm
                  key={action.version}
                  actionId={action.id}
                  version={action.version}
                  ownerId={action.ownerId}
                  ownerName={action.owner?.name ?? null}
                  dueDate={action.dueDate ? action.dueDate.toISOString().slice(0, 10) : ""}
                />
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Comments" />
            <CardBody className="space-y-4">
              {action.comments.length === 0 ? <p className="text-sm text-slate-600">No comments yet.</p> : null}
              <ul className="space-y-3">
                {action.comments.map((comment) => (
                  <li key={comment.id} className="text-sm">
                    <p className="text-xs text-slate-500">
                      {comment.author?.name ?? "Someone"} · <DateTime value={comment.createdAt} />
                    </p>
                    <p className="mt-0.5 whitespace-pre-wrap text-slate-900">{comment.body}</p>
                  </li>
                ))}
              </ul>
              <CommentForm actionId={action.id} />
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Links" />
            <CardBody className="space-y-3">
              {action.links.length === 0 ? <p className="text-sm text-slate-600">No links yet.</p> : null}
              <ul className="space-y-1 text-sm">
                {action.links.map((link) => (
                  <li key={link.id}>
                    <a href={link.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-indigo-700 hover:underline">
                      {link.label || link.url}
                    </a>
                  </li>
                ))}
              </ul>
              {view.canEdit ? <LinkForm actionId={action.id} /> : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="History" />
            <CardBody>
              <ol className="space-y-3 text-sm" aria-label="Action history">
                {action.events.map((event) => (
                  <li key={String(event.id)}>
                    <p className="text-xs text-slate-500">
                      <DateTime value={event.createdAt} /> · {event.actor?.name ?? "Someone"}
                    </p>
                    <p className="text-slate-900">
                      <span className="font-medium">{EVENT_LABELS[event.kind] ?? event.kind}</span>
                      {event.fromValue || event.toValue
                        ? `: ${eventValue(event.kind, event.fromValue) ?? "—"} → ${eventValue(event.kind, event.toValue) ?? "—"}`
                        : ""}
                    </p>
                    {event.reason ? (
                      <Markdown
                        source={eventReason(event.kind, event.toValue, event.reason)}
                        className="break-words text-slate-700 [&_a]:text-indigo-700 [&_a]:underline [&_p]:my-0.5"
                      />
                    ) : null}
                  </li>
                ))}
                {action.events.length === 0 ? (
                  <li className="text-slate-600">Created {action.createdBy ? `by ${action.createdBy.name} ` : ""}in its COE; no changes since.</li>
                ) : null}
              </ol>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
