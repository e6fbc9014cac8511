import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CoeReviewPanel } from "./coe-review-panel";
import { CoeLearnings } from "@/components/learnings/coe-learnings";
import { CoeRules } from "./coe-rules";
import { ReviewThreads, type ThreadView } from "./review-threads";
import { CoeHeader, CoeSections } from "@/components/coes/coe-document";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { CoeCordLink } from "./coe-cord-link";
import { CoeTicketsCard } from "../../settings/integrations/coe-tickets-card";
import { getCurrentUser, requirePageUser } from "@/lib/auth/session";
import { getCoeForView } from "@/lib/coes/queries";
import { TRANSITION_LABELS } from "@/lib/coes/lifecycle";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await getCurrentUser();
  const coe = user ? await getCoeForView(user, (await params).id) : null;
  return { title: coe ? coe.snapshot.title : "COE" };
}

export default async function CoePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const coe = await getCoeForView(user, id);
  if (!coe) notFound();
  const threads: ThreadView[] = coe.threads.map((thread) => ({
    id: thread.id,
    section: thread.section,
    resolvedAt: thread.resolvedAt?.toISOString() ?? null,
    resolvedBy: thread.resolvedBy?.name ?? null,
    comments: thread.comments.map((comment) => ({
      id: comment.id,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
      author: comment.author?.name ?? "Former user",
    })),
  }));
  const openThreads = threads.filter((thread) => !thread.resolvedAt).length;
  const threadsFor = (section: string) => (
    <ReviewThreads coeId={coe.id} section={section} threads={threads.filter((thread) => thread.section === section)} canComment={coe.permissions.comment} />
  );
  // A draft whose last review decision asked for changes is in its own state, shown as such.
  const changesRequested = coe.snapshot.status === "DRAFT" && coe.reviews[0]?.decision === "CHANGES_REQUESTED";
  const attachments = coe.attachments.map((attachment) => ({ ...attachment, url: `/coes/${coe.id}/attachments/${attachment.id}` }));

  return (
    <>
      <PageHeader
        title={coe.snapshot.title}
        description={`Version ${coe.version}${openThreads ? ` · ${openThreads} open review thread${openThreads === 1 ? "" : "s"}` : ""}`}
        actions={
          <>
            {coe.permissions.edit ? <ButtonLink href={`/coes/${coe.id}/edit`}>Edit</ButtonLink> : null}
            <ButtonLink href={`/game-days/new?coeId=${coe.id}`} variant="secondary">
              Reproduce this COE
            </ButtonLink>
            <ButtonLink href={`/coes/${coe.id}/history`} variant="secondary">
              History
            </ButtonLink>
            <ButtonLink href={`/coes/${coe.id}/export`} variant="secondary" prefetch={false}>
              Export Markdown
            </ButtonLink>
            <ButtonLink href={`/coes/${coe.id}/print`} variant="secondary">
              Print
            </ButtonLink>
          </>
        }
      />
      <CoeCordLink cord={coe.cord} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <Card>
            <CardBody>
              <CoeHeader coe={coe.snapshot} changesRequested={changesRequested} />
              {threadsFor("header")}
            </CardBody>
          </Card>
          <Card>
            <CardBody>
              <CoeSections coe={coe.snapshot} attachments={attachments} sectionExtra={threadsFor} />
            </CardBody>
          </Card>
        </div>
        <aside className="space-y-6">
          <CoeReviewPanel
            coeId={coe.id}
            version={coe.version}
            status={coe.snapshot.status}
            transitions={coe.permissions.transitions.map((transition) => ({ transition, label: TRANSITION_LABELS[transition] }))}
            missing={coe.missing}
            isAuthor={coe.permissions.isAuthor}
            changesRequested={changesRequested ? (coe.reviews[0]?.note ?? "") : null}
            openThreadCount={coe.threads?.filter((thread) => !thread.resolvedAt).length ?? 0}
          />
          <CoeLearnings
            user={user}
            coeId={coe.id}
            checked={{ id: coe.id, teamId: coe.snapshot.teamId, createdById: coe.createdById, authorIds: coe.snapshot.authors.map((author) => author.id) }}
          />
          <CoeRules user={user} coeId={coe.id} rules={coe.rules} />
          <CoeTicketsCard user={user} coeId={coe.id} />
          {coe.reviews.length > 0 ? (
            <Card>
              <CardBody>
                <h2 className="text-sm font-semibold text-slate-900">Review decisions</h2>
                <ul className="mt-2 space-y-3 text-sm">
                  {coe.reviews.map((review) => (
                    <li key={review.id}>
                      <p>
                        <span className="font-medium">{review.reviewer?.name ?? "Former user"}</span>{" "}
                        {review.decision === "APPROVED" ? "approved" : "requested changes"} (version {review.version})
                      </p>
                      <DateTime value={review.createdAt} className="text-xs text-slate-500" />
                      {review.note ? <p className="mt-1 whitespace-pre-wrap text-slate-700">{review.note}</p> : null}
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardBody className="text-xs text-slate-600">
              <p>
                Created by {coe.meta.createdBy?.name ?? "a former user"} on <DateTime value={coe.meta.createdAt} />.
              </p>
              <p className="mt-1">
                Last saved <DateTime value={coe.updatedAt} />.
              </p>
            </CardBody>
          </Card>
        </aside>
      </div>
    </>
  );
}
