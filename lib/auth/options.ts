import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { db } from "@/lib/db";
import { authSecret, env, oidcEnabled } from "@/lib/env";
import { isUserError } from "@/lib/errors";
import { assertLoginAllowed, recordLoginAttempt } from "@/lib/auth/login-attempts";
import { verifyPassword } from "@/lib/auth/password";
import { recordSignIn } from "@/lib/users/mutations";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientAddress } from "@/lib/auth/client-address";

// One message for a wrong password and a deactivated account: a different one would tell a
// guesser that the password was right.
const INVALID_CREDENTIALS = "Email or password is incorrect.";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

async function authorizeWithPassword(raw: unknown, ip: string) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
  const { email, password } = parsed.data;
  try {
    const { delayMs } = await assertLoginAllowed(email, ip);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  } catch (error) {
    if (isUserError(error)) throw new Error(error.message);
    throw error;
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, deactivatedAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  await recordLoginAttempt(email, ip, valid && !user?.deactivatedAt);
  if (!user || !valid || user.deactivatedAt) throw new Error(INVALID_CREDENTIALS);
  return { id: user.id, email: user.email, name: user.name };
}

type OidcProfile = { sub: string; email?: string; email_verified?: boolean | string; name?: string; preferred_username?: string };

/** The provider says outright that the address is not verified (some providers send the claim as a string). */
function emailUnverified(profile: { email_verified?: unknown } | undefined): boolean {
  return profile?.email_verified === false || profile?.email_verified === "false";
}

/**
 * The address an SSO sign-in may be matched to an Andon user by: none when the provider says it is
 * unverified, since anyone can type someone else's address into a provider that lets them.
 * Providers that send no email_verified claim at all are trusted to have checked it.
 */
export function ssoEmail(profile: { email?: string; email_verified?: unknown }): string | null {
  if (!profile.email || emailUnverified(profile)) return null;
  return profile.email.toLowerCase();
}

function oidcProvider(): OAuthConfig<OidcProfile> {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_DISPLAY_NAME } = env();
  return {
    id: "oidc",
    name: OIDC_DISPLAY_NAME ?? "single sign-on",
    type: "oauth",
    wellKnown: `${OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    // PKCE binds the code to this browser, state the callback to the sign-in it answers, nonce the ID token to both.
    checks: ["pkce", "state", "nonce"],
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    profile(profile) {
      return { id: profile.sub, email: ssoEmail(profile), name: profile.name ?? profile.preferred_username ?? null };
    },
  };
}

/** SSO signs in only people an admin has already added: the email must match an active user. */
async function userIdForSsoEmail(email: string | null | undefined): Promise<string | null> {
  if (!email) return null;
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, deactivatedAt: true } });
  return user && !user.deactivatedAt ? user.id : null;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    // JWT sessions keep app servers stateless; `sv` (session version) lets a password change end them.
    session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizeWithPassword(credentials, clientAddress(req?.headers)),
      }),
      ...(oidcEnabled() ? [oidcProvider()] : []),
    ],
    callbacks: {
      // next-auth's own check lets "/\\host" through as a path; ours resolves it as a browser would.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackUrl(url, baseUrl)}`;
      },
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        if (emailUnverified(profile as { email_verified?: unknown } | undefined)) return "/login?error=EmailNotVerified";
        const userId = await userIdForSsoEmail(user.email);
        return userId ? true : "/login?error=NotInvited";
      },
      async jwt({ token, user, account }) {
        if (user) {
          const userId = account?.provider === "oidc" ? await userIdForSsoEmail(user.email) : user.id;
          const record = userId ? await recordSignIn(userId) : null;
          if (record) {
            token.sub = record.id;
            token.sv = record.sessionVersion;
          }
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return { ...session, sv: typeof token.sv === "number" ? token.sv : 0 };
      },
    },
  };
}
