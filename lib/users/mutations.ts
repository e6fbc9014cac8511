import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { db, type DbClient } from "@/lib/db";
import { revokeAllTokensOfUser } from "@/lib/tokens/mutations";
import { isUniqueViolation } from "@/lib/db-errors";
import { lockForTransaction } from "@/lib/db-lock";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { NotFoundError, UserError } from "@/lib/errors";
import { TEAM_ROLE_LABELS } from "@/lib/permissions";
import type { membershipSetSchema, passwordChangeSchema, userCreateSchema } from "@/lib/users/schemas";

type Actor = { userId: string; organizationId: string };

/** A one-time password an admin passes on; the person replaces it in Settings → Account. */
function temporaryPassword(): string {
  return randomBytes(12).toString("base64url");
}

async function userInOrg(tx: DbClient, organizationId: string, userId: string) {
  const user = await tx.user.findFirst({ where: { id: userId, organizationId }, select: { id: true, name: true, email: true, isAdmin: true } });
  if (!user) throw new NotFoundError("The user");
  return user;
}

export async function createUser(actor: Actor, input: z.output<typeof userCreateSchema>) {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      if (input.teamId) {
        const team = await tx.team.findFirst({ where: { id: input.teamId, organizationId: actor.organizationId }, select: { id: true } });
        if (!team) throw new UserError("That team no longer exists.", { teamId: ["Choose an existing team."] });
      }
      const created = await tx.user.create({
        data: {
          organizationId: actor.organizationId,
          name: input.name,
          email: input.email,
          isAdmin: input.isAdmin,
          passwordHash,
          ...(input.teamId ? { memberships: { create: { teamId: input.teamId, role: input.role } } } : {}),
        },
        select: { id: true, name: true, email: true },
      });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: "user.created",
        entityType: "user",
        entityId: created.id,
        summary: `Added ${created.name} <${created.email}>${input.isAdmin ? " as an organization admin" : ""}`,
      });
      return created;
    });
    return { ...user, temporaryPassword: password };
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError("Someone with this email already has an account.", { email: ["This email is already in use."] });
    throw error;
  }
}

export async function setMembership(actor: Actor, input: z.output<typeof membershipSetSchema>) {
  return db.$transaction(async (tx) => {
    const user = await userInOrg(tx, actor.organizationId, input.userId);
    const team = await tx.team.findFirst({ where: { id: input.teamId, organizationId: actor.organizationId }, select: { id: true, name: true } });
    if (!team) throw new UserError("That team no longer exists.", { teamId: ["Choose an existing team."] });
    if (input.role === null) {
      await tx.membership.deleteMany({ where: { userId: user.id, teamId: team.id } });
    } else {
      await tx.membership.upsert({
        where: { userId_teamId: { userId: user.id, teamId: team.id } },
        create: { userId: user.id, teamId: team.id, role: input.role },
        update: { role: input.role },
      });
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: input.role ? "membership.set" : "membership.removed",
      entityType: "user",
      entityId: user.id,
      summary: input.role ? `${user.name} is now ${TEAM_ROLE_LABELS[input.role]} of ${team.name}` : `${user.name} removed from ${team.name}`,
      changes: { teamId: team.id, role: input.role },
    });
  });
}

/** The organization must keep at least one active admin, or nobody could manage it. */
async function assertAnotherAdminRemains(tx: DbClient, organizationId: string, userId: string) {
  const others = await tx.user.count({ where: { organizationId, isAdmin: true, deactivatedAt: null, id: { not: userId } } });
  if (others === 0) throw new UserError("This is the last active organization admin. Make someone else an admin first.");
}

export async function setAdmin(actor: Actor, userId: string, isAdmin: boolean) {
  return db.$transaction(async (tx) => {
    await lockForTransaction(tx, "org-admins:" + actor.organizationId);
    const user = await userInOrg(tx, actor.organizationId, userId);
    if (!isAdmin) await assertAnotherAdminRemains(tx, actor.organizationId, user.id);
    await tx.user.update({ where: { id: user.id }, data: { isAdmin } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: isAdmin ? "user.admin_granted" : "user.admin_revoked",
      entityType: "user",
      entityId: user.id,
      summary: isAdmin ? `${user.name} is now an organization admin` : `${user.name} is no longer an organization admin`,
    });
  });
}

export async function setActive(actor: Actor, userId: string, active: boolean) {
  if (userId === actor.userId && !active) throw new UserError("You cannot deactivate your own account.");
  return db.$transaction(async (tx) => {
    await lockForTransaction(tx, "org-admins:" + actor.organizationId);
    const user = await userInOrg(tx, actor.organizationId, userId);
    if (!active && user.isAdmin) await assertAnotherAdminRemains(tx, actor.organizationId, user.id);
    await tx.user.update({
      where: { id: user.id },
      // Bumping the session version signs a deactivated user out everywhere at once.
      data: active ? { deactivatedAt: null } : { deactivatedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    if (!active) await revokeAllTokensOfUser(tx, actor, user.id, "the account was deactivated");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: active ? "user.reactivated" : "user.deactivated",
      entityType: "user",
      entityId: user.id,
      summary: `${active ? "Reactivated" : "Deactivated"} ${user.name}`,
    });
  });
}

export async function resetPassword(actor: Actor, userId: string) {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await userInOrg(tx, actor.organizationId, userId);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await revokeAllTokensOfUser(tx, actor, user.id, "an admin reset the password");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: "user.password_reset",
      entityType: "user",
      entityId: user.id,
      summary: `Reset the password of ${user.name}`,
    });
  });
  return { temporaryPassword: password };
}

/** Changing the password ends every other session (the session version rises) and, by default, the user's API tokens. */
export async function changeOwnPassword(actor: Actor, input: z.output<typeof passwordChangeSchema>) {
  const user = await db.user.findFirst({ where: { id: actor.userId, organizationId: actor.organizationId }, select: { id: true, passwordHash: true } });
  if (!user) throw new NotFoundError("Your account");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new UserError("The current password is not right.", { currentPassword: ["This is not your current password."] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (input.revokeTokens) await revokeAllTokensOfUser(tx, actor, user.id, "the password was changed");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: "user.password_changed",
      entityType: "user",
      entityId: user.id,
      summary: "Changed their password",
    });
  });
}

/** A successful sign-in: notes its time and answers the session version the new session carries. */
export async function recordSignIn(userId: string): Promise<{ id: string; sessionVersion: number }> {
  return db.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() }, select: { id: true, sessionVersion: true } });
}
