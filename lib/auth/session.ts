import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/principal";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { canAdminister } from "@/lib/permissions";

/** The signed-in user for this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const sessionVersion = (session as { sv?: number } | null)?.sv;
  return loadCurrentUser(userId, sessionVersion ?? 0);
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

/** For server actions and route handlers. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}

export function assertAdmin(user: CurrentUser): void {
  if (!canAdminister(user)) throw new ForbiddenError("Only organization admins can change organization settings.");
}
