import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { ensureFactorCategories } from "@/lib/coes/mutations";

/**
 * The organization's contributing-factor taxonomy: read by every editor, changed by admins
 * through lib/coes/category-mutations.ts (the admin check is in the actions). Categories are retired, never deleted, so old factors and
 * the category statistics keep their meaning.
 */
export async function listFactorCategories(user: CurrentUser) {
  await ensureFactorCategories(db, user.organizationId);
  const categories = await db.factorCategory.findMany({
    where: { organizationId: user.organizationId },
    select: { id: true, name: true, description: true, retiredAt: true, _count: { select: { factors: true } } },
    orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  return categories.map(({ _count, ...category }) => ({ ...category, factorCount: _count.factors }));
}
