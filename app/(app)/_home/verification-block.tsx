import { Badge } from "@/components/ui/badge";
import type { CurrentUser } from "@/lib/auth/principal";
import { orgTeamTree } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";
import { expiringVerifications } from "@/lib/verification/queries";
import { daysUntil } from "@/lib/verification/status";
import { HomeBlock, HomeRow } from "./home-block";

/** Verifications in the user's own subtrees that expire within 14 days: the next drill to plan. */
export async function VerificationBlock({ user }: { user: CurrentUser }) {
  if (user.directTeamIds.length === 0) return null;
  const teams = await orgTeamTree(user.organizationId);
  const teamIds = [...new Set(user.directTeamIds.flatMap((teamId) => subtreeIds(teams, teamId)))];
  const rows = await expiringVerifications(user, { teamIds, limit: 8 });
  const now = new Date();
  return (
    <HomeBlock title="Verifications expiring" count={rows.length} href="/verification" empty="No verification in your teams expires in the next 14 days.">
      {rows.map((row) => (
        <HomeRow
          key={`${row.service.id}:${row.dimension.id}`}
          href={`/verification/services/${row.service.id}`}
          title={`${row.service.name} · ${row.dimension.name}`}
          badge={<Badge tone="amber">in {daysUntil(row.expiresAt!, now)} days</Badge>}
          meta={row.service.team.name}
        />
      ))}
    </HomeBlock>
  );
}
