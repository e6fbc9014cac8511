import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintButton } from "./print-button";
import { CoeHeader, CoeSections } from "@/components/coes/coe-document";
import { getCurrentUser, requirePageUser } from "@/lib/auth/session";
import { getCoeForView } from "@/lib/coes/queries";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await getCurrentUser();
  const coe = user ? await getCoeForView(user, (await params).id) : null;
  return { title: coe ? coe.snapshot.title : "Print COE" };
}

/** The COE alone, without review threads or controls, laid out to print to a clean PDF. */
export default async function PrintCoePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const coe = await getCoeForView(user, id);
  if (!coe) notFound();
  return (
    <article className="mx-auto max-w-3xl bg-white p-8 print:max-w-none print:p-0 print:shadow-none">
      <div className="no-print mb-6 flex justify-end">
        <PrintButton />
      </div>
      <h1 className="mb-4 text-2xl font-semibold text-slate-900">{coe.snapshot.title}</h1>
      <CoeHeader coe={coe.snapshot} />
      <div className="mt-8">
        <CoeSections
          coe={coe.snapshot}
          attachments={coe.attachments.map((attachment) => ({ ...attachment, url: `/coes/${coe.id}/attachments/${attachment.id}` }))}
        />
      </div>
      <p className="mt-10 border-t border-slate-200 pt-3 text-xs text-slate-500">
        COE {coe.id}, version {coe.version}. Printed from Andon.
      </p>
    </article>
  );
}
