import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/permissions";

const USERS_PAGE_SIZE = 25;

/** The organization's people for the users settings page (admins only: the page checks). */
export async function listUsers(reader: Principal, filter: { q?: string; page: number }) {
  const where: Prisma.UserWhereInput = {
    organizationId: reader.organizationId,
    ...(filter.q ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { email: { contains: filter.q, mode: "insensitive" } }] } : {}),
  };
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      select: {
        id: true,
        name: true,
        email: true,
        isAdmin: true,
        deactivatedAt: true,
        lastSignInAt: true,
        memberships: { select: { role: true, team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (filter.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
    db.user.count({ where }),
  ]);
  return { users, total, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

/** One person of the reader's organization, with their roles. */
export async function findUser(reader: Principal, userId: string) {
  return db.user.findFirst({
    where: { id: userId, organizationId: reader.organizationId },
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      deactivatedAt: true,
      lastSignInAt: true,
      createdAt: true,
      memberships: { select: { role: true, team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
    },
  });
}

/** The teams a user holds a role on directly, by team name (GET /api/v1/me). */
export async function directMembershipsOf(user: { userId: string; organizationId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId: user.userId, team: { organizationId: user.organizationId } },
    select: { role: true, team: { select: { id: true, name: true } } },
    orderBy: { team: { name: "asc" } },
  });
  return memberships.map(({ role, team }) => ({ id: team.id, name: team.name, role }));
}
