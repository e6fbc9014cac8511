import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";
import { canAdminister } from "@/lib/permissions";

/** The organization's escalation grace periods (days past due per level); admins only. */
export async function setEscalationGraceDays(user: CurrentUser, graceDays: number[]): Promise<{ graceDays: number[] }> {
  if (!canAdminister(user)) throw new ForbiddenError("Only organization admins can change the escalation grace periods.");
  const sorted = [...new Set(graceDays)].sort((a, b) => a - b);
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { escalationGraceDays: true } });
    await tx.organization.update({ where: { id: user.organizationId }, data: { escalationGraceDays: sorted } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "organization.escalation_grace_changed",
      entityType: "organization",
      entityId: user.organizationId,
      summary: `Escalation grace periods set to ${sorted.join(" / ")} days`,
      changes: { escalationGraceDays: { from: before.escalationGraceDays.join("/"), to: sorted.join("/") } },
    });
    return { graceDays: sorted };
  });
}
