import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Principal } from "@/lib/permissions";
import { orgTeamTree } from "@/lib/org/queries";
import { canConfigureDimensions } from "@/lib/verification/access";
import { dimensionSelect, listDimensions } from "@/lib/verification/queries";

/** What the dimensions settings page and the API show of a dimension, archived ones included. */
export const dimensionSettingsSelect = { ...dimensionSelect, archivedAt: true } satisfies Prisma.VerificationDimensionSelect;
export type DimensionSetting = Prisma.VerificationDimensionGetPayload<{ select: typeof dimensionSettingsSelect }>;

/** Every dimension of the organization, active ones first (in grid order), then the archived ones. */
export async function dimensionSettings(user: Principal, options: { includeArchived: boolean } = { includeArchived: true }): Promise<DimensionSetting[]> {
  // An organization that never opened the grid gets its five built-in dimensions here too.
  await listDimensions(user);
  return db.verificationDimension.findMany({
    where: { organizationId: user.organizationId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { position: "asc" }, { name: "asc" }],
    select: dimensionSettingsSelect,
  });
}

/** One dimension of the caller's organization, archived or not. */
export async function findDimension(user: Principal, dimensionId: string): Promise<DimensionSetting | null> {
  return db.verificationDimension.findFirst({ where: { id: dimensionId, organizationId: user.organizationId }, select: dimensionSettingsSelect });
}

/** Whether the caller may add, rename, archive dimensions and set their intervals (an admin or a manager of a top-level team). */
export async function mayConfigureDimensions(user: CurrentUser): Promise<boolean> {
  return canConfigureDimensions(user, await orgTeamTree(user.organizationId));
}
