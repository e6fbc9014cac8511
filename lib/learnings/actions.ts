"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import {
  confirmLesson,
  createLesson,
  decideAdoption,
  deleteLesson,
  draftLessonsFromAnswer,
  promoteLesson,
  relateCoes,
  unrelateCoes,
  updateBestPractice,
} from "@/lib/learnings/mutations";
import {
  adoptBestPracticeSchema,
  createLessonSchema,
  lessonRefSchema,
  promoteLessonSchema,
  relateCoesSchema,
  updateBestPracticeSchema,
} from "@/lib/learnings/schemas";

// Role checks live in lib/learnings/mutations.ts (lib/learnings/access.ts): each needs the COE or
// team the change touches, which only the transaction loads.

const coeRef = z.object({ coeId: z.string().trim().min(1).max(100) });

/** Authors and the COE team's writers (canEditLessons). */
export const createLessonAction = authedAction("createLesson", createLessonSchema, async (input, user) => {
  const lesson = await createLesson(user, input);
  revalidatePath(`/coes/${lesson.coeId}`);
  return lesson;
});

export const confirmLessonAction = authedAction("confirmLesson", lessonRefSchema, async (input, user) => {
  const lesson = await confirmLesson(user, input.lessonId);
  revalidatePath(`/coes/${lesson.coeId}`);
  return lesson;
});

export const deleteLessonAction = authedAction("deleteLesson", lessonRefSchema, async (input, user) => deleteLesson(user, input.lessonId));

export const draftLessonsFromAnswerAction = authedAction("draftLessonsFromAnswer", coeRef, async (input, user) => draftLessonsFromAnswer(user, input.coeId));

/** Authors and writers of the first COE; the second must be visible to the caller. */
export const relateCoesAction = authedAction("relateCoes", relateCoesSchema, async (input, user) => {
  const result = await relateCoes(user, input.coeId, input.relatedCoeId);
  revalidatePath(`/coes/${input.coeId}`);
  return result;
});

export const unrelateCoesAction = authedAction("unrelateCoes", relateCoesSchema, async (input, user) => {
  const result = await unrelateCoes(user, input.coeId, input.relatedCoeId);
  revalidatePath(`/coes/${input.coeId}`);
  return result;
});

/** Reviewers and managers of the COE's team (canPromoteFrom). */
export const promoteLessonAction = authedAction("promoteLesson", promoteLessonSchema, async (input, user) => {
  const practice = await promoteLesson(user, input);
  revalidatePath("/learnings");
  return practice;
});

/** Whoever promoted the best practice, or an admin (canEditBestPractice). */
export const updateBestPracticeAction = authedAction("updateBestPractice", updateBestPracticeSchema, async (input, user) => {
  const practice = await updateBestPractice(user, input);
  revalidatePath(`/learnings/best-practices/${practice.id}`);
  revalidatePath("/learnings");
  return practice;
});

/** Whoever may create the team's actions (canDecideAdoption). */
export const decideAdoptionAction = authedAction("decideAdoption", adoptBestPracticeSchema, async (input, user) => {
  const result = await decideAdoption(user, input);
  revalidatePath(`/learnings/best-practices/${input.bestPracticeId}`);
  return result;
});
