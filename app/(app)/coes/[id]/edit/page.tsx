import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { CoeEditor } from "./coe-editor";
import { CoeLearnings } from "@/components/learnings/coe-learnings";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { flattenTree, treeOptionLabel } from "@/lib/org/tree";
import { lifecycleActor } from "@/lib/coes/access";
import { canEditCoe } from "@/lib/coes/lifecycle";
import { coeEditorExtras, coeFormOptions, getCoeSnapshot } from "@/lib/coes/queries";
import { namesInSnapshot } from "./editor-model";

export const metadata: Metadata = { title: "Edit COE" };

export default async function EditCoePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const coe = await getCoeSnapshot(user, id);
  if (!coe) notFound();
  const editable = canEditCoe(
    { status: coe.snapshot.status, authorIds: coe.snapshot.authors.map((author) => author.id), createdById: coe.createdById },
    lifecycleActor(user, coe.teamId),
  );
  if (!editable) redirect(`/coes/${coe.id}`);
  const [options, { attachments, openThreads }] = await Promise.all([coeFormOptions(user), coeEditorExtras(user, coe.id)]);
  const writable = new Set(options.writableTeams.map((team) => team.id));
  writable.add(coe.teamId);
  return (
    <>
      <PageHeader
        title={`Edit: ${coe.snapshot.title}`}
        description="Changes save as you type. Every save is a revision you can compare and restore from History."
      />
      <CoeEditor
        coeId={coe.id}
        status={coe.snapshot.status}
        initialVersion={coe.version}
        initialSnapshot={coe.snapshot}
        openThreads={openThreads.map((thread) => ({
          id: thread.id,
          section: thread.section,
          comments: thread.comments.map((comment) => ({ body: comment.body, author: comment.author?.name ?? "Former user" })),
        }))}
        initialImages={attachments.map((attachment) => ({ ...attachment, url: `/coes/${coe.id}/attachments/${attachment.id}` }))}
        options={{
          teams: flattenTree(options.teams)
            .filter(({ team }) => writable.has(team.id))
            .map(({ team, depth }) => ({ id: team.id, name: team.name, label: treeOptionLabel(team.name, depth) })),
          // Only the names this COE already shows: the pickers search the organization as the author types.
          ...namesInSnapshot(coe.snapshot),
          categories: options.categories,
        }}
      />
      <div className="mt-6 max-w-4xl">
        <CoeLearnings user={user} coeId={coe.id} editing />
      </div>
    </>
  );
}
