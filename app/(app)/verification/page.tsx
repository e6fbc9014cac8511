import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { notFound } from "next/navigation";
import { expiringVerifications, verificationGrid } from "@/lib/verification/queries";
import { gridQuerySchema } from "@/lib/verification/schemas";
import { daysUntil } from "@/lib/verification/status";
import { percentClasses, percentLabel, VerificationStatusBadge } from "./status-badge";
import { TeamSwitcher } from "@/components/ui/team-switcher";

export const metadata: Metadata = { title: "Verification" };

/**
 * The services × dimensions grid of a team subtree, rendered on the server: % verified per dimension
 * rolled up per sub-team, then one page of services (50 at a time, never thousands of cells).
 */
export default async function VerificationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const parsed = gridQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { page: 1, teamId: undefined };
  let grid;
  try {
    grid = await verificationGrid(user, query);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const expiring = await expiringVerifications(user, { teamIds: grid.scope.teamIds, limit: 10 });
  const teamParam = grid.scope.rootTeam ? `teamId=${encodeURIComponent(grid.scope.rootTeam.id)}` : "";
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Verification"
        description="If you haven't verified it, it's probably broken. Each service's last proof per resilience dimension; never verified and expired never count as passing."
        actions={
          <>
            <ButtonLink variant="secondary" href={`/verification/export${teamParam ? `?${teamParam}` : ""}`} prefetch={false}>
              Export CSV
            </ButtonLink>
            <ButtonLink variant="secondary" href="/game-days">
              Game days
            </ButtonLink>
            <ButtonLink variant="secondary" href="/verification/dimensions">
              Dimensions and intervals
            </ButtonLink>
          </>
        }
      />
      <div className="mb-4">
        <TeamSwitcher
          id="verification-team"
          label="Team (and its sub-teams)"
          href={teamParam ? `/verification?${teamParam}` : "/verification"}
          param="teamId"
          value={grid.scope.rootTeam?.id}
          valueLabel={grid.scope.rootTeam?.name}
          placeholder="Choose a team…"
          className="max-w-sm"
        />
      </div>
      {grid.scope.teamIds.length === 0 ? (
        <EmptyState title="No team to show">You are not on a team yet. An admin can add you to one in Settings.</EmptyState>
      ) : (
        <div className="space-y-6">
          <Card>
            <CardHeader
              title="% verified per dimension"
              description="Rolled up the org tree: each line counts its team and every team below it. Not applicable is left out."
            />
            <Table caption="Percentage of services verified per dimension, per team">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Team</Th>
                  <Th>Services</Th>
                  {grid.dimensions.map((dimension) => (
                    <Th key={dimension.id}>{dimension.name}</Th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {grid.rollup.map((line) => (
                  <tr key={line.teamId ?? "org"}>
                    <Td className={line.depth === 0 ? "font-semibold" : "pl-8"}>
                      {line.teamId && line.depth > 0 ? (
                        <Link className="text-indigo-700 hover:underline" href={`/verification?teamId=${line.teamId}`}>
                          {line.name}
                        </Link>
                      ) : (
                        line.name
                      )}
                    </Td>
                    <Td>{line.serviceCount}</Td>
                    {grid.dimensions.map((dimension) => {
                      const cell = line.perDimension.get(dimension.id)!;
                      return (
                        <Td key={dimension.id}>
                          <span className={`font-medium ${percentClasses(cell.percent)}`}>{percentLabel(cell.percent)}</span>
                          <span className="ml-1 text-xs text-slate-600">
                            ({cell.passing}/{cell.applicable}
                            {cell.expiring > 0 ? `, ${cell.expiring} expiring` : ""})
                          </span>
                        </Td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>

          <Card>
            <CardHeader title="Expiring in 14 days" description="Passed verifications that stop counting soon: plan the next drill." />
            {expiring.length === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-600">Nothing expires in the next 14 days.</p>
              </CardBody>
            ) : (
              <ul className="divide-y divide-slate-100">
                {expiring.map((row) => (
                  <li key={`${row.service.id}:${row.dimension.id}`} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                    <span>
                      <Link className="font-medium text-indigo-700 hover:underline" href={`/verification/services/${row.service.id}`}>
                        {row.service.name}
                      </Link>{" "}
                      <span className="text-slate-700">· {row.dimension.name}</span> <span className="text-slate-600">({row.service.team.name})</span>
                    </span>
                    <span className="text-slate-700">
                      expires <DateTime value={row.expiresAt!} dateOnly /> (in {daysUntil(row.expiresAt!, now)} days)
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card>
            <CardHeader title="Services" description="One row per service; each cell says its status in words and colour." />
            {grid.services.length === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-600">No services in this part of the org tree.</p>
              </CardBody>
            ) : (
              <>
                <Table caption="Verification status of each service per dimension">
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>Service</Th>
                      <Th>Team</Th>
                      <Th>Tier</Th>
                      {grid.dimensions.map((dimension) => (
                        <Th key={dimension.id}>{dimension.name}</Th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {grid.services.map((service) => (
                      <tr key={service.id}>
                        <Td>
                          <Link className="link font-medium" href={`/verification/services/${service.id}`}>
                            {service.name}
                          </Link>
                        </Td>
                        <Td className="text-slate-700">{service.teamName}</Td>
                        <Td>{service.tier ?? "–"}</Td>
                        {grid.dimensions.map((dimension) => {
                          const cell = grid.cells.get(`${service.id}:${dimension.id}`);
                          return (
                            <Td key={dimension.id}>
                              <VerificationStatusBadge status={cell?.status ?? "NEVER"} />
                            </Td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </Table>
                <Pagination
                  page={grid.page}
                  pageCount={grid.pageCount}
                  total={grid.total}
                  noun="service"
                  hrefFor={(page) => `/verification?${teamParam ? `${teamParam}&` : ""}page=${page}`}
                />
              </>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
