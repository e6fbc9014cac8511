import type { Metadata } from "next";
import Link from "next/link";
import { HealthPanel } from "./health-panel";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { inputClasses } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TypeAhead } from "@/components/ui/type-ahead";
import { requirePageUser } from "@/lib/auth/session";
import { SEVERITIES } from "@/lib/coes/questions";
import { ACTION_PRIORITIES, ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS, ACTION_STATUSES, ACTION_TYPE_LABELS, ACTION_TYPES } from "@/lib/actions/labels";
import { ACTION_SORTS, ACTION_SORT_LABELS, ACTION_VIEWS, ACTION_VIEW_LABELS } from "@/lib/actions/labels";
import { daysOverdue } from "@/lib/actions/escalation";
import { cleanQuery, filterQuery, isFiltered } from "@/lib/actions/filter-query";
import { followUpHealth } from "@/lib/actions/follow-up";
import { canChangeAction } from "@/lib/actions/access";
import { listActions, myTeamScope, ownsUnfinishedActions, sourceCoeTitle, todayUtc, visibleTeams } from "@/lib/actions/queries";
import { actionFilterSchema } from "@/lib/actions/schemas";
import { lookupLabel } from "@/lib/lookup/queries";
import { LOOKUP_SOURCES } from "@/lib/lookup/schemas";
import { can, teamsWith } from "@/lib/permissions";
import { ActionTable, type ActionTableRow } from "./action-table";
import { FilterChips, countActiveFilters } from "./filter-chips";
import { FilterPanel } from "./filter-panel";
import { TeamFilter } from "@/components/ui/team-filter";

export const metadata: Metadata = { title: "Actions" };

const FILTER_LABEL_CLASSES = "block text-xs font-medium text-slate-700";

