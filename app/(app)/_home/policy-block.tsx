import { SeverityBadge } from "@/components/policies/policy-badges";
import type { CurrentUser } from "@/lib/auth/principal";
import { openFindingsForHome } from "@/lib/home/queries";
import { HomeBlock, HomeRow, daysAgo } from "./home-block";

/** The most severe open policy findings of the user's teams (and below). */
export async function PolicyBlock({ user }: { user: CurrentUser }) {
  const findings = await openFindingsForHome(user);
  if (!findings) return null;
  return (
    <HomeBlock
      title="Policy findings"
      count={findings.total}
      href="/policies"
      linkLabel="Compliance"
      empty="Every enforced rule passes for your teams' services."
    >
      {findings.rows.map((finding) => (
        <HomeRow
          key={finding.id}
          href={`/policies/findings/${finding.id}`}
          title={`${finding.serviceName}: ${finding.ruleName}`}
          badge={<SeverityBadge severity={finding.severity} />}
          meta={`Failing since ${daysAgo(finding.openedAt)} · ${finding.teamName}`}
        />
      ))}
    </HomeBlock>
  );
}
