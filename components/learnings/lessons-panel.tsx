"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { confirmAction, runAction } from "@/components/ui/run-action";
import type { FieldErrors } from "@/lib/errors";
import { fieldErrorsFromIssues } from "@/lib/errors";
import { confirmLessonAction, createLessonAction, deleteLessonAction, draftLessonsFromAnswerAction, promoteLessonAction } from "@/lib/learnings/actions";
import { createLessonSchema } from "@/lib/learnings/schemas";
import { LESSON_STATEMENT_MAX } from "@/lib/learnings/split-lessons";

export type LessonView = {
  id: string;
  statement: string;
  detail: string;
  tags: string[];
  status: "DRAFT" | "CONFIRMED";
  categories: { id: string; name: string }[];
  services: { id: string; name: string }[];
  bestPracticeId: string | null;
};

/**
 * The COE's lessons as records: the author marks lesson items (from the "What lessons did you
 * learn?" answer, or new ones), confirms drafts, removes them; a reviewer promotes one to a best
 * practice. The free-text answer itself stays in the editor, untouched.
 */
export function LessonsPanel({ coeId, lessons, canEdit, canPromote }: { coeId: string; lessons: LessonView[]; canEdit: boolean; canPromote: boolean }) {
  const router = useRouter();
  const [statement, setStatement] = useState("");
  const [detail, setDetail] = useState("");
  const [tags, setTags] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function add() {
    const input = { coeId, statement, detail, tags, confirmed: true };
    const parsed = createLessonSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    startTransition(async () => {
      const result = await runAction(() => createLessonAction(input));
      if (!result.ok) {
        setFieldErrors(result.fieldErrors);
        setError(result.error);
        return;
      }
      setStatement("");
      setDetail("");
      setTags("");
      setFieldErrors({});
      setError(null);
      router.refresh();
    });
  }

  function draftFromAnswer() {
    startTransition(async () => {
      const result = await runAction(() => draftLessonsFromAnswerAction({ coeId }));
      if (!result.ok) setError(result.error);
      else {
        setNotice(
          result.data.created
            ? `${result.data.created} draft lesson${result.data.created === 1 ? "" : "s"} from your answer: confirm the ones that hold.`
            : "Every paragraph of your answer is already a lesson.",
        );
        router.refresh();
      }
    });
  }

  function confirm(lessonId: string) {
    startTransition(async () => {
      const result = await runAction(() => confirmLessonAction({ lessonId }));
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  }

  return (
    <Card>
      <CardBody>
        <section aria-labelledby="lessons-heading" className="space-y-3">
          <h2 id="lessons-heading" className="text-sm font-semibold text-slate-900">
            Lessons
          </h2>
          {error ? <Alert tone="error">{error}</Alert> : null}
          {notice ? <Alert tone="info">{notice}</Alert> : null}
          {lessons.length === 0 ? (
            <p className="text-xs text-slate-600">
              No lessons marked yet.{canEdit ? " Mark the lessons of your answer below, or draft them from its paragraphs." : ""}
            </p>
          ) : (
            <ul className="space-y-3">
              {lessons.map((lesson) => (
                <li key={lesson.id} className="rounded-md border border-slate-200 p-3" aria-label={`Lesson: ${lesson.statement}`}>
                  <p className="text-sm text-slate-900">{lesson.statement}</p>
                  {lesson.detail ? <p className="mt-1 line-clamp-3 text-xs whitespace-pre-wrap text-slate-600">{lesson.detail}</p> : null}
                  <div className="mt-2 flex flex-wrap gap-1">
                    {lesson.status === "DRAFT" ? <Badge tone="amber">Draft</Badge> : <Badge tone="green">Confirmed</Badge>}
                    {lesson.bestPracticeId ? (
                      <Link href={`/learnings/best-practices/${lesson.bestPracticeId}`}>
                        <Badge tone="indigo">Best practice</Badge>
                      </Link>
                    ) : null}
                    {lesson.categories.map((category) => (
                      <Badge key={category.id}>{category.name}</Badge>
                    ))}
                    {lesson.tags.map((tag) => (
                      <Badge key={tag}>#{tag}</Badge>
                    ))}
                  </div>
                  <div className="mt-2 flex flex-wrap gap-2">
                    {canEdit && lesson.status === "DRAFT" ? (
                      <Button size="sm" variant="secondary" pending={pending} onClick={() => confirm(lesson.id)}>
                        Confirm
                      </Button>
                    ) : null}
                    {canPromote && lesson.status === "CONFIRMED" && !lesson.bestPracticeId ? (
                      <ConfirmButton
                        label="Promote to best practice"
                        title="Promote this lesson to a best practice?"
                        description="It becomes an organization-wide best practice that every team can adopt."
                        confirmLabel="Promote"
                        variant="secondary"
                        onConfirm={() =>
                          confirmAction(
                            () => promoteLessonAction({ lessonId: lesson.id }),
                            () => router.refresh(),
                          )
                        }
                      />
                    ) : null}
                    {canEdit && !lesson.bestPracticeId ? (
                      <ConfirmButton
                        label="Remove"
                        title="Remove this lesson?"
                        confirmLabel="Remove"
                        onConfirm={() =>
                          confirmAction(
                            () => deleteLessonAction({ lessonId: lesson.id }),
                            () => router.refresh(),
                          )
                        }
                      />
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {canEdit ? (
            <form
              className="space-y-3 border-t border-slate-200 pt-3"
              aria-label="Mark a lesson"
              onSubmit={(event) => {
                event.preventDefault();
                add();
              }}
            >
              <FormField
                label="Lesson"
                hint={`${statement.length}/${LESSON_STATEMENT_MAX} characters: one sentence another team could act on.`}
                errors={fieldErrors.statement}
              >
                <textarea className={inputClasses} rows={2} value={statement} onChange={(event) => setStatement(event.target.value)} />
              </FormField>
              <FormField label="Detail (optional)" errors={fieldErrors.detail}>
                <textarea className={inputClasses} rows={2} value={detail} onChange={(event) => setDetail(event.target.value)} />
              </FormField>
              <FormField label="Tags (optional)" hint="Comma-separated, e.g. dns, runbook." errors={fieldErrors.tags}>
                <input className={inputClasses} value={tags} onChange={(event) => setTags(event.target.value)} />
              </FormField>
              <div className="flex flex-wrap gap-2">
                <Button type="submit" size="sm" pending={pending}>
                  Mark lesson
                </Button>
                <Button size="sm" variant="secondary" pending={pending} onClick={draftFromAnswer}>
                  Draft lessons from my answer
                </Button>
              </div>
              <p className="text-xs text-slate-600">Services and categories default to the COE&apos;s.</p>
            </form>
          ) : null}
        </section>
      </CardBody>
    </Card>
  );
}
