import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/auth/password";
import { generateTokenSecret, displayPrefix, hashTokenSecret } from "../../lib/tokens/secret";

type Role = "VIEWER" | "MEMBER" | "REVIEWER" | "MANAGER";

/** Factories shared by the seed and the tests. Each makes unique names unless given some. */
export async function createOrganization(db: PrismaClient, overrides: { id?: string; name?: string } = {}) {
  const suffix = randomUUID().slice(0, 8);
  return db.organization.create({
    data: { id: overrides.id, name: overrides.name ?? `Org ${suffix}`, slug: overrides.id ?? `org-${suffix}` },
  });
}

export async function createTeam(
  db: PrismaClient,
  organizationId: string,
  overrides: { id?: string; name?: string; parentId?: string | null; description?: string } = {},
) {
  return db.team.create({
    data: {
      id: overrides.id,
      organizationId,
      name: overrides.name ?? `Team ${randomUUID().slice(0, 8)}`,
      parentId: overrides.parentId ?? null,
      description: overrides.description ?? "",
    },
  });
}

export async function createService(
  db: PrismaClient,
  organizationId: string,
  teamId: string,
  overrides: { id?: string; name?: string; description?: string } = {},
) {
  return db.service.create({
    data: { id: overrides.id, organizationId, teamId, name: overrides.name ?? `service-${randomUUID().slice(0, 8)}`, description: overrides.description ?? "" },
  });
}

export async function createUser(
  db: PrismaClient,
  organizationId: string,
  overrides: {
    id?: string;
    email?: string;
    name?: string;
    isAdmin?: boolean;
    password?: string;
    passwordHash?: string;
    memberships?: { teamId: string; role: Role }[];
  } = {},
) {
  const suffix = randomUUID().slice(0, 8);
  const passwordHash = overrides.passwordHash ?? (await hashPassword(overrides.password ?? "correct-horse-battery"));
  return db.user.create({
    data: {
      id: overrides.id,
      organizationId,
      email: overrides.email ?? `user-${suffix}@example.test`,
      name: overrides.name ?? `User ${suffix}`,
      isAdmin: overrides.isAdmin ?? false,
      passwordHash,
      memberships: { create: overrides.memberships ?? [] },
    },
  });
}

export async function createApiToken(db: PrismaClient, userId: string, name = "test token") {
  const secret = generateTokenSecret();
  const token = await db.apiToken.create({ data: { userId, name, tokenHash: hashTokenSecret(secret), prefix: displayPrefix(secret) } });
  return { ...token, secret };
}
