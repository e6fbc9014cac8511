import type { Metadata } from "next";
import Link from "next/link";
import { teamOptions } from "../team-options";
import { UserCreateForm } from "./user-create-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FilterBar, filterControlClasses } from "@/components/ui/filter-bar";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableEmpty, TableHead } from "@/components/ui/table-parts";
import { requirePageAdmin } from "@/lib/auth/session";
import { listTeams } from "@/lib/org/queries";
import { TEAM_ROLE_LABELS } from "@/lib/permissions";
import { listUsers } from "@/lib/users/queries";
import { userSearchSchema } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageAdmin();
  const params = await searchParams;
  const parsed = userSearchSchema.safeParse({
    q: typeof params.q === "string" ? params.q : undefined,
    page: typeof params.page === "string" ? params.page : undefined,
  });
  const filter = parsed.success ? parsed.data : { q: undefined, page: 1 };
  const q = filter.q || undefined;
  const [{ users, total, pageCount }, teams] = await Promise.all([listUsers(user, { q, page: filter.page }), listTeams(user)]);
  const hrefFor = (page: number) => {
    const query = new URLSearchParams();
    if (q) query.set("q", q);
    if (page > 1) query.set("page", String(page));
    const search = query.toString();
    return `/settings/users${search ? `?${search}` : ""}`;
  };
  return (
    <>
      <PageHeader title="Users" description="Everyone in the organization: add people, give them roles on teams, reset passwords, deactivate leavers." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="People" description={q ? `${total} matching “${q}”.` : `${total} in ${user.organizationName}.`} />
          <FilterBar
            role="search"
            label="Search by name or email"
            controlId="user-search"
            controlClassName="min-w-56 flex-1"
            submitLabel="Search"
            clearHref={q ? "/settings/users" : undefined}
          >
            <input id="user-search" type="search" name="q" defaultValue={q ?? ""} maxLength={100} className={filterControlClasses} />
          </FilterBar>
          {users.length === 0 ? (
            <TableEmpty>{q ? `Nobody matches “${q}”.` : "Nobody on this page."}</TableEmpty>
          ) : (
            <Table caption="People in the organization">
              <TableHead columns={["Name", "Email", "Teams and roles", "Last sign-in"]} />
              <TableBody>
                {users.map((person) => (
                  <tr key={person.id} className={person.deactivatedAt ? "bg-slate-50 text-slate-500" : undefined}>
                    <Td>
                      <div className="flex flex-wrap items-center gap-1.5">
                        <Link href={`/settings/users/${person.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                          {person.name}
                        </Link>
                        {person.isAdmin ? <Badge tone="indigo">Admin</Badge> : null}
                        {person.deactivatedAt ? <Badge tone="red">Deactivated</Badge> : null}
                      </div>
                    </Td>
                    <Td className="break-all">{person.email}</Td>
                    <Td>
                      {person.memberships.length === 0 ? (
                        <span className="text-slate-500">No team</span>
                      ) : (
                        <ul className="space-y-0.5">
                          {person.memberships.map((membership) => (
                            <li key={membership.team.id}>
                              {membership.team.name} <span className="text-slate-500">· {TEAM_ROLE_LABELS[membership.role]}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">
                      {person.lastSignInAt ? <DateTime value={person.lastSignInAt} /> : <span className="text-slate-500">Never</span>}
                    </Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          )}
          {pageCount > 1 || filter.page > 1 ? <Pagination page={filter.page} pageCount={pageCount} hrefFor={hrefFor} total={total} noun="user" /> : null}
        </Card>
        <Card>
          <CardHeader title="Add person" description="Andon generates a temporary password for them, shown once." />
          <CardBody className="max-w-2xl">
            <UserCreateForm teamOptions={teamOptions(teams)} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
