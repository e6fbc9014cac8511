"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { confirmAction } from "@/components/ui/run-action";
import { unrelateCoesAction } from "@/lib/learnings/actions";
import { STATUS_LABELS } from "@/lib/coes/questions";

/** COEs linked as related to this one (shown on both). */
export function RelatedCoesList({
  coeId,
  related,
  canEdit,
}: {
  coeId: string;
  related: { id: string; title: string; status: keyof typeof STATUS_LABELS }[];
  canEdit: boolean;
}) {
  const router = useRouter();
  return (
    <Card>
      <CardBody>
        <section aria-labelledby="related-coes-heading">
          <h2 id="related-coes-heading" className="text-sm font-semibold text-slate-900">
            Related COEs
          </h2>
          {related.length === 0 ? (
            <p className="mt-1 text-xs text-slate-600">None linked.</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {related.map((coe) => (
                <li key={coe.id} className="flex items-start justify-between gap-2 text-sm">
                  <span>
                    <Link href={`/coes/${coe.id}`} className="text-indigo-700 hover:underline">
                      {coe.title}
                    </Link>{" "}
                    <span className="text-xs text-slate-600">({STATUS_LABELS[coe.status]})</span>
                  </span>
                  {canEdit ? (
                    <ConfirmButton
                      label="Unlink"
                      title="Unlink this COE?"
                      confirmLabel="Unlink"
                      variant="ghost"
                      onConfirm={() =>
                        confirmAction(
                          () => unrelateCoesAction({ coeId, relatedCoeId: coe.id }),
                          () => router.refresh(),
                        )
                      }
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </CardBody>
    </Card>
  );
}
