import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { lockForTransaction } from "@/lib/db-lock";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { UserError } from "@/lib/errors";
import type { setupSchema } from "@/lib/setup/schemas";
import { ensureLibraryRules } from "@/lib/policies/rule-mutations";

export async function needsSetup(): Promise<boolean> {
  return (await db.organization.count()) === 0;
}

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "organization"
  );
}

/**
 * First run on an empty database: creates the organization, its first admin and its copy of the
 * built-in rule library (so /policies/rules offers the catalog from day one). The advisory lock
 * and the emptiness check in one transaction make it happen once, even with several app instances.
 */
export async function createFirstOrganization(input: z.output<typeof setupSchema>) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await lockForTransaction(tx, "andon-first-run");
    if ((await tx.organization.count()) > 0) throw new UserError("Andon is already set up. Sign in instead.");
    const organization = await tx.organization.create({ data: { name: input.organizationName, slug: slugify(input.organizationName) } });
    const admin = await tx.user.create({
      data: { organizationId: organization.id, name: input.name, email: input.email, passwordHash, isAdmin: true },
      select: { id: true, email: true },
    });
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: admin.id,
      action: "organization.created",
      entityType: "organization",
      entityId: organization.id,
      summary: `Set up ${organization.name} with ${input.email} as the first admin`,
    });
    await ensureLibraryRules(tx, organization.id, admin.id);
    return admin;
  });
}
