import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/env";

/** next-auth's session cookie: `__Secure-` prefixed when the app is served over https. */
const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** A cookie next-auth split into `name.0`, `name.1`, … because the token outgrew 4 KB. */
function joinChunks(all: Map<string, string>, name: string): string | undefined {
  const chunks: string[] = [];
  for (let index = 0; all.has(`${name}.${index}`); index += 1) chunks.push(all.get(`${name}.${index}`)!);
  return chunks.length > 0 ? chunks.join("") : undefined;
}

/**
 * The signed-in session's JWT, read straight from the cookie. `getServerSession` would decode the
 * same token, run the callbacks and re-encrypt a refreshed cookie that a server component cannot
 * set anyway (its `res` is a no-op in the App Router): reading it costs about a millisecond less
 * per request.
 */
export async function readSessionToken(): Promise<JWT | null> {
  const jar = await cookies();
  const all = new Map(jar.getAll().map((cookie) => [cookie.name, cookie.value]));
  for (const name of SESSION_COOKIE_NAMES) {
    const token = all.get(name) ?? joinChunks(all, name);
    if (!token) continue;
    try {
      return await decode({ token, secret: authSecret() });
    } catch {
      return null; // a cookie signed with another secret or tampered with: not signed in
    }
  }
  return null;
}
