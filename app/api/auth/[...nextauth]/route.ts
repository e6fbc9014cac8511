import NextAuth from "next-auth";
import { problemResponse } from "@/lib/api/problem";
import { authOptions } from "@/lib/auth/options";

// What next-auth answers per method; anything else it throws on (a 500), so it is a 404 here.
const AUTH_ACTIONS: Record<string, readonly string[]> = {
  GET: ["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error", "_log"],
  POST: ["signin", "signout", "callback", "session", "_log"],
};

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const [action] = (await context.params).nextauth;
  const method = request.method === "HEAD" ? "GET" : request.method;
  if (!action || !AUTH_ACTIONS[method]?.includes(action)) return problemResponse(404, "There is no such sign-in endpoint.");
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
