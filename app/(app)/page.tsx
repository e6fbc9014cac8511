import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { teamsForHome } from "@/lib/org/queries";
import { TEAM_ROLE_LABELS } from "@/lib/permissions";
import { HomeServiceList, HomeSubTeamServices } from "./home-service-list";

export default async function HomePage() {
  const user = await requirePageUser();
  const teams = await teamsForHome(user);
  const firstName = user.name.split(" ")[0] ?? user.name;
  return (
    <>
      <PageHeader title={`Hello, ${firstName}`} description={`Your teams and the services they run in ${user.organizationName}.`} />
      {teams.length === 0 ? (
        <EmptyState
          title="You are not on a team yet"
          action={user.isAdmin ? <ButtonLink href="/settings/teams">Set up teams</ButtonLink> : undefined}
        >
          {user.isAdmin
            ? "Create the org tree — teams, sub-teams and the services they own — then add people to their teams."
            : "Ask an organization admin to add you to your team. You can still read approved COEs across the organization."}
        </EmptyState>
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          {teams.map((team) => (
            <Card key={team.id}>
              <CardHeader
                title={team.name}
                description={[team.parentName ? `Part of ${team.parentName}` : "Top-level team", team.subTeamCount ? `${team.subTeamCount} sub-team${team.subTeamCount === 1 ? "" : "s"}` : null]
                  .filter(Boolean)
                  .join(" · ")}
                actions={team.role ? <Badge tone="indigo">{TEAM_ROLE_LABELS[team.role]}</Badge> : user.isAdmin ? <Badge>Admin</Badge> : null}
              />
              <CardBody>
                <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Services</h3>
                {team.services.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600">{team.subTeams.length === 0 ? "No services yet." : "None of its own."}</p>
                ) : (
                  <HomeServiceList services={team.services} />
                )}
                {team.subTeams.length > 0 ? (
                  <>
                    <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">
                      Services of sub-teams ({team.subTeams.reduce((sum, subTeam) => sum + subTeam.serviceNames.length, 0)})
                    </h3>
                    <HomeSubTeamServices subTeams={team.subTeams} />
                  </>
                ) : null}
              </CardBody>
            </Card>
          ))}
        </div>
      )}
      <p className="mt-8 text-sm text-slate-600">
        Next: write up an incident in <Link className="font-medium text-indigo-700 hover:underline" href="/coes">COEs</Link>, or follow up{" "}
        <Link className="font-medium text-indigo-700 hover:underline" href="/actions">corrective actions</Link>.
      </p>
    </>
  );
}
