import type { Metadata } from "next";
import Link from "next/link";
import { Highlighted, SearchSnippet } from "@/components/coes/search-snippet";
import { SeverityBadge, StatusBadge } from "@/components/coes/coe-badges";
import { DocumentIcon } from "@/components/shell/icons";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClasses } from "@/components/ui/form-field";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { storableText } from "@/lib/storable-text";
import { requirePageUser } from "@/lib/auth/session";
import { teamsWith } from "@/lib/permissions";
import { TypeAhead } from "@/components/ui/type-ahead";
import { canCreateCoe, coeListFilterOptions, listCoes } from "@/lib/coes/queries";
import { LOOKUP_SOURCES } from "@/lib/lookup/schemas";
import { COE_STATUSES, SEVERITIES, STATUS_LABELS } from "@/lib/coes/questions";
import { coeListFilterSchema } from "@/lib/coes/schemas";
import { FilterSelect, type FilterChoice } from "./filter-select";
import { TeamFilter } from "@/components/ui/team-filter";

export const metadata: Metadata = { title: "COEs" };

const SORT_LABELS = {
  relevance: "Best match",
  newest: "Newest incident",
  oldest: "Oldest incident",
  updated: "Recently updated",
  severity: "Severity",
  title: "Title",
} as const;
const FILTER_LABEL_CLASSES = "block text-xs font-medium text-slate-700";
const FILTER_KEYS = ["q", "teamId", "serviceId", "status", "severity", "categoryId", "authorId", "from", "to", "sort"] as const;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function CoesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const raw = Object.fromEntries([...FILTER_KEYS, "page"].map((key) => [key, storableText(first(params[key]) ?? "") || undefined]));
  // Searching sorts by relevance unless the reader picked another order.
  if (raw.q && !raw.sort) raw.sort = "relevance";
  const filter = coeListFilterSchema.parse(raw);
  const [{ rows, total, pageCount, page }, options] = await Promise.all([listCoes(user, filter), coeListFilterOptions(user, filter)]);
  const reviewable = teamsWith(user, "coe.review");
  const reviewsSomewhere = reviewable === "all" || reviewable.length > 0;
  const filtered = FILTER_KEYS.some((key) => key !== "sort" && filter[key]);
  // The search box stays in view; the count is of what the folded panel holds.
  const activeFilters = FILTER_KEYS.filter((key) => key !== "sort" && key !== "q" && filter[key]).length;
  const hrefFor = (target: number) => {
    const query = new URLSearchParams();
    for (const key of FILTER_KEYS) if (filter[key]) query.set(key, String(filter[key]));
    if (target > 1) query.set("page", String(target));
    const search = query.toString();
    return `/coes${search ? `?${search}` : ""}`;
  };
  const select = (name: string, label: string, value: string | undefined, choices: FilterChoice[], anyLabel: string) => (
    <FilterSelect name={name} label={label} value={value} choices={choices} anyLabel={anyLabel} />
  );

  return (
    <>
      <PageHeader
        title="COEs"
        description="Correction of Error documents: what happened, why, and what the team is changing so it does not happen again."
        actions={
          <>
            {user.isAdmin ? (
              <ButtonLink href="/coes/categories" variant="secondary">
                Factor categories
              </ButtonLink>
            ) : null}
            {canCreateCoe(user) ? <ButtonLink href="/coes/new">New COE</ButtonLink> : null}
          </>
        }
      />
      <Card>
        <form method="get" role="search" className="space-y-3 border-b border-slate-200 px-5 py-4">
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-64 flex-1">
              <label htmlFor="coe-search" className="block text-sm font-medium text-slate-800">
                Search titles and answers
              </label>
              <input
                id="coe-search"
                type="search"
                name="q"
                defaultValue={filter.q ?? ""}
                maxLength={200}
                placeholder={'e.g. certificate expired, "connection pool", dns -staging'}
                className={`${inputClasses} mt-1.5`}
              />
            </div>
            <Button type="submit">Search</Button>
            <ButtonLink href={`/coes?authorId=${encodeURIComponent(user.userId)}&sort=updated`} variant="secondary">
              My COEs
            </ButtonLink>
            {reviewsSomewhere ? (
              <ButtonLink href="/coes?status=IN_REVIEW&sort=updated" variant="secondary">
                Awaiting review
              </ButtonLink>
            ) : null}
            {filtered ? (
              <ButtonLink href="/coes" variant="ghost">
                Clear filters
              </ButtonLink>
            ) : null}
          </div>
          <CollapsibleFilters activeCount={activeFilters}>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
              <TeamFilter id="filter-teamId" name="teamId" value={filter.teamId} valueLabel={options.teamLabel} labelClassName={FILTER_LABEL_CLASSES} />
              <TypeAhead
                id="filter-serviceId"
                name="serviceId"
                label="Service"
                labelClassName={FILTER_LABEL_CLASSES}
                source={LOOKUP_SOURCES.services}
                defaultValue={filter.serviceId}
                defaultLabel={options.serviceLabel}
                placeholder="Any service"
                emptyLabel="Any service"
              />
              {select(
                "status",
                "Status",
                filter.status,
                COE_STATUSES.map((status): FilterChoice => [status, STATUS_LABELS[status]]),
                "Any status",
              )}
              {select(
                "severity",
                "Severity",
                filter.severity,
                SEVERITIES.map((severity): FilterChoice => [severity, severity]),
                "Any severity",
              )}
              {select(
                "categoryId",
                "Factor category",
                filter.categoryId,
                options.categories.map((category): FilterChoice => [category.id, category.name]),
                "Any category",
              )}
              <TypeAhead
                id="filter-authorId"
                name="authorId"
                label="Author"
                labelClassName={FILTER_LABEL_CLASSES}
                source={LOOKUP_SOURCES.people}
                defaultValue={filter.authorId}
                defaultLabel={options.authorLabel}
                placeholder="Anyone"
                emptyLabel="Anyone"
              />
              <div>
                <label htmlFor="filter-from" className="block text-xs font-medium text-slate-700">
                  Started from
                </label>
                <input id="filter-from" type="date" name="from" defaultValue={filter.from ?? ""} className={`${inputClasses} mt-1`} />
              </div>
              <div>
                <label htmlFor="filter-to" className="block text-xs font-medium text-slate-700">
                  Started until
                </label>
                <input id="filter-to" type="date" name="to" defaultValue={filter.to ?? ""} className={`${inputClasses} mt-1`} />
              </div>
              {select(
                "sort",
                "Sort by",
                filter.sort,
                Object.entries(SORT_LABELS)
                  .filter(([value]) => value !== "relevance" || filter.q)
                  .map(([value, label]): FilterChoice => [value, label]),
                "Newest incident",
              )}
              <div className="flex items-end">
                <Button type="submit" variant="secondary" className="w-full">
                  Apply filters
                </Button>
              </div>
            </div>
          </CollapsibleFilters>
        </form>
        {rows.length === 0 ? (
          <div className="p-5">
            <EmptyState title={filtered ? "No COE matches" : "No COEs yet"} icon={<DocumentIcon />}>
              {filtered
                ? "Try fewer words or fewer filters. Search matches whole words in titles and all six answers."
                : "After an incident, the team writes a COE here: the six questions, a timeline, contributing factors with five whys, and the corrective actions. Approved COEs appear in this list for everyone in the organization to search and learn from."}
            </EmptyState>
          </div>
        ) : (
          <>
            <Table caption="COEs">
              <thead className="bg-slate-50">
                <tr>
                  <Th>COE</Th>
                  <Th className="max-sm:hidden">Team</Th>
                  <Th className="max-sm:hidden">Severity</Th>
                  <Th className="max-sm:hidden">Status</Th>
                  <Th className="max-sm:hidden">Started</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((coe) => (
                  <tr key={coe.id}>
                    <Td className="max-w-xl">
                      <Link href={`/coes/${coe.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                        {coe.highlights ? <Highlighted headline={coe.highlights.title} /> : coe.title}
                      </Link>
                      {coe.restricted ? (
                        <Badge tone="amber" className="ml-2">
                          Restricted
                        </Badge>
                      ) : null}
                      <p className="mt-0.5 text-xs text-slate-500">
                        {[coe.services.map((s) => s.service.name).join(", "), coe.authors.map((a) => a.user.name).join(", ")].filter(Boolean).join(" · ")}
                      </p>
                      {coe.highlights ? <SearchSnippet headline={coe.highlights.snippet} /> : null}
                      {/* On a phone the other columns fold into the row (stacked), so nothing scrolls sideways. */}
                      <p className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-600 sm:hidden">
                        <SeverityBadge severity={coe.severity} />
                        <StatusBadge status={coe.status} changesRequested={coe.reviews[0]?.decision === "CHANGES_REQUESTED"} />
                        <span>{coe.team.name}</span>
                        {coe.startedAt ? (
                          <span>
                            · <DateTime value={coe.startedAt} dateOnly />
                          </span>
                        ) : null}
                      </p>
                    </Td>
                    <Td className="max-sm:hidden">{coe.team.name}</Td>
                    <Td className="max-sm:hidden">
                      <SeverityBadge severity={coe.severity} />
                    </Td>
                    <Td className="max-sm:hidden">
                      <StatusBadge status={coe.status} changesRequested={coe.reviews[0]?.decision === "CHANGES_REQUESTED"} />
                    </Td>
                    <Td className="whitespace-nowrap max-sm:hidden">
                      {coe.startedAt ? <DateTime value={coe.startedAt} dateOnly /> : <span className="text-slate-500">—</span>}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination page={page} pageCount={pageCount} total={total} noun="COE" hrefFor={hrefFor} />
          </>
        )}
      </Card>
    </>
  );
}
