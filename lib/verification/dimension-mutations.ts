import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { orgTeamTree } from "@/lib/org/queries";
import { canConfigureDimensions } from "@/lib/verification/access";
import { dimensionJson } from "@/lib/verification/api-json";
import { dimensionKeyFor } from "@/lib/verification/dimensions";
import { ensureBuiltInDimensions, recomputeExpiry } from "@/lib/verification/mutations";
import { dimensionSettingsSelect } from "@/lib/verification/dimension-queries";
import type { createDimensionSchema, updateDimensionSchema } from "@/lib/verification/schemas";

/**
 * The one write path for an organization's verification dimensions: add its own, rename, change the
 * intervals (which moves the expiry of every passed verification in it), archive and restore. The
 * five built-in dimensions keep their key and cannot be archived; a rename never changes a key, so
 * policy facts (`verification.<key>.status`) and API clients keep working.
 */
export async function assertDimensionAdmin(user: CurrentUser): Promise<void> {
  if (!canConfigureDimensions(user, await orgTeamTree(user.organizationId)))
    throw new ForbiddenError("Only an admin or a manager of a top-level team can change verification dimensions.");
}

async function assertNameFree(tx: Prisma.TransactionClient, organizationId: string, name: string, exceptId?: string) {
  const clash = await tx.verificationDimension.findFirst({
    where: {
      organizationId,
      OR: [{ key: dimensionKeyFor(name) }, { name: { equals: name, mode: "insensitive" } }],
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw new UserError("A dimension with that name exists already.", { name: ["Choose another name."] });
}

export async function updateDimension(user: CurrentUser, input: z.output<typeof updateDimensionSchema>) {
  await assertDimensionAdmin(user);
  return db.$transaction(async (tx) => {
    const { dimensionId, version, archived, ...fields } = input;
    const current = await tx.verificationDimension.findFirst({
      where: { id: dimensionId, organizationId: user.organizationId },
      select: dimensionSettingsSelect,
    });
    if (!current) throw new NotFoundError("The dimension");
    if (current.version !== version)
      throw new ConflictError(`Someone else changed this dimension (now version ${current.version}). Reload, then try again.`, dimensionJson(current));
    if (archived && current.builtIn)
      throw new UserError("The five built-in dimensions cannot be archived: mark them not applicable on the services they do not fit.", {
        archived: ["Built-in dimensions stay."],
      });
    if (fields.name !== current.name) await assertNameFree(tx, user.organizationId, fields.name, current.id);
    const archivedAt = archived === undefined ? current.archivedAt : archived ? (current.archivedAt ?? new Date()) : null;
    // The version in the where makes a concurrent save that read the same version lose, not overwrite.
    const { count } = await tx.verificationDimension.updateMany({
      where: { id: dimensionId, organizationId: user.organizationId, version },
      data: { ...fields, archivedAt, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError("Someone else changed this dimension just now. Reload, then try again.");
    const intervalsChanged =
      fields.intervalDays !== current.intervalDays ||
      fields.tier1IntervalDays !== current.tier1IntervalDays ||
      fields.tier2IntervalDays !== current.tier2IntervalDays ||
      fields.tier3IntervalDays !== current.tier3IntervalDays;
    if (intervalsChanged) await recomputeExpiry(tx, { dimensionId });
    const archiveChange = (archivedAt === null) !== (current.archivedAt === null);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: archiveChange ? (archivedAt ? "verification_dimension.archived" : "verification_dimension.restored") : "verification_dimension.updated",
      entityType: "verification_dimension",
      entityId: dimensionId,
      summary: archiveChange
        ? `${archivedAt ? "Archived" : "Restored"} verification dimension ${fields.name}`
        : current.name === fields.name
          ? `Updated verification dimension ${fields.name}`
          : `Renamed verification dimension ${current.name} to ${fields.name}`,
      changes: { ...fields, archived: archivedAt !== null },
    });
    return tx.verificationDimension.findFirstOrThrow({ where: { id: dimensionId, organizationId: user.organizationId }, select: dimensionSettingsSelect });
  });
}

export async function createDimension(user: CurrentUser, input: z.output<typeof createDimensionSchema>) {
  await assertDimensionAdmin(user);
  return db.$transaction(async (tx) => {
    await ensureBuiltInDimensions(tx, user.organizationId);
    await assertNameFree(tx, user.organizationId, input.name);
    const last = await tx.verificationDimension.aggregate({ where: { organizationId: user.organizationId }, _max: { position: true } });
    const created = await tx.verificationDimension.create({
      data: { organizationId: user.organizationId, key: dimensionKeyFor(input.name), position: (last._max.position ?? 0) + 1, ...input },
      select: dimensionSettingsSelect,
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "verification_dimension.created",
      entityType: "verification_dimension",
      entityId: created.id,
      summary: `Added verification dimension ${input.name}`,
    });
    return created;
  });
}
