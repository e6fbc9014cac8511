import type { Metadata } from "next";
import { parseBigintId } from "@/lib/validation/numbers";
import { AuditChanges } from "./audit-changes";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FilterBar, filterControlClasses } from "@/components/ui/filter-bar";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableEmpty, TableHead } from "@/components/ui/table-parts";
import { listAuditEvents } from "@/lib/audit/queries";
import { requirePageAdmin } from "@/lib/auth/session";
import { listTeams } from "@/lib/org/queries";

export const metadata: Metadata = { title: "Audit log" };

const ENTITY_TYPES = [
  { value: "team", label: "Teams" },
  { value: "service", label: "Services" },
  { value: "user", label: "People and memberships" },
  { value: "api_token", label: "API tokens" },
] as const;

/** A malformed or overflowing `before=` is ignored: the page shows the latest events. */
function parseBefore(value: string | string[] | undefined): bigint | undefined {
  return parseBigintId(value) ?? undefined;
}

function auditHref(query: { type?: string; before?: bigint | null }): string {
  const params = new URLSearchParams();
  if (query.type) params.set("type", query.type);
  if (query.before) params.set("before", query.before.toString());
  const search = params.toString();
  return `/settings/audit${search ? `?${search}` : ""}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageAdmin();
  const params = await searchParams;
  const type = ENTITY_TYPES.find((entry) => entry.value === params.type)?.value;
  const before = parseBefore(params.before);
  const [{ events, nextBefore }, teams] = await Promise.all([listAuditEvents(user, { before, entityType: type }), listTeams(user)]);
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to teams, services, people and tokens, newest first. Entries are append-only: nobody can edit or delete them. Times are in UTC."
      />
      <Card>
        <CardHeader title={before ? "Older events" : "Latest events"} />
        <FilterBar
          label="What changed"
          controlId="audit-type"
          controlClassName="min-w-48"
          submitLabel="Filter"
          clearHref={type ? "/settings/audit" : undefined}
        >
          <select id="audit-type" name="type" defaultValue={type ?? ""} className={filterControlClasses}>
            <option value="">Everything</option>
            {ENTITY_TYPES.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </FilterBar>
        {events.length === 0 ? (
          <TableEmpty>{before ? "No older events." : "Nothing has been recorded yet."}</TableEmpty>
        ) : (
          <Table caption="Audit events, newest first">
            <TableHead columns={["Time (UTC)", "Who", "What", "Action", "Changes"]} />
            <TableBody>
              {events.map((event) => (
                <tr key={event.id.toString()}>
                  <Td className="whitespace-nowrap text-slate-600 tabular-nums">
                    <DateTime value={event.createdAt} />
                  </Td>
                  <Td>
                    {event.actor ? (
                      <span title={event.actor.email}>{event.actor.name}</span>
                    ) : (
                      <span className="text-slate-500" title="No signed-in person: the system, or an account that was removed">
                        System
                      </span>
                    )}
                  </Td>
                  <Td className="min-w-56">{event.summary}</Td>
                  <Td>
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap text-slate-700">{event.action}</code>
                  </Td>
                  <Td className="min-w-48">
                    <AuditChanges changes={event.changes} teamNames={teamNames} />
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
        {before || nextBefore ? (
          <nav aria-label="Audit log pages" className="flex items-center justify-end gap-2 border-t border-slate-200 px-4 py-3">
            {before ? (
              <ButtonLink href={auditHref({ type })} variant="secondary" size="sm">
                Newest
              </ButtonLink>
            ) : null}
            {nextBefore ? (
              <ButtonLink href={auditHref({ type, before: nextBefore })} variant="secondary" size="sm" rel="next">
                Older events
              </ButtonLink>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
