import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { teamOptions } from "../../team-options";
import { ROLE_SCOPE_NOTE } from "../role-options";
import { AccountControls } from "./account-controls";
import { MembershipAddForm } from "./membership-add-form";
import { MembershipRow } from "./membership-row";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { TableBody, TableHead } from "@/components/ui/table-parts";
import { requirePageAdmin } from "@/lib/auth/session";
import { listTeams } from "@/lib/org/queries";
import { findUser } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Person" };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const admin = await requirePageAdmin();
  const { userId } = await params;
  const person = await findUser(admin, userId);
  if (!person) notFound();
  const teams = await listTeams(admin);
  const isSelf = person.id === admin.userId;
  return (
    <>
      <BackLink href="/settings/users" label="All users" />
      <PageHeader
        title={person.name}
        description={person.email}
        actions={
          <>
            {isSelf ? <Badge>You</Badge> : null}
            {person.isAdmin ? <Badge tone="indigo">Organization admin</Badge> : null}
            {person.deactivatedAt ? <Badge tone="red">Deactivated</Badge> : <Badge tone="green">Active</Badge>}
          </>
        }
      />
      <p className="-mt-3 mb-6 text-sm text-slate-600">
        Added <DateTime value={person.createdAt} dateOnly /> · Last sign-in {person.lastSignInAt ? <DateTime value={person.lastSignInAt} /> : "never"}
        {person.deactivatedAt ? (
          <>
            {" "}
            · Deactivated <DateTime value={person.deactivatedAt} dateOnly />
          </>
        ) : null}
      </p>
      <div className="space-y-6">
        <Card>
          <CardHeader title="Team memberships" description={ROLE_SCOPE_NOTE} />
          {person.memberships.length === 0 ? (
            <p className="px-5 py-6 text-sm text-slate-600">{person.name} is not on any team yet. Add them to one below.</p>
          ) : (
            <Table caption={`Teams ${person.name} belongs to`}>
              <TableHead columns={["Team", "Role"]} actions />
              <TableBody>
                {person.memberships.map((membership) => (
                  <MembershipRow key={membership.team.id} userId={person.id} userName={person.name} team={membership.team} role={membership.role} />
                ))}
              </TableBody>
            </Table>
          )}
          <div className="border-t border-slate-200 px-5 py-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">Add to a team</h3>
            <MembershipAddForm
              userId={person.id}
              teamOptions={teamOptions(teams)}
              currentTeamIds={person.memberships.map((membership) => membership.team.id)}
            />
          </div>
        </Card>
        <Card>
          <CardHeader title="Account" />
          <CardBody>
            <AccountControls
              person={{ id: person.id, name: person.name, email: person.email, isAdmin: person.isAdmin, active: person.deactivatedAt === null }}
              isSelf={isSelf}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
