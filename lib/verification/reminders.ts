import "server-only";
import { db } from "@/lib/db";
import { emitEvent } from "@/lib/events/mutations";
import { notifyUsers } from "@/lib/notifications/mutations";
import { EXPIRING_WINDOW_DAYS } from "@/lib/verification/status";

/**
 * Reminds the owning team before a passed verification expires: members (and above) with a direct
 * role on the service's team get one VERIFICATION_EXPIRING notification per verification and expiry
 * date (the dedupe key), so a job that runs every day or twice never repeats itself; the
 * `verification.expiring` event is written with the first reminder.
 */
export async function sendVerificationReminders(now = new Date()): Promise<{ verifications: number; notified: number }> {
  const until = new Date(now.getTime() + EXPIRING_WINDOW_DAYS * 86_400_000);
  const expiring = await db.serviceVerification.findMany({
    where: { result: "PASSED", expiresAt: { gt: now, lte: until } },
    select: {
      id: true,
      organizationId: true,
      expiresAt: true,
      service: {
        select: { id: true, name: true, teamId: true, team: { select: { memberships: { where: { role: { not: "VIEWER" } }, select: { userId: true } } } } },
      },
      dimension: { select: { key: true, name: true } },
    },
    take: 5000,
  });
  let notified = 0;
  for (const row of expiring) {
    const day = row.expiresAt!.toISOString().slice(0, 10);
    await db.$transaction(async (tx) => {
      const count = await notifyUsers(
        tx,
        row.service.team.memberships.map((membership) => membership.userId),
        {
          organizationId: row.organizationId,
          kind: "VERIFICATION_EXPIRING",
          title: `${row.service.name}: ${row.dimension.name} verification expires on ${day}`,
          href: `/verification/services/${row.service.id}`,
          dedupeKey: `verification:${row.id}:${day}`,
        },
      );
      if (count > 0) {
        notified += count;
        await emitEvent(tx, {
          organizationId: row.organizationId,
          type: "verification.expiring",
          teamId: row.service.teamId,
          data: { serviceId: row.service.id, dimension: row.dimension.key, expiresAt: row.expiresAt!.toISOString() },
        });
      }
    });
  }
  return { verifications: expiring.length, notified };
}
