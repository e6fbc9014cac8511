import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdoptionForm } from "./adoption-form";
import { EditBestPracticeForm } from "./edit-form";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { ACTION_STATUS_LABELS } from "@/lib/actions/labels";
import { canDecideAdoption, canEditBestPractice } from "@/lib/learnings/access";
import { getBestPractice, type AdoptionState } from "@/lib/learnings/queries";

export const metadata: Metadata = { title: "Best practice" };

const STATE_LABEL: Record<AdoptionState, string> = { ADOPTED: "Adopted", NOT_APPLICABLE: "Not applicable", NOT_YET: "Not yet" };
const STATE_TONE = { ADOPTED: "green", NOT_APPLICABLE: "neutral", NOT_YET: "amber" } as const;

export default async function BestPracticePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const practice = await getBestPractice(user, (await params).id);
  if (!practice) notFound();
  const decidable = practice.adoption.filter((node) => node.state !== "ADOPTED" && canDecideAdoption(user, node.teamId));
  return (
    <>
      <BackLink href="/learnings/best-practices" label="Best practices" />
      <PageHeader title={practice.title} description={`Promoted by ${practice.promotedBy?.name ?? "a former user"}`} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <Card>
            <CardBody className="space-y-2 text-sm">
              {practice.description ? <p className="whitespace-pre-wrap text-slate-800">{practice.description}</p> : null}
              <p className="text-slate-600">
                Promoted <DateTime value={practice.createdAt} dateOnly />
                {practice.coe ? (
                  <>
                    {" "}
                    from the COE{" "}
                    <Link href={`/coes/${practice.coe.id}`} className="text-indigo-700 hover:underline">
                      {practice.coe.title}
                    </Link>
                  </>
                ) : null}
                {practice.reviewDecision ? (
                  <>
                    {" "}
                    by a decision of{" "}
                    <Link href={`/reviews/${practice.reviewDecision.review.id}`} className="text-indigo-700 hover:underline">
                      {practice.reviewDecision.review.series.name} ({practice.reviewDecision.review.isoWeek})
                    </Link>
                  </>
                ) : null}
                .
              </p>
              {canEditBestPractice(user, practice) ? (
                <EditBestPracticeForm bestPracticeId={practice.id} version={practice.version} title={practice.title} description={practice.description} />
              ) : null}
            </CardBody>
          </Card>
          <Card>
            <CardBody>
              <h2 className="text-sm font-semibold text-slate-900">Adoption across the organization</h2>
              <p className="mt-1 text-sm text-slate-700">
                {practice.totals.ADOPTED} adopted · {practice.totals.NOT_APPLICABLE} not applicable · {practice.totals.NOT_YET} not yet
              </p>
              <div className="relative mt-3 overflow-x-auto">
                <table className="min-w-full text-sm">
                  <thead>
                    <tr className="text-left text-xs text-slate-700">
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Team
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Decision
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Subtree (adopted / n.a. / not yet)
                      </th>
                      <th scope="col" className="py-2 font-medium">
                        How
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {practice.adoption.map((node) => (
                      <tr key={node.teamId}>
                        <td className="py-2 pr-4 whitespace-nowrap" style={{ paddingLeft: `${node.depth * 1}rem` }}>
                          {node.name}
                        </td>
                        <td className="py-2 pr-4 whitespace-nowrap">
                          <Badge tone={STATE_TONE[node.state]}>{STATE_LABEL[node.state]}</Badge>
                        </td>
                        <td className="py-2 pr-4 text-slate-700">
                          {node.rollUp.ADOPTED} / {node.rollUp.NOT_APPLICABLE} / {node.rollUp.NOT_YET}
                        </td>
                        <td className="min-w-48 py-2 text-slate-700">
                          {node.correctiveAction ? (
                            <Link href={`/actions/${node.correctiveAction.id}`} className="text-indigo-700 hover:underline">
                              {node.correctiveAction.title} ({ACTION_STATUS_LABELS[node.correctiveAction.status as keyof typeof ACTION_STATUS_LABELS]})
                            </Link>
                          ) : node.policyRuleId ? (
                            "Checked by a policy rule"
                          ) : (
                            node.reason
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </CardBody>
          </Card>
        </div>
        <aside>
          {decidable.length > 0 ? (
            <AdoptionForm bestPracticeId={practice.id} teams={decidable.map((node) => ({ id: node.teamId, name: node.name }))} />
          ) : (
            <Card>
              <CardBody className="text-sm text-slate-600">Your teams have decided on this practice, or you hold no role that decides for a team.</CardBody>
            </Card>
          )}
        </aside>
      </div>
    </>
  );
}
