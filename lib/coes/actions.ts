"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { assertAdmin } from "@/lib/auth/session";
import { createFactorCategory, setFactorCategoryRetired } from "@/lib/coes/category-mutations";
import { deleteAttachment } from "@/lib/coes/attachment-mutations";
import { createCoe, restoreRevision, saveCoe, transitionCoe } from "@/lib/coes/mutations";
import { replyToThread, resolveThread, startReviewThread } from "@/lib/coes/review-thread-mutations";
import {
  createCoeSchema,
  deleteAttachmentSchema,
  factorCategoryCreateSchema,
  factorCategoryRetireSchema,
  replySchema,
  resolveThreadSchema,
  restoreRevisionSchema,
  saveCoeSchema,
  startThreadSchema,
  transitionSchema,
} from "@/lib/coes/schemas";

// Role checks live in lib/coes/mutations.ts next to the lifecycle table they depend on (who may
// edit, approve or comment depends on the COE's team and authors, which only the transaction
// loads); each action here names which check it relies on.

/** Needs coe.write on the chosen team (checked in createCoe). */
export const createCoeAction = authedAction("createCoe", createCoeSchema, async (input, user) => {
  const coe = await createCoe(user, input);
  revalidatePath("/coes");
  return { id: coe.id };
});

/** Needs to be an author or hold coe.write on the COE's team (canEditCoe in saveCoe). */
export const saveCoeAction = authedAction("saveCoe", saveCoeSchema, async (input, user) => {
  const saved = await saveCoe(user, input);
  revalidatePath(`/coes/${saved.id}`);
  return saved;
});

/** Who may make each move is the lifecycle table (checkTransition in transitionCoe). */
export const transitionCoeAction = authedAction("transitionCoe", transitionSchema, async (input, user) => {
  const saved = await transitionCoe(user, input);
  revalidatePath(`/coes/${saved.id}`);
  revalidatePath("/coes");
  return { id: saved.id, version: saved.version, status: saved.snapshot.status };
});

/** Same rule as saving (restoreRevision saves through saveCoe). */
export const restoreRevisionAction = authedAction("restoreRevision", restoreRevisionSchema, async (input, user) => {
  const saved = await restoreRevision(user, input);
  revalidatePath(`/coes/${saved.id}`);
  return { id: saved.id, version: saved.version };
});

/** Needs coe.write or coe.review on the team, or authorship (assertCanComment). */
export const startReviewThreadAction = authedAction("startReviewThread", startThreadSchema, async (input, user) => {
  const thread = await startReviewThread(user, input);
  revalidatePath(`/coes/${input.coeId}`);
  return thread;
});

export const replyToThreadAction = authedAction("replyToThread", replySchema, async (input, user) => {
  const thread = await replyToThread(user, input);
  revalidatePath(`/coes/${input.coeId}`);
  return thread;
});

export const resolveThreadAction = authedAction("resolveThread", resolveThreadSchema, async (input, user) => {
  const thread = await resolveThread(user, input);
  revalidatePath(`/coes/${input.coeId}`);
  return thread;
});

/** Same rule as editing. */
export const deleteAttachmentAction = authedAction("deleteAttachment", deleteAttachmentSchema, async (input, user) => {
  await deleteAttachment(user, input);
  revalidatePath(`/coes/${input.coeId}`);
  return null;
});

/** Organization admins only: the taxonomy is shared by every team. */
export const createFactorCategoryAction = authedAction("createFactorCategory", factorCategoryCreateSchema, async (input, user) => {
  assertAdmin(user);
  const category = await createFactorCategory(user, input);
  revalidatePath("/coes/categories");
  return category;
});

export const setFactorCategoryRetiredAction = authedAction("setFactorCategoryRetired", factorCategoryRetireSchema, async (input, user) => {
  assertAdmin(user);
  const category = await setFactorCategoryRetired(user, input);
  revalidatePath("/coes/categories");
  return category;
});
