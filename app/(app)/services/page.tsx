import type { Metadata } from "next";
import Link from "next/link";
import { FreezeWindowList } from "@/components/cords/freeze-window-list";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { stoppedServiceIds } from "@/lib/cords/queries";
import { teamsTouching, windowsOfTeams } from "@/lib/freeze-windows/queries";
import { orgTeamTree } from "@/lib/org/queries";
import { teamsForHome } from "@/lib/org/queries";
import { TEAM_ROLE_LABELS } from "@/lib/permissions";
import { SubTeamServices, TeamServiceList } from "./team-service-list";

export const metadata: Metadata = { title: "Teams and services" };

/** The directory of the caller's teams and the services they run (home used to be this page). */
export default async function ServicesPage() {
  const user = await requirePageUser();
  const teams = await teamsForHome(user);
  const tree = await orgTeamTree(user.organizationId);
  const [stopped, windows] = await Promise.all([
    stoppedServiceIds(user, { serviceIds: teams.flatMap((team) => team.services.map((service) => service.id)) }),
    windowsOfTeams(
      user,
      teamsTouching(
        tree,
        teams.map((team) => team.id),
      ),
    ),
  ]);
  // A team's card lists the windows set on it, above it or below it.
  const windowsOf = (teamId: string) => {
    const touching = new Set(teamsTouching(tree, [teamId]));
    return windows.filter((window) => touching.has(window.teamId));
  };
  return (
    <>
      <PageHeader title="Teams and services" description={`Your teams and the services they run in ${user.organizationName}.`} />
      {teams.length === 0 ? (
        <EmptyState title="You are not on a team yet" action={user.isAdmin ? <ButtonLink href="/settings/teams">Set up teams</ButtonLink> : undefined}>
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
                description={[
                  team.parentName ? `Part of ${team.parentName}` : "Top-level team",
                  team.subTeamCount ? `${team.subTeamCount} sub-team${team.subTeamCount === 1 ? "" : "s"}` : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
                actions={team.role ? <Badge tone="indigo">{TEAM_ROLE_LABELS[team.role]}</Badge> : user.isAdmin ? <Badge>Admin</Badge> : null}
              />
              <CardBody>
                <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Services</h3>
                {team.services.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600">{team.subTeams.length === 0 ? "No services yet." : "None of its own."}</p>
                ) : (
                  <TeamServiceList services={team.services} stopped={stopped} />
                )}
                <FreezeWindowsOfTeam teamId={team.id} windows={windowsOf(team.id)} />
                {team.subTeams.length > 0 ? (
                  <>
                    <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">
                      Services of sub-teams ({team.subTeams.reduce((sum, subTeam) => sum + subTeam.serviceNames.length, 0)})
                    </h3>
                    <SubTeamServices subTeams={team.subTeams} />
                  </>
                ) : null}
              </CardBody>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}

function FreezeWindowsOfTeam({ teamId, windows }: { teamId: string; windows: Awaited<ReturnType<typeof windowsOfTeams>> }) {
  return (
    <div className="mt-4">
      <h3 className="flex items-baseline justify-between gap-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
        Freeze windows
        <Link
          href={`/freeze-windows?team=${encodeURIComponent(teamId)}`}
          className="text-xs font-medium normal-case tracking-normal text-indigo-700 hover:underline"
        >
          All and schedule
        </Link>
      </h3>
      <div className="mt-1">
        <FreezeWindowList windows={windows.slice(0, 3)} empty="None scheduled." compact />
        {windows.length > 3 ? <p className="text-xs text-slate-600">and {windows.length - 3} more</p> : null}
      </div>
    </div>
  );
}
