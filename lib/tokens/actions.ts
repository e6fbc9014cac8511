"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { createToken, revokeToken } from "@/lib/tokens/mutations";
import { tokenCreateSchema, tokenRevokeSchema } from "@/lib/tokens/schemas";

// Tokens are personal: any signed-in user manages their own, and only their own.
export const createTokenAction = authedAction("createToken", tokenCreateSchema, async (input, user) => {
  const token = await createToken(user, input);
  revalidatePath("/settings/tokens");
  return token;
});

export const revokeTokenAction = authedAction("revokeToken", tokenRevokeSchema, async (input, user) => {
  await revokeToken(user, input.tokenId);
  revalidatePath("/settings/tokens");
  return null;
});
