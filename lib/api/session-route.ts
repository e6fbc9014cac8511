import "server-only";
import type { CurrentUser } from "@/lib/auth/principal";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/api/handler";
import { UnauthenticatedError } from "@/lib/errors";

type RouteArgs<P> = { params: Promise<P> };

export type SessionRouteContext<P> = { request: Request; user: CurrentUser; params: P };

/**
 * The one door for route handlers that serve the signed-in browser (downloads, attachments, the
 * bell, lookups, calendar exports of the page): no session is a 401, and every error — 403, 404,
 * bad input, a database away — answers problem+json like the API, never an HTML or text page.
 * Route handlers do not run through layouts, so each handler still checks what the user may see.
 * `signIn` replaces the 401's sentence where the page has more to say (e.g. that a draft is kept).
 */
export function sessionRoute<P = Record<string, string>>(handler: (context: SessionRouteContext<P>) => Promise<Response>, options: { signIn?: string } = {}) {
  return async (request: Request, routeArgs?: RouteArgs<P>): Promise<Response> => {
    let userId: string | undefined;
    try {
      const user = await getCurrentUser();
      if (!user) throw new UnauthenticatedError(options.signIn);
      userId = user.userId;
      return await handler({ request, user, params: (await routeArgs?.params) as P });
    } catch (error) {
      return errorResponse(error, request, userId);
    }
  };
}
