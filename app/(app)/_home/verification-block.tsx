import { Badge } from "@/components/ui/badge";
import type { CurrentUser } from "@/lib/auth/principal";
import { expiringVerificationsForHome } from "@/lib/home/queries";
import { daysUntil } from "@/lib/verification/status";
import { HomeBlock, HomeRow } from "./home-block";

/** Verifications in the user's own subtrees that expire within 14 days: the next drill to plan. */
export async function VerificationBlock({ user }: { user: CurrentUser }) {
  const expiring = await expiringVerificationsForHome(user);
  if (!expiring) return null;
  const now = new Date();
  return (
    <HomeBlock title="Verifications expiring" count={expiring.total} href="/verification" empty="No verification in your teams expires in the next 14 days.">
      {expiring.rows.map((row) => (
        <HomeRow
          key={`${row.serviceId}:${row.dimensionId}`}
          href={`/verification/services/${row.serviceId}`}
          title={`${row.serviceName} · ${row.dimensionName}`}
          badge={<Badge tone="amber">in {daysUntil(row.expiresAt, now)} days</Badge>}
          meta={row.teamName}
        />
      ))}
    </HomeBlock>
  );
}
