import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { FreezeWindowList } from "@/components/cords/freeze-window-list";
import { requirePageUser } from "@/lib/auth/session";
import { teamsTouching, windowsOfTeams } from "@/lib/freeze-windows/queries";
import { listServices, orgTeamTree } from "@/lib/org/queries";
import { flattenTree, treeOptionLabel } from "@/lib/org/tree";
import { can } from "@/lib/permissions";
import { FreezeWindowForm } from "./freeze-window-form";

export const metadata: Metadata = { title: "Freeze windows" };

/**
 * Scheduled stops of the deploy gate: the windows reaching the caller's teams (set on them, above
 * them or below them; every window for an admin), and the form for managers, who schedule windows
 * for the subtree of a team they manage.
 */
export default async function FreezeWindowsPage({ searchParams }: { searchParams: Promise<{ team?: string | string[] }> }) {
  const user = await requirePageUser();
  const { team } = await searchParams;
  // Freeze windows are readable by everyone in the organization (lib/freeze-windows/queries.ts); writes check the manager.
  const teams = await orgTeamTree(user.organizationId);
  const managed = flattenTree(teams).filter(({ team: node }) => can(user, "cord.override", node.id));
  const [windows, services] = await Promise.all([
    windowsOfTeams(user, user.isAdmin ? "all" : teamsTouching(teams, user.directTeamIds)),
    managed.length > 0 ? listServices(user, { teamIds: managed.map(({ team: node }) => node.id) }) : Promise.resolve([]),
  ]);
  const preferred = typeof team === "string" && managed.some(({ team: node }) => node.id === team) ? team : undefined;
  return (
    <>
      <PageHeader
        title="Freeze windows"
        description="Scheduled stops beside the Andon cord: inside a window the deploy gate answers 423 for every service of the team's subtree (or the services chosen). They also appear in your calendar feed."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader
            title="Upcoming and running"
            description={user.isAdmin ? "Every window in the organization." : "Windows set on your teams, above them or below them."}
          />
          <CardBody>
            <FreezeWindowList
              windows={windows.map((window) => ({ ...window, canDelete: can(user, "cord.override", window.teamId) }))}
              empty="No freeze window is scheduled for your teams."
            />
          </CardBody>
        </Card>
        {managed.length > 0 ? (
          <Card>
            <CardHeader title="Schedule a freeze window" description="For a team you manage: the whole subtree, or only some of its services." />
            <CardBody>
              <FreezeWindowForm
                teams={managed.map(({ team: node, depth }) => ({
                  id: node.id,
                  parentId: node.parentId,
                  label: treeOptionLabel(node.name, depth),
                }))}
                services={services.map((service) => ({ id: service.id, name: service.name, teamId: service.teamId }))}
                defaultTeamId={preferred ?? managed[0]!.team.id}
              />
            </CardBody>
          </Card>
        ) : (
          <p className="text-sm text-slate-600">A manager of a team schedules its freeze windows.</p>
        )}
      </div>
    </>
  );
}
