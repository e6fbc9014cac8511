"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { removeVerificationAttachment } from "@/lib/verification/attachment-mutations";
import { createDimension, updateDimension } from "@/lib/verification/dimension-mutations";
import { recordVerification, setServiceTier } from "@/lib/verification/mutations";
import {
  createDimensionSchema,
  recordVerificationSchema,
  removeVerificationAttachmentSchema,
  setServiceTierSchema,
  updateDimensionSchema,
} from "@/lib/verification/schemas";

// Role checks live in lib/verification/mutations.ts (access.ts), next to the rows they depend on.

/** verification.record on the service's team (assertCanRecord). */
export const recordVerificationAction = authedAction("recordVerification", recordVerificationSchema, async (input, user) => {
  const saved = await recordVerification(user, input);
  revalidatePath(`/verification/services/${input.serviceId}`);
  revalidatePath("/verification");
  return saved;
});

/** verification.configure on the service's team (assertCanSetTier). */
export const setServiceTierAction = authedAction("setServiceTier", setServiceTierSchema, async (input, user) => {
  const saved = await setServiceTier(user, input);
  revalidatePath(`/verification/services/${input.serviceId}`);
  return saved;
});

/** An admin or a manager of a top-level team (canConfigureDimensions). */
export const updateDimensionAction = authedAction("updateDimension", updateDimensionSchema, async (input, user) => {
  const saved = await updateDimension(user, input);
  revalidatePath("/verification", "layout");
  return { id: saved.id, version: saved.version };
});

/** An admin or a manager of a top-level team (canConfigureDimensions). */
export const createDimensionAction = authedAction("createDimension", createDimensionSchema, async (input, user) => {
  const saved = await createDimension(user, input);
  revalidatePath("/verification", "layout");
  return { id: saved.id, key: saved.key };
});

/** verification.record on the service's team (assertCanRecord in attachment-mutations.ts). */
export const removeVerificationAttachmentAction = authedAction("removeVerificationAttachment", removeVerificationAttachmentSchema, async (input, user) => {
  await removeVerificationAttachment(user, input);
  revalidatePath(`/verification/services/${input.serviceId}`);
  return null;
});
