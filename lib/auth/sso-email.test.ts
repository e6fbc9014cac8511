// Single sign-on matches a provider's account to an Andon user by email: only an address the
// provider has not declared unverified may do that.
import type { Account, Profile, User } from "next-auth";
import { afterAll, describe, expect, it } from "vitest";
import { authOptions, ssoEmail } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

const oidcAccount = { provider: "oidc", type: "oauth", providerAccountId: "sub-1" } as Account;

async function signIn(email: string, claims: Record<string, unknown>) {
  const user = { id: "sub-1", email } as User;
  return authOptions().callbacks!.signIn!({ user, account: oidcAccount, profile: { sub: "sub-1", email, ...claims } as Profile });
}

describe("single sign-on email", () => {
  it.each([
    [{ email: "Ada@Example.com", email_verified: true }, "ada@example.com"],
    [{ email: "ada@example.com" }, "ada@example.com"],
    [{ email: "ada@example.com", email_verified: false }, null],
    [{ email: "ada@example.com", email_verified: "false" }, null],
    [{ email_verified: true }, null],
  ])("%o gives %s to match by", (profile, expected) => {
    expect(ssoEmail(profile)).toBe(expected);
  });

  it("refuses an existing user's address that the provider says is unverified, and signs in a verified one", async () => {
    const organization = await createOrganization(db);
    const existing = await createUser(db, organization.id);
    expect(await signIn(existing.email, { email_verified: false })).toBe("/login?error=EmailNotVerified");
    expect(await signIn(existing.email, { email_verified: "false" })).toBe("/login?error=EmailNotVerified");
    expect(await signIn(existing.email, { email_verified: true })).toBe(true);
    expect(await signIn(`nobody-${organization.id}@example.com`, { email_verified: true })).toBe("/login?error=NotInvited");
  });
});
