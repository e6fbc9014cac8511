import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { teamOptions } from "../../team-options";
import { TeamForm } from "../team-form";
import { DeleteTeamButton } from "./delete-team-button";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAdmin } from "@/lib/auth/session";
import { findTeam, listTeams } from "@/lib/org/queries";

export const metadata: Metadata = { title: "Edit team" };

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const user = await requirePageAdmin();
  const { teamId } = await params;
  const team = await findTeam(user, teamId);
  if (!team) notFound();
  const teams = await listTeams(user);
  const counts = teams.find((row) => row.id === team.id);
  const subTeams = teams.filter((row) => row.parentId === team.id);
  const parent = teams.find((row) => row.id === team.parentId);
  return (
    <>
      <BackLink href="/settings/teams" label="All teams" />
      <PageHeader title={team.name} description={parent ? `Sub-team of ${parent.name}.` : "Top-level team."} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="self-start">
          <CardHeader title="Edit team" description="Rename it, describe it, or move it under another parent." />
          <CardBody>
            <TeamForm team={team} teamOptions={teamOptions(teams)} />
          </CardBody>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Contents" />
            <CardBody>
              <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
                <dt className="text-slate-600">Sub-teams</dt>
                <dd className="text-slate-900">{subTeams.length === 0 ? "None" : subTeams.map((sub) => sub.name).join(", ")}</dd>
                <dt className="text-slate-600">Services</dt>
                <dd className="text-slate-900">
                  {counts?.serviceCount ?? 0}{" "}
                  {counts?.serviceCount ? (
                    <Link href={`/settings/services?team=${team.id}`} className="font-medium text-indigo-700 hover:underline">
                      view
                    </Link>
                  ) : null}
                </dd>
                <dt className="text-slate-600">Members</dt>
                <dd className="text-slate-900">{counts?.memberCount ?? 0}</dd>
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Delete team" description="Only an empty team can be deleted: move its sub-teams and services to another team first." />
            <CardBody>
              <DeleteTeamButton teamId={team.id} name={team.name} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
