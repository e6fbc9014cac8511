"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { assertAdmin } from "@/lib/auth/session";
import { createService, createTeam, deleteTeam, updateService, updateTeam } from "@/lib/org/mutations";
import { serviceCreateSchema, serviceUpdateSchema, teamCreateSchema, teamDeleteSchema, teamUpdateSchema } from "@/lib/org/schemas";

export const createTeamAction = authedAction("createTeam", teamCreateSchema, async (input, user) => {
  assertAdmin(user);
  const team = await createTeam(user, input);
  revalidatePath("/settings/teams");
  return team;
});

export const updateTeamAction = authedAction("updateTeam", teamUpdateSchema, async (input, user) => {
  assertAdmin(user);
  const team = await updateTeam(user, input);
  revalidatePath("/settings/teams");
  return team;
});

export const deleteTeamAction = authedAction("deleteTeam", teamDeleteSchema, async (input, user) => {
  assertAdmin(user);
  await deleteTeam(user, input.teamId);
  revalidatePath("/settings/teams");
  return null;
});

export const createServiceAction = authedAction("createService", serviceCreateSchema, async (input, user) => {
  assertAdmin(user);
  const service = await createService(user, input);
  revalidatePath("/settings/services");
  return service;
});

export const updateServiceAction = authedAction("updateService", serviceUpdateSchema, async (input, user) => {
  assertAdmin(user);
  const service = await updateService(user, input);
  revalidatePath("/settings/services");
  return service;
});
