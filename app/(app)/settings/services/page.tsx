import type { Metadata } from "next";
import Link from "next/link";
import { teamOptions } from "../team-options";
import { ServiceForm } from "./service-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageAdmin } from "@/lib/auth/session";
import { listServices, listTeams } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageAdmin();
  const params = await searchParams;
  const teams = await listTeams(user.organizationId);
  const filterTeam = typeof params.team === "string" ? teams.find((team) => team.id === params.team) : undefined;
  // The filter takes the team's whole subtree: a parent team answers for what its sub-teams run.
  const services = await listServices(user.organizationId, filterTeam ? { teamIds: subtreeIds(teams, filterTeam.id) } : {});
  const options = teamOptions(teams);
  return (
    <>
      <PageHeader title="Services" description="The service catalog: every service is owned by one team, and its COEs and metrics roll up that team's branch of the org tree." />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="self-start">
          <CardHeader
            title={filterTeam ? `Services of ${filterTeam.name}` : "All services"}
            description={filterTeam ? "Including the services of its sub-teams." : `${services.length} service${services.length === 1 ? "" : "s"} in ${user.organizationName}.`}
          />
          <form method="get" className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-5 py-3">
            <div className="min-w-48 flex-1">
              <label htmlFor="service-team-filter" className="block text-sm font-medium text-slate-800">
                Team
              </label>
              <select id="service-team-filter" name="team" defaultValue={filterTeam?.id ?? ""} className={`${inputClasses} mt-1.5`}>
                <option value="">All teams</option>
                {options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary">
              Filter
            </Button>
            {filterTeam ? (
              <ButtonLink href="/settings/services" variant="ghost">
                Clear
              </ButtonLink>
            ) : null}
          </form>
          {services.length === 0 ? (
            <p className="px-5 py-8 text-center text-sm text-slate-600">
              {filterTeam ? `${filterTeam.name} and its sub-teams own no services yet.` : "No services yet. Add the first one with the form beside this list."}
            </p>
          ) : (
            <Table caption="Services">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Name</Th>
                  <Th>Owning team</Th>
                  <Th>Description</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {services.map((service) => (
                  <tr key={service.id}>
                    <Td className="font-mono whitespace-nowrap">{service.name}</Td>
                    <Td className="whitespace-nowrap">
                      <Link href={`/settings/teams/${service.teamId}`} className="hover:text-indigo-700 hover:underline">
                        {service.team.name}
                      </Link>
                    </Td>
                    <Td className="text-slate-600">{service.description || <span className="text-slate-400">—</span>}</Td>
                    <Td className="text-right">
                      <ButtonLink href={`/settings/services/${service.id}`} variant="secondary" size="sm" aria-label={`Edit ${service.name}`}>
                        Edit
                      </ButtonLink>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card className="self-start">
          <CardHeader title="Add a service" />
          <CardBody>
            <ServiceForm key={filterTeam?.id ?? "all"} teamOptions={options} defaultTeamId={filterTeam?.id} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
