import Link from "next/link";
import { ActionStatusList } from "@/components/learnings/action-status-list";
import { LessonsPanel } from "@/components/learnings/lessons-panel";
import { RelatedCoesList } from "@/components/learnings/related-coes-list";
import { SimilarCoesPanel } from "@/components/learnings/similar-coes-panel";
import { Card, CardBody } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import type { CurrentUser } from "@/lib/auth/principal";
import { coeForLearnings, lessonsForCoe, recurrencesOf, relatedCoes, type LearningsCoe } from "@/lib/learnings/queries";

/**
 * The learnings side of a COE: "recurrence of …" for the reviewer, related COEs, the COE's lessons
 * and, while it is being written, similar past COEs. A page that has read the COE for the caller
 * passes what it read (`checked`); otherwise it is read here from the id, for the caller.
 */
export async function CoeLearnings({ user, coeId, checked, editing = false }: { user: CurrentUser; coeId: string; checked?: LearningsCoe; editing?: boolean }) {
  const coe = checked ?? (await coeForLearnings(user, coeId));
  if (!coe) return null;
  const [lessons, related, recurrences] = await Promise.all([lessonsForCoe(user, coe), relatedCoes(user, coe.id), recurrencesOf(user, coe.id)]);
  return (
    <div className="space-y-6">
      {recurrences.map((earlier) => (
        <Card key={earlier.coeId} className={earlier.verifiedButRecurred > 0 ? "border-l-4 border-red-600" : "border-l-4 border-amber-500"}>
          <CardBody>
            <section aria-label={`Recurrence of ${earlier.title}`} className="space-y-2">
              <h2 className="text-sm font-semibold text-slate-900">
                Recurrence of{" "}
                <Link href={`/coes/${earlier.coeId}`} className="text-indigo-700 hover:underline">
                  {earlier.title}
                </Link>
              </h2>
              <p className="text-xs text-slate-600">
                Same service ({earlier.services.join(", ")}) and cause ({earlier.categories.join(", ")}), approved <DateTime value={earlier.approvedAt} />.
              </p>
              {earlier.verifiedButRecurred > 0 ? (
                <p className="rounded-md bg-red-50 px-3 py-2 text-xs font-medium text-red-800">
                  {earlier.verifiedButRecurred} of its corrective actions {earlier.verifiedButRecurred === 1 ? "was" : "were"} verified, and the problem came
                  back: the fix did not hold.
                </p>
              ) : null}
              <ActionStatusList actions={earlier.actions} />
            </section>
          </CardBody>
        </Card>
      ))}
      {editing ? <SimilarCoesPanel coeId={coe.id} canLink={lessons.canEdit} /> : null}
      <RelatedCoesList coeId={coe.id} related={related} canEdit={lessons.canEdit} />
      <LessonsPanel coeId={coe.id} lessons={lessons.lessons} canEdit={lessons.canEdit} canPromote={lessons.canPromote} />
    </div>
  );
}
