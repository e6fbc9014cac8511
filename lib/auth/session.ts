import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readSessionToken } from "@/lib/auth/session-token";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/principal";
import { ForbiddenError } from "@/lib/errors";
import { canAdminister } from "@/lib/permissions";

/** The signed-in user for this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await readSessionToken();
  const userId = token?.sub;
  if (!userId) return null;
  // A token past its expiry is not a session (decode checks the signature, not `exp`).
  if (typeof token.exp === "number" && token.exp * 1000 < Date.now()) return null;
  return loadCurrentUser(userId, typeof token.sv === "number" ? token.sv : 0);
});

/** For pages: sends anonymous visitors to the sign-in page. */
export async function requirePageUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages only admins may see: others get the 403 page. */
export async function requirePageAdmin(): Promise<CurrentUser> {
  const user = await requirePageUser();
  if (!canAdminister(user)) redirect("/forbidden");
  return user;
}

export function assertAdmin(user: CurrentUser): void {
  if (!canAdminister(user)) throw new ForbiddenError("Only organization admins can change organization settings.");
}
