import type { Metadata } from "next";
import Link from "next/link";
import { teamOptions } from "../team-options";
import { TeamSelectOptions } from "../team-select-options";
import { ServiceForm } from "./service-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FilterBar, filterControlClasses } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableEmpty, TableHead } from "@/components/ui/table-parts";
import { requirePageAdmin } from "@/lib/auth/session";
import { listServices, listTeams } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageAdmin();
  const params = await searchParams;
  const teams = await listTeams(user);
  const filterTeam = typeof params.team === "string" ? teams.find((team) => team.id === params.team) : undefined;
  // The filter takes the team's whole subtree: a parent team answers for what its sub-teams run.
  const services = await listServices(user, filterTeam ? { teamIds: subtreeIds(teams, filterTeam.id) } : {});
  const options = teamOptions(teams);
  return (
    <>
      <PageHeader
        title="Services"
        description="The service catalog: every service is owned by one team, and its COEs and metrics roll up that team's branch of the org tree."
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="self-start">
          <CardHeader
            title={filterTeam ? `Services of ${filterTeam.name}` : "All services"}
            description={
              filterTeam
                ? "Including the services of its sub-teams."
                : `${services.length} service${services.length === 1 ? "" : "s"} in ${user.organizationName}.`
            }
          />
          <FilterBar
            label="Team"
            controlId="service-team-filter"
            controlClassName="min-w-48 flex-1"
            submitLabel="Filter"
            clearHref={filterTeam ? "/settings/services" : undefined}
          >
            <select id="service-team-filter" name="team" defaultValue={filterTeam?.id ?? ""} className={filterControlClasses}>
              <option value="">All teams</option>
              <TeamSelectOptions options={options} />
            </select>
          </FilterBar>
          {services.length === 0 ? (
            <TableEmpty>
              {filterTeam ? `${filterTeam.name} and its sub-teams own no services yet.` : "No services yet. Add the first one with the form beside this list."}
            </TableEmpty>
          ) : (
            <Table caption="Services">
              <TableHead columns={["Name", "Owning team", "Description"]} actions />
              <TableBody>
                {services.map((service) => (
                  <tr key={service.id}>
                    <Td className="font-mono whitespace-nowrap">
                      <Link href={`/services/${service.id}`} className="hover:text-indigo-700 hover:underline">
                        {service.name}
                      </Link>
                    </Td>
                    <Td className="whitespace-nowrap">
                      <Link href={`/settings/teams/${service.teamId}`} className="hover:text-indigo-700 hover:underline">
                        {service.team.name}
                      </Link>
                    </Td>
                    <Td className="text-slate-600">{service.description || <span className="text-slate-500">—</span>}</Td>
                    <Td className="text-right">
                      <ButtonLink href={`/settings/services/${service.id}`} variant="secondary" size="sm" aria-label={`Edit ${service.name}`}>
                        Edit
                      </ButtonLink>
                    </Td>
                  </tr>
                ))}
              </TableBody>
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
