import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/coes/markdown";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { serviceVerifications } from "@/lib/verification/queries";
import { VERIFICATION_HOW_LABELS, VERIFICATION_RESULT_LABELS } from "@/lib/verification/dimensions";
import { type VerificationHow } from "@/lib/generated/prisma/enums";
import { VerificationStatusBadge } from "../../status-badge";
import { EvidenceFiles } from "./evidence-files";
import { RecordVerificationForm } from "./record-form";
import { TierForm } from "./tier-form";

export const metadata: Metadata = { title: "Service verification" };

// Evidence is Markdown (the form says so; a game day's run writes a link to itself), rendered safely like COE answers.
const EVIDENCE_PROSE =
  "mt-1 break-words text-sm leading-6 text-slate-700 [&_a]:font-medium [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_p]:my-1 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5";

/** One service's resilience evidence: per dimension its status, targets, history, and a form to record a new verification. */
export default async function ServiceVerificationPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const user = await requirePageUser();
  const { serviceId } = await params;
  const data = await serviceVerifications(user, serviceId);
  if (!data) notFound();
  const { service } = data;
  return (
    <>
      <BackLink href={`/verification?teamId=${service.teamId}`} label={`Verification of ${service.team.name}`} />
      <PageHeader
        title={`${service.name}: verification`}
        description={`Owned by ${service.team.name}. Tier ${service.tier?.tier ?? "not set"}: tier 1 services are re-verified more often.`}
        actions={
          <Link className="text-sm font-medium text-indigo-700 hover:underline" href={`/services/${service.id}`}>
            Service page
          </Link>
        }
      />
      {data.canSetTier ? (
        <div className="mb-6">
          <TierForm serviceId={service.id} tier={service.tier?.tier ?? null} />
        </div>
      ) : null}
      <div className="space-y-6">
        {data.dimensions.map(({ dimension, current, status, history }) => (
          <Card key={dimension.id}>
            <CardHeader title={dimension.name} description={dimension.description} actions={<VerificationStatusBadge status={status} />} />
            <CardBody className="space-y-4">
              {current ? (
                <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                  {current.verifiedAt ? (
                    <div>
                      <dt className="text-slate-600">Last verified</dt>
                      <dd>
                        <DateTime value={current.verifiedAt} dateOnly />{" "}
                        {current.method ? `· ${VERIFICATION_HOW_LABELS[current.method as VerificationHow]}` : ""}
                      </dd>
                    </div>
                  ) : null}
                  {current.expiresAt ? (
                    <div>
                      <dt className="text-slate-600">Expires</dt>
                      <dd>
                        <DateTime value={current.expiresAt} dateOnly />
                      </dd>
                    </div>
                  ) : null}
                  {current.verifier ? (
                    <div>
                      <dt className="text-slate-600">Verifier</dt>
                      <dd>{current.verifier.name}</dd>
                    </div>
                  ) : null}
                  {current.notApplicableReason ? (
                    <div className="sm:col-span-3">
                      <dt className="text-slate-600">Not applicable because</dt>
                      <dd>{current.notApplicableReason}</dd>
                    </div>
                  ) : null}
                  {dimension.tracksRecovery ? (
                    <div className="sm:col-span-3">
                      <dt className="text-slate-600">Recovery (target / last drill)</dt>
                      <dd>
                        RTO {current.rtoTargetMinutes ?? "–"} / {current.rtoObservedMinutes ?? "–"} min · RPO {current.rpoTargetMinutes ?? "–"} /{" "}
                        {current.rpoObservedMinutes ?? "–"} min
                      </dd>
                    </div>
                  ) : null}
                </dl>
              ) : (
                <p className="text-sm text-slate-700">Never verified. Until it is, assume it does not work.</p>
              )}
              {history.length > 0 ? (
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-slate-800">History ({history.length})</summary>
                  <ol className="mt-2 space-y-3">
                    {history.map((record) => (
                      <li key={record.id} className="rounded-md bg-slate-50 px-3 py-2 text-sm">
                        <p className="font-medium text-slate-900">
                          <DateTime value={record.performedAt} dateOnly /> · {VERIFICATION_RESULT_LABELS[record.result]}
                          {record.method ? ` · ${VERIFICATION_HOW_LABELS[record.method as VerificationHow]}` : ""}
                          {record.verifierName ? ` · ${record.verifierName}` : ""}
                        </p>
                        {record.evidence ? <Markdown source={record.evidence} className={EVIDENCE_PROSE} /> : null}
                        {record.notApplicableReason ? <p className="mt-1 text-slate-700">{record.notApplicableReason}</p> : null}
                        {record.links.length > 0 ? (
                          <ul className="mt-1">
                            {record.links.map((link) => (
                              <li key={link}>
                                <a className="text-indigo-700 hover:underline" href={link} rel="noreferrer noopener" target="_blank">
                                  {link}
                                </a>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {record.gameDayId ? (
                          <Link
                            className="mt-1 inline-block text-indigo-700 hover:underline"
                            href={`/game-days/${record.gameDayId}#run-${record.gameDayRunId}`}
                          >
                            The game-day run
                          </Link>
                        ) : null}
                        <EvidenceFiles
                          serviceId={service.id}
                          recordId={record.id}
                          files={record.attachments}
                          canAttach={data.canRecord}
                          recordLabel={`the ${dimension.name} verification of ${record.performedAt.toISOString().slice(0, 10)}`}
                        />
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
              {data.canRecord ? (
                <RecordVerificationForm
                  serviceId={service.id}
                  dimensionId={dimension.id}
                  dimensionName={dimension.name}
                  tracksRecovery={dimension.tracksRecovery}
                />
              ) : null}
            </CardBody>
          </Card>
        ))}
      </div>
    </>
  );
}
