// A user's API tokens end with a password reset, a deactivation and (unless they opt out) a password change.
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { changeOwnPassword, resetPassword, setActive } from "@/lib/users/mutations";
import { createScriptClient } from "@/prisma/seed/client";
import { createApiToken, createOrganization, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

async function personWithToken() {
  const org = await createOrganization(db);
  const admin = await createUser(db, org.id, { isAdmin: true });
  const person = await createUser(db, org.id, { password: "correct-horse-battery" });
  const token = await createApiToken(db, person.id);
  return { admin: { userId: admin.id, organizationId: org.id }, person: { userId: person.id, organizationId: org.id }, token };
}

const revokedAt = async (tokenId: string) => (await db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt;

describe("API token revocation", () => {
  it("revokes a user's tokens when an admin resets the password", async () => {
    const { admin, person, token } = await personWithToken();
    await resetPassword(admin, person.userId);
    expect(await revokedAt(token.id)).toBeInstanceOf(Date);
  });

  it("revokes a user's tokens on deactivation", async () => {
    const { admin, person, token } = await personWithToken();
    await setActive(admin, person.userId, false);
    expect(await revokedAt(token.id)).toBeInstanceOf(Date);
  });

  it("revokes the user's own tokens on a password change unless asked not to", async () => {
    const first = await personWithToken();
    await changeOwnPassword(first.person, {
      currentPassword: "correct-horse-battery",
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
      revokeTokens: true,
    });
    expect(await revokedAt(first.token.id)).toBeInstanceOf(Date);

    const second = await personWithToken();
    await changeOwnPassword(second.person, {
      currentPassword: "correct-horse-battery",
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
      revokeTokens: false,
    });
    expect(await revokedAt(second.token.id)).toBeNull();
  });
});
