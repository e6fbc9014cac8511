import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LineStoppedBadge } from "@/components/cords/line-stopped-badge";
import { FindingStatusBadge, SeverityBadge, factText } from "@/components/policies/policy-badges";
import { RuleRemediation } from "@/components/policies/rule-remediation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { stoppedServiceIds } from "@/lib/cords/queries";
import { can } from "@/lib/permissions";
import { getFinding } from "@/lib/policies/queries";
import { ACK_CATEGORY_LABELS } from "@/lib/policies/schemas";
import { AcknowledgmentRequestForm, DecideButtons, FindingActionForm } from "./finding-forms";

export const metadata: Metadata = { title: "Finding" };

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const finding = await getFinding(user, (await params).id);
  if (!finding) notFound();
  const stopped = await stoppedServiceIds(user, { serviceIds: [finding.serviceId] });
  const pending = finding.acknowledgments.find((ack) => ack.status === "REQUESTED");
  const canAsk = finding.status === "OPEN" && !pending && can(user, "policy.facts", finding.teamId);
  const canDecide = Boolean(pending) && can(user, "policy.manage", finding.teamId) && (pending?.requestedById !== user.userId || user.isAdmin);

  return (
    <>
      <PageHeader
        title={`${finding.rule.name} — ${finding.service.name}`}
        description={`Owned by ${finding.team.name}. Episode ${finding.episode}, failing since ${finding.openedAt.toISOString().slice(0, 10)}; last evaluated ${finding.lastEvaluatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`}
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <FindingStatusBadge status={finding.status} />
        <SeverityBadge severity={finding.rule.severity} />
        {stopped.has(finding.serviceId) ? <LineStoppedBadge serviceId={finding.serviceId} /> : null}
        <Link className="text-sm text-indigo-700 underline" href={`/policies/rules/${finding.rule.id}`}>
          The rule
        </Link>
        <Link className="text-sm text-indigo-700 underline" href={`/services/${finding.serviceId}`}>
          The service
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="What the rule saw" />
          <CardBody>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {Object.entries(finding.factValues as Record<string, unknown>).map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-mono text-slate-700">{key}</dt>
                  <dd className="text-slate-900">{factText(value)}</dd>
                </div>
              ))}
            </dl>
            <RuleRemediation source={finding.rule.remediation} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Acknowledgment" description="A waiver with a reason and an expiry; it counts as acknowledged, never as passing." />
          <CardBody className="space-y-4">
            {finding.acknowledgments.length === 0 ? <p className="text-sm text-slate-700">No acknowledgment asked for.</p> : null}
            <ul className="space-y-3">
              {finding.acknowledgments.map((ack) => (
                <li key={ack.id} className="rounded border border-slate-200 p-3 text-sm" data-testid="acknowledgment">
                  <p className="font-medium text-slate-900">
                    {ACK_CATEGORY_LABELS[ack.category]} · {ack.status.toLowerCase()} · until {ack.expiresAt.toISOString().slice(0, 10)}
                  </p>
                  <p className="text-slate-700">{ack.reason}</p>
                  <p className="text-slate-600">
                    Asked by {ack.requestedBy?.name ?? "someone"}
                    {ack.decidedBy ? `, decided by ${ack.decidedBy.name}` : ""}
                    {ack.decisionNote ? `: ${ack.decisionNote}` : ""}
                  </p>
                </li>
              ))}
            </ul>
            {canDecide && pending ? <DecideButtons acknowledgmentId={pending.id} /> : null}
            {pending && !canDecide ? (
              // Stays after the request form is gone (the page refreshes once the request is saved).
              <p className="text-sm text-slate-700" data-testid="acknowledgment-waiting">
                Waiting for a manager of the team to decide.
              </p>
            ) : null}
            {canAsk ? <AcknowledgmentRequestForm findingId={finding.id} /> : null}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Corrective action" description="Closing it does not resolve the finding: only the rule passing does." />
          <CardBody>
            {finding.correctiveAction ? (
              <Link className="text-sm text-indigo-700 underline" href={`/actions/${finding.correctiveAction.id}`}>
                {finding.correctiveAction.title} ({finding.correctiveAction.status.toLowerCase().replace("_", " ")})
              </Link>
            ) : can(user, "action.update", finding.teamId) && finding.status !== "RESOLVED" ? (
              <FindingActionForm findingId={finding.id} userId={user.userId} />
            ) : (
              <p className="text-sm text-slate-700">None.</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="History" />
          <CardBody>
            <ol className="space-y-1 text-sm text-slate-700">
              {finding.events.map((event) => (
                <li key={event.id.toString()}>
                  {event.occurredAt.toISOString().slice(0, 16).replace("T", " ")} — {event.kind.toLowerCase().replace("_", " ")} (episode {event.episode})
                  {event.actor ? ` by ${event.actor.name}` : ""}
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
