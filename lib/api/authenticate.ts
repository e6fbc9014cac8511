import "server-only";
import { loadApiTokenPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { getCurrentUser } from "@/lib/auth/session";
import { UnauthenticatedError } from "@/lib/errors";
import { TOKEN_PREFIX, hashTokenSecret } from "@/lib/tokens/secret";
import { recordTokenUse } from "@/lib/tokens/mutations";

// Recording last use on every call would turn each read into a write; a minute's precision is plenty.
const LAST_USED_PRECISION_MS = 60_000;

/** A bearer token when the request carries one, else the browser session. */
export async function authenticateApiRequest(request: Request): Promise<CurrentUser> {
  const header = request.headers.get("authorization");
  if (header) return userForBearer(header);
  // Without cookies there is no session to look up; skipping next-auth also keeps machine calls cheap.
  const user = request.headers.has("cookie") ? await getCurrentUser() : null;
  if (!user) throw new UnauthenticatedError("Send a personal API token as `Authorization: Bearer <token>`, or sign in.");
  return user;
}

async function userForBearer(header: string): Promise<CurrentUser> {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match || !match[1]!.startsWith(TOKEN_PREFIX)) {
    throw new UnauthenticatedError("The Authorization header must be `Bearer andon_…` with a personal API token.");
  }
  const now = new Date();
  const found = await loadApiTokenPrincipal(hashTokenSecret(match[1]!));
  const token = found?.token;
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) {
    throw new UnauthenticatedError("This API token is invalid, expired or revoked. Create a new one in Settings → API tokens.");
  }
  const user = found.user;
  if (!user) throw new UnauthenticatedError("The owner of this API token can no longer sign in.");
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await recordTokenUse(token.id, now);
  }
  return user;
}
