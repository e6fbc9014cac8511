import type { Metadata } from "next";
import Link from "next/link";
import { teamOptions } from "../team-options";
import { TeamForm } from "./team-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAdmin } from "@/lib/auth/session";
import { listTeams } from "@/lib/org/queries";
import { flattenTree } from "@/lib/org/tree";

export const metadata: Metadata = { title: "Teams" };

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export default async function TeamsPage() {
  const user = await requirePageAdmin();
  const teams = await listTeams(user);
  const rows = flattenTree(teams);
  const nameById = new Map(teams.map((team) => [team.id, team.name]));
  return (
    <>
      <PageHeader
        title="Teams"
        description="The org tree: teams nest to any depth, and every COE, action and metric rolls up it. A role on a team applies to all of its sub-teams."
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        {rows.length === 0 ? (
          <EmptyState title="No teams yet">
            Start with the top-level teams of your organization, then add their sub-teams. Services and people are attached to teams.
          </EmptyState>
        ) : (
          <Card className="self-start">
            <CardHeader title="Org tree" description={`${plural(teams.length, "team")} in ${user.organizationName}.`} />
            <ul className="divide-y divide-slate-100">
              {rows.map(({ team, depth }) => (
                <li key={team.id} className="flex items-center justify-between gap-4 py-3 pr-5" style={{ paddingLeft: `${1.25 + depth * 1.5}rem` }}>
                  <div className="min-w-0">
                    <p className="flex items-center gap-1.5 text-sm">
                      {depth > 0 ? (
                        <span aria-hidden className="text-slate-400">
                          └
                        </span>
                      ) : null}
                      <Link href={`/settings/teams/${team.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                        {team.name}
                      </Link>
                      {team.parentId && nameById.has(team.parentId) ? <span className="sr-only">, sub-team of {nameById.get(team.parentId)}</span> : null}
                    </p>
                    {team.description ? <p className="mt-0.5 truncate text-xs text-slate-600">{team.description}</p> : null}
                  </div>
                  <div className="flex shrink-0 items-center gap-4">
                    <p className="text-xs whitespace-nowrap text-slate-600">
                      {plural(team.serviceCount, "service")} · {plural(team.memberCount, "member")}
                    </p>
                    <ButtonLink href={`/settings/teams/${team.id}`} variant="secondary" size="sm" aria-label={`Edit ${team.name}`}>
                      Edit
                    </ButtonLink>
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card className="self-start">
          <CardHeader title="Create a team" />
          <CardBody>
            <TeamForm teamOptions={teamOptions(teams)} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