export default async function ActionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const query = cleanQuery(await searchParams);
  const parsed = actionFilterSchema.safeParse(query);
  const filter = parsed.success ? parsed.data : actionFilterSchema.parse({});
  // Without a chosen view, people who own unfinished actions start on theirs.
  if (query.view === undefined && (await ownsUnfinishedActions(user))) filter.view = "mine";
  // People and COEs are picked by type-ahead (lookup routes): only the chosen ones' names are loaded here.
  const [{ rows, total, pageCount, page }, teams, ownerLabel, coeLabel] = await Promise.all([
    listActions(user, filter),
    visibleTeams(user),
    lookupLabel(user, "people", filter.ownerId),
    sourceCoeTitle(user, filter.coeId),
  ]);
  const teamLabel = teams.find((team) => team.id === filter.teamId)?.name;
  let health = null;
  if (filter.view === "team") {
    const scope = await myTeamScope(user);
    const teamIds = scope === "all" ? teams.map((team) => team.id) : scope;
    health = await followUpHealth(user.organizationId, teamIds);
  }
  const today = todayUtc();
  const tableRows: ActionTableRow[] = rows.map((row) => {
    const open = row.status === "OPEN" || row.status === "IN_PROGRESS";
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      priority: row.priority,
      type: row.type,
      dueDate: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
      daysOverdue: open && row.dueDate ? Math.max(0, daysOverdue(row.dueDate, today)) : null,
      ownerName: row.owner?.name ?? null,
      teamName: row.team.name,
      coe: row.coe ? { id: row.coe.id, title: row.coe.title, severity: row.coe.severity } : null,
      wontDoRequested: row.wontDoRequestedAt !== null,
      editable: canChangeAction(user, row),
    };
  });
  const writable = teamsWith(user, "action.update");
  const canCreate = writable === "all" || writable.length > 0;
  const canEscalations = user.isAdmin || [...user.teamRoles.keys()].some((teamId) => can(user, "team.escalations", teamId));
  const select = (name: string, label: string, value: string | undefined, choices: { value: string; label: string }[], anyLabel: string) => (
    <div>
      <label htmlFor={`filter-${name}`} className={FILTER_LABEL_CLASSES}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={`${inputClasses} mt-1`}>
        <option value="">{anyLabel}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
  const date = (name: "dueFrom" | "dueTo", label: string) => (
    <div>
      <label htmlFor={`filter-${name}`} className={FILTER_LABEL_CLASSES}>
        {label}
      </label>
      <input id={`filter-${name}`} type="date" name={name} defaultValue={filter[name] ?? ""} className={`${inputClasses} mt-1`} />
    </div>
  );

  return (
    <>
      <PageHeader
        title="Corrective actions"
        description="Every committed action, followed up until it is done and verified. Overdue actions escalate up the org tree."
        actions={
          <>
            {canEscalations ? (
              <ButtonLink href="/actions/escalations" variant="secondary">
                Escalations
              </ButtonLink>
            ) : null}
            <ButtonLink href="/actions/calendar" variant="secondary">
              Calendar feed
            </ButtonLink>
            {canCreate ? (
              <ButtonLink href="/actions/new" variant="secondary">
                New action
              </ButtonLink>
            ) : null}
            <a
              href={`/actions/export${filterQuery(filter, { page: 1 })}`}
              className="inline-flex h-10 items-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-indigo-700"
              download
            >
              Export CSV
            </a>
          </>
        }
      />
      <nav aria-label="Views" className="mb-4 flex gap-1 border-b border-slate-200">
        {ACTION_VIEWS.map((view) => (
          <Link
            key={view}
            href={`/actions${filterQuery(filter, { view, page: 1 })}`}
            aria-current={filter.view === view ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-4 py-2 text-sm font-medium",
              filter.view === view ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {ACTION_VIEW_LABELS[view]}
          </Link>
        ))}
      </nav>
      {health ? <HealthPanel health={health} scope="your teams and their sub-teams" /> : null}
      <Card>
        <FilterPanel count={countActiveFilters(filter)} chips={<FilterChips filter={filter} names={{ owner: ownerLabel, coe: coeLabel, team: teamLabel }} />}>
          <form method="get" aria-label="Filter actions" className="space-y-3 border-t border-slate-100 px-5 py-4">
            <input type="hidden" name="view" value={filter.view} />
            <fieldset>
              <legend className="text-xs font-medium text-slate-700">Status</legend>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {ACTION_STATUSES.map((status) => (
                  <label key={status} className="flex items-center gap-1.5 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      name="status"
                      value={status}
                      defaultChecked={filter.status.includes(status)}
                      className="size-4 rounded border-slate-300"
                    />
                    {ACTION_STATUS_LABELS[status]}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <TypeAhead
                id="filter-ownerId"
                name="ownerId"
                label="Owner"
                labelClassName={FILTER_LABEL_CLASSES}
                source={LOOKUP_SOURCES.people}
                defaultValue={filter.ownerId}
                defaultLabel={ownerLabel}
                placeholder="Anyone"
                emptyLabel="Anyone"
              />
              <TeamFilter
                id="filter-teamId"
                name="teamId"
                value={filter.teamId}
                valueLabel={teamLabel}
                labelClassName={FILTER_LABEL_CLASSES}
                source={LOOKUP_SOURCES.viewableTeams}
              />
              {select(
                "type",
                "Type",
                filter.type[0],
                ACTION_TYPES.map((type) => ({ value: type, label: ACTION_TYPE_LABELS[type] })),
                "Any type",
              )}
              {select(
                "priority",
                "Priority",
                filter.priority[0],
                ACTION_PRIORITIES.map((priority) => ({ value: priority, label: ACTION_PRIORITY_LABELS[priority] })),
                "Any priority",
              )}
              <TypeAhead
                id="filter-coeId"
                name="coeId"
                label="Source COE"
                labelClassName={FILTER_LABEL_CLASSES}
                source={LOOKUP_SOURCES.coes}
                defaultValue={filter.coeId}
                defaultLabel={coeLabel}
                placeholder="Any COE"
                emptyLabel="Any COE"
              />
              {select(
                "severity",
                "COE severity",
                filter.severity[0],
                SEVERITIES.map((severity) => ({ value: severity, label: severity })),
                "Any severity",
              )}
              {select(
                "sort",
                "Sort by",
                filter.sort,
                ACTION_SORTS.map((sort) => ({ value: sort, label: ACTION_SORT_LABELS[sort] })),
                "Due date (soonest)",
              )}
              {date("dueFrom", "Due from")}
              {date("dueTo", "Due until")}
              <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-800">
                <input type="checkbox" name="overdue" value="true" defaultChecked={filter.overdue} className="size-4 rounded border-slate-300" />
                Overdue only
              </label>
            </div>
            <div className="flex gap-2">
              <Button type="submit">Apply filters</Button>
              {isFiltered(filter) ? (
                <ButtonLink href={`/actions?view=${filter.view}`} variant="ghost">
                  Clear filters
                </ButtonLink>
              ) : null}
            </div>
          </form>
        </FilterPanel>
        <ActionTable rows={tableRows} filtered={isFiltered(filter)} />
        {total > 0 ? (
          <Pagination page={page} pageCount={pageCount} total={total} noun="action" hrefFor={(target) => `/actions${filterQuery(filter, { page: target })}`} />
        ) : null}
      </Card>
    </>
  );
}
