import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OverdueBadge, PriorityBadge } from "@/components/actions/action-badges";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableEmpty, TableHead } from "@/components/ui/table-parts";
import { requirePageUser } from "@/lib/auth/session";
import { ESCALATION_LIST_LIMIT, escalationTeams, escalationView } from "@/lib/actions/follow-up";
import { flattenTree, treeOptionLabel } from "@/lib/org/tree";
import { canAdminister } from "@/lib/permissions";
import { GraceDaysForm } from "./grace-form";
import { searchParam, type RawSearchParams } from "@/lib/validation/search-params";

export const metadata: Metadata = { title: "Escalations" };

export default async function EscalationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser();
  const { teams, roots, reachable } = await escalationTeams(user);
  if (reachable.length === 0) redirect("/forbidden");
  const requested = searchParam(await searchParams, "teamId", 64);
  const teamId = requested && reachable.some((team) => team.id === requested) ? requested : (roots[0] ?? reachable[0]!.id);
  const view = await escalationView(user, teamId);
  if (!view) redirect("/forbidden");
  const teamName = teams.find((team) => team.id === teamId)?.name ?? "";

  return (
    <>
      <PageHeader
        title={`Escalations — ${teamName}`}
        description={`Overdue actions reach the owning team's manager after ${view.grace[0]} days past due, the parent team's after ${view.grace[1] ?? "—"}, and so on up the tree (grace periods ${view.grace.join(" / ")} days).`}
      />
      {canAdminister(user) ? (
        <div className="mb-6">
          <GraceDaysForm graceDays={view.grace} />
        </div>
      ) : null}
      <form method="get" className="mb-6 flex items-end gap-2">
        <div>
          <label htmlFor="escalation-team" className="block text-sm font-medium text-slate-800">
            Team
          </label>
          <select id="escalation-team" name="teamId" defaultValue={teamId} className={`${inputClasses} mt-1.5 min-w-64`}>
            {flattenTree(reachable).map(({ team, depth }) => (
              <option key={team.id} value={team.id}>
                {treeOptionLabel(team.name, depth)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      {view.pendingWontDo.length > 0 ? (
        <Card className="mb-6">
          <CardHeader title="Won't do, waiting for a decision" description="Open each one to approve or reject the request." />
          <Table caption="Won't-do requests">
            <TableHead columns={["Action", "Team", "Owner", "Reason"]} />
            <TableBody>
              {view.pendingWontDo.map((action) => (
                <tr key={action.id} data-testid="wont-do-row">
                  <Td className="max-w-xs">
                    <Link href={`/actions/${action.id}`} className="font-medium text-indigo-700 hover:underline">
                      {action.title}
                    </Link>
                  </Td>
                  <Td>{action.team.name}</Td>
                  <Td>{action.owner?.name ?? "Unassigned"}</Td>
                  <Td className="max-w-md whitespace-pre-wrap">{action.wontDoReason}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <CardHeader title="Overdue by sub-team" description="Own: the team's actions. Rolled up: with every team below it." />
          <Table caption="Overdue actions per sub-team">
            <TableHead columns={["Team", "Own", "Rolled up"]} />
            <TableBody>
              {view.subTeams.map((row) => (
                <tr key={row.teamId} data-testid="subteam-row">
                  <Td>
                    <span style={{ paddingLeft: `${row.depth * 0.75}rem` }}>
                      <Link href={`/actions?teamId=${row.teamId}&overdue=true`} className="text-indigo-700 hover:underline">
                        {row.name}
                      </Link>
                    </span>
                  </Td>
                  <Td>{row.own}</Td>
                  <Td className={row.total > 0 ? "font-semibold text-red-700" : undefined}>{row.total}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader
            title={`Escalated to ${teamName} (${view.escalatedCount})`}
            description={
              view.escalatedCount > ESCALATION_LIST_LIMIT
                ? `The ${ESCALATION_LIST_LIMIT} most overdue of ${view.escalatedCount} actions whose escalation has reached this team's manager.`
                : "Overdue actions whose escalation has reached this team's manager."
            }
          />
          {view.escalated.length === 0 ? (
            <TableEmpty>Nothing has escalated to this team. </TableEmpty>
          ) : (
            <Table caption="Escalated actions">
              <TableHead columns={["Action", "Team", "Owner", "Priority", "Overdue", "Reached"]} />
              <TableBody>
                {view.escalated.map(({ action, escalation }) => (
                  <tr key={action.id} data-testid="escalated-row">
                    <Td className="max-w-xs">
                      <Link href={`/actions/${action.id}`} className="font-medium text-indigo-700 hover:underline">
                        {action.title}
                      </Link>
                    </Td>
                    <Td>{action.team.name}</Td>
                    <Td>{action.owner?.name ?? "Unassigned"}</Td>
                    <Td>
                      <PriorityBadge priority={action.priority} />
                    </Td>
                    <Td>
                      <OverdueBadge days={escalation.daysOverdue} />
                    </Td>
                    <Td>
                      {view.teamsById.get(escalation.escalatedToTeamId)}
                      <span className="block text-xs text-slate-500">
                        {escalation.level === 0 ? "owning team" : `${escalation.level} level${escalation.level === 1 ? "" : "s"} up`}
                      </span>
                    </Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
