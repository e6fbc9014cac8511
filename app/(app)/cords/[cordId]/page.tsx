import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CordTimeline } from "@/components/cords/cord-timeline";
import { LocalTime } from "@/components/cords/local-time";
import { ActionStatusBadge } from "@/components/actions/action-badges";
import { StatusBadge } from "@/components/coes/coe-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { CORD_SEVERITY_LABELS } from "@/lib/cords/labels";
import { getCordForView } from "@/lib/cords/queries";
import { CordActionForm, CordNoteForm, OverrideForm, ResolveCordForm, StartCoeButton } from "./cord-forms";
import { LiveRefresh } from "./live-refresh";

export const metadata: Metadata = { title: "Andon cord" };

export default async function CordPage({ params }: { params: Promise<{ cordId: string }> }) {
  const user = await requirePageUser();
  const { cordId } = await params;
  // Everyone in the organization may read a cord (lib/cords/queries.ts); the forms below check the owning team.
  const cord = await getCordForView(user, cordId);
  if (!cord) notFound();
  const open = cord.status === "open";
  const liveOverride = cord.liveOverride;
  return (
    <>
      {open ? <LiveRefresh /> : null}
      <p className="mb-2 text-sm">
        <Link href={`/services/${cord.service.id}`} className="text-indigo-700 hover:underline">
          ← {cord.service.name}
        </Link>
      </p>
      <PageHeader
        title={open ? `Line stopped on ${cord.service.name}` : `Cord on ${cord.service.name}`}
        description={`Owned by ${cord.serviceTeam.name}. ${CORD_SEVERITY_LABELS[cord.severity]}.`}
        actions={
          <>
            {open ? <Badge tone="red">Line stopped</Badge> : <Badge tone="green">Resolved</Badge>}
            {cord.coeDue ? <Badge tone="amber">COE due</Badge> : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="What is wrong" />
            <CardBody className="space-y-2 text-sm text-slate-800">
              <p className="whitespace-pre-line break-words text-slate-900">{cord.problem}</p>
              {cord.customerImpact ? <p>Customer impact: {cord.customerImpact}</p> : null}
              {cord.link ? (
                <p>
                  <a href={cord.link} className="break-all text-indigo-700 underline" rel="noreferrer noopener" target="_blank">
                    {cord.link}
                  </a>
                </p>
              ) : null}
              <p className="text-slate-600">
                Pulled by {cord.pulledBy?.name ?? "a former user"} <LocalTime value={cord.pulledAt} />
                {cord.plusOnes > 0 ? ` · ${cord.plusOnes} +1` : ""}
                {cord.resolvedAt ? (
                  <>
                    {" "}
                    · resolved by {cord.resolvedBy?.name ?? "a former user"} <LocalTime value={cord.resolvedAt} />
                  </>
                ) : null}
              </p>
              {cord.resolutionNote ? <p>Resolution: {cord.resolutionNote}</p> : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Timeline" description="Times in your time zone." />
            <CardBody>
              <CordTimeline entries={cord.timeline} />
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="COE" />
            <CardBody className="space-y-3 text-sm">
              {cord.coe ? (
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/coes/${cord.coe.id}`} className="font-medium text-indigo-700 hover:underline">
                    {cord.coe.title}
                  </Link>
                  <StatusBadge status={cord.coe.status} />
                </p>
              ) : cord.coeId ? (
                <p className="text-slate-700">A COE was started; it is a draft you cannot see yet.</p>
              ) : (
                <p className="text-slate-700">
                  {cord.severity === "CUSTOMER_DEFECT"
                    ? "A customer-facing defect needs a COE: the owning team is reminded, then escalated up the org tree, until one is submitted."
                    : "No COE yet. Start one to learn from the stop: it is prefilled with the service, the times and this timeline."}
                </p>
              )}
              {!cord.coeId && cord.canStartCoe ? <StartCoeButton cordId={cord.id} /> : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Corrective actions" />
            <CardBody className="text-sm">
              {cord.actions.length === 0 ? (
                <p className="text-slate-700">No corrective actions follow up this cord{cord.canCreateAction ? " yet: add one below" : ""}.</p>
              ) : (
                <ul className="space-y-2" aria-label="Corrective actions from this cord">
                  {cord.actions.map((action) => (
                    <li key={action.id} className="flex flex-wrap items-center gap-2">
                      <Link href={`/actions/${action.id}`} className="font-medium text-indigo-700 hover:underline">
                        {action.title}
                      </Link>
                      <ActionStatusBadge status={action.status} />
                      <span className="text-slate-600">
                        {action.owner?.name ?? "Unassigned"}
                        {action.dueDate ? ` · due ${formatDate(action.dueDate)}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
          {cord.canResolve ? (
            <Card>
              <CardHeader title="For the owning team" />
              <CardBody className="space-y-6">
                <CordNoteForm cordId={cord.id} />
                {open ? (
                  <ResolveCordForm cordId={cord.id} coeRequired={cord.severity === "CUSTOMER_DEFECT"} />
                ) : (
                  // Stays after the refresh that unmounts the resolve form (and its success message).
                  <p role="status" className="text-sm text-emerald-800">
                    Resolved: the line runs again.{cord.coeDue ? " A COE is due for this customer-facing defect." : ""}
                  </p>
                )}
                {cord.canCreateAction ? <CordActionForm cordId={cord.id} ownerId={user.userId} /> : null}
              </CardBody>
            </Card>
          ) : null}
          {open && cord.canOverride ? (
            <Card>
              <CardHeader title="Break glass" description="Lets exactly one deploy pass the gate within an hour. Audited and shown on the timeline." />
              <CardBody className="space-y-3">
                {liveOverride ? (
                  <p className="text-sm text-slate-700">
                    An unused override is waiting until <LocalTime value={liveOverride.expiresAt} />.
                  </p>
                ) : null}
                <OverrideForm cordId={cord.id} />
              </CardBody>
            </Card>
          ) : null}
          {!cord.canResolve ? (
            <p className="text-sm text-slate-600">Only {cord.serviceTeam.name} (member or above) can add notes and resolve this cord.</p>
          ) : null}
        </div>
      </div>
    </>
  );
}
