import type { NextRequest } from "next/server";
import { proxy as securityProxy } from "@/lib/security/proxy-handler";

/** Runs before every route: security headers and the refusals that belong in one place (lib/security/proxy-handler.ts). */
export function proxy(request: NextRequest): Promise<Response> {
  return securityProxy(request);
}

export const config = {
  // Static build output needs no per-request policy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
