"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { assertAdmin } from "@/lib/auth/session";
import { changeOwnPassword, createUser, resetPassword, setActive, setAdmin, setMembership } from "@/lib/users/mutations";
import { membershipSetSchema, passwordChangeSchema, userActiveSetSchema, userAdminSetSchema, userCreateSchema, userIdSchema } from "@/lib/users/schemas";

export const createUserAction = authedAction("createUser", userCreateSchema, async (input, user) => {
  assertAdmin(user);
  const created = await createUser(user, input);
  revalidatePath("/settings/users");
  return created;
});

export const setMembershipAction = authedAction("setMembership", membershipSetSchema, async (input, user) => {
  assertAdmin(user);
  await setMembership(user, input);
  revalidatePath(`/settings/users/${input.userId}`);
  return null;
});

export const setAdminAction = authedAction("setAdmin", userAdminSetSchema, async (input, user) => {
  assertAdmin(user);
  await setAdmin(user, input.userId, input.isAdmin);
  revalidatePath(`/settings/users/${input.userId}`);
  return null;
});

export const setActiveAction = authedAction("setActive", userActiveSetSchema, async (input, user) => {
  assertAdmin(user);
  await setActive(user, input.userId, input.active);
  revalidatePath(`/settings/users/${input.userId}`);
  return null;
});

export const resetPasswordAction = authedAction("resetPassword", userIdSchema, async (input, user) => {
  assertAdmin(user);
  return resetPassword(user, input.userId);
});

export const changePasswordAction = authedAction("changePassword", passwordChangeSchema, async (input, user) => {
  await changeOwnPassword(user, input);
  return null;
});
