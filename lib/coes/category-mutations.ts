import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/db-errors";
import { NotFoundError, UserError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";

/**
 * Changes to the contributing-factor taxonomy (admins; the check is in the actions). Categories are
 * retired, never deleted, so old factors and the category statistics keep their meaning.
 */
export async function createFactorCategory(user: CurrentUser, input: { name: string; description: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const category = await tx.factorCategory.create({
        data: { organizationId: user.organizationId, name: input.name, description: input.description },
        select: { id: true, name: true },
      });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.userId,
        action: "factor_category.created",
        entityType: "factor_category",
        entityId: category.id,
        summary: `Added contributing-factor category ${category.name}`,
      });
      return category;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new UserError(`A category named “${input.name}” already exists.`, { name: ["Choose another name, or restore the retired one."] });
    throw error;
  }
}

export async function setFactorCategoryRetired(user: CurrentUser, input: { categoryId: string; retired: boolean }) {
  return db.$transaction(async (tx) => {
    const category = await tx.factorCategory.findFirst({
      where: { id: input.categoryId, organizationId: user.organizationId },
      select: { id: true, name: true },
    });
    if (!category) throw new NotFoundError("The category");
    await tx.factorCategory.update({ where: { id: category.id }, data: { retiredAt: input.retired ? new Date() : null } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: input.retired ? "factor_category.retired" : "factor_category.restored",
      entityType: "factor_category",
      entityId: category.id,
      summary: `${input.retired ? "Retired" : "Restored"} contributing-factor category ${category.name}`,
    });
    return category;
  });
}
