"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { requestReminderRun } from "@/lib/jobs/boss";
import { addCordNote, createCorrectiveActionFromCord, grantOverride, pullCord, resolveCord, startCoeFromCord } from "@/lib/cords/mutations";
import { cordActionSchema, cordNoteSchema, grantOverrideSchema, pullCordSchema, resolveCordSchema, startCoeSchema } from "@/lib/cords/schemas";

// Thin doors onto lib/cords/mutations.ts: the API calls the same functions. The role checks live in
// the mutations (pulling needs none; notes and resolving need the owning team; overrides its manager).

export const pullCordAction = authedAction("cord.pull", pullCordSchema, async (input, user) => {
  const { cord, plusOne } = await pullCord(user, input);
  revalidatePath(`/services/${cord.service.id}`);
  return { cordId: cord.id, plusOne, serviceName: cord.service.name };
});

export const addCordNoteAction = authedAction("cord.note", cordNoteSchema, async (input, user) => {
  const cord = await addCordNote(user, input);
  return { cordId: cord.id };
});

export const resolveCordAction = authedAction("cord.resolve", resolveCordSchema, async (input, user) => {
  const cord = await resolveCord(user, input);
  revalidatePath(`/services/${cord.service.id}`);
  return { cordId: cord.id, coeDue: cord.coeDue };
});

export const grantOverrideAction = authedAction("cord.override", grantOverrideSchema, async (input, user) => grantOverride(user, input));

export const startCoeFromCordAction = authedAction("cord.startCoe", startCoeSchema, async (input, user) => startCoeFromCord(user, input.cordId));

export const createCorrectiveActionFromCordAction = authedAction("cord.createCorrectiveAction", cordActionSchema, async (input, user) => {
  const saved = await createCorrectiveActionFromCord(user, input);
  await requestReminderRun();
  revalidatePath(`/cords/${input.cordId}`);
  return saved;
});
