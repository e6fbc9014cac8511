import type { Metadata } from "next";
import Link from "next/link";
import { Highlighted, SearchSnippet } from "@/components/coes/search-snippet";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClasses } from "@/components/ui/form-field";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";
import { TypeAhead } from "@/components/ui/type-ahead";
import { requirePageUser } from "@/lib/auth/session";
import { storableText } from "@/lib/storable-text";
import { LOOKUP_SOURCES } from "@/lib/lookup/schemas";
import { searchLibrary } from "@/lib/learnings/library";
import { libraryFilterOptions } from "@/lib/learnings/queries";
import { libraryFilterSchema } from "@/lib/learnings/schemas";
import { TeamFilter } from "@/components/ui/team-filter";

export const metadata: Metadata = { title: "Learnings" };

const FILTER_KEYS = ["q", "category", "service", "team", "tag", "from", "to", "promoted", "sort"] as const;
const LABEL = "block text-xs font-medium text-slate-700";
const SORT_LABELS = { relevance: "Best match", recent: "Most recent", shared: "Shared by most COEs" } as const;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function Select({ name, label, value, choices, anyLabel }: { name: string; label: string; value?: string; choices: [string, string][]; anyLabel?: string }) {
  return (
    <div>
      <label htmlFor={`learnings-${name}`} className={LABEL}>
        {label}
      </label>
      <select id={`learnings-${name}`} name={name} defaultValue={value ?? ""} className={`${inputClasses} mt-1`}>
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function LearningsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const filter = libraryFilterSchema.parse(
    Object.fromEntries([...FILTER_KEYS, "page"].map((key) => [key, storableText(first(params[key]) ?? "") || undefined])),
  );
  const [library, options] = await Promise.all([searchLibrary(user, filter), libraryFilterOptions(user, filter)]);
  const { practices, choices } = library;
  const filtered = FILTER_KEYS.some((key) => key !== "sort" && filter[key]);
  const activeFilters = FILTER_KEYS.filter((key) => key !== "sort" && key !== "q" && filter[key]).length;
  const hrefWith = (changes: Partial<Record<(typeof FILTER_KEYS)[number] | "page", string | undefined>>) => {
    const query = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = key in changes ? changes[key] : filter[key];
      if (value) query.set(key, String(value));
    }
    if (changes.page && changes.page !== "1") query.set("page", changes.page);
    const search = query.toString();
    return `/learnings${search ? `?${search}` : ""}`;
  };

  return (
    <>
      <PageHeader
        title="Learnings"
        description="Lessons from every COE you may read, and the best practices the organization adopted from them."
        actions={<ButtonLink href="/learnings/best-practices">Best practices</ButtonLink>}
      />
      <Card>
        <form method="get" role="search" className="space-y-3 border-b border-slate-200 px-5 py-4">
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1 basis-64">
              <label htmlFor="learnings-q" className="block text-sm font-medium text-slate-800">
                Search lessons and best practices
              </label>
              <input
                id="learnings-q"
                type="search"
                name="q"
                defaultValue={filter.q ?? ""}
                maxLength={200}
                placeholder='e.g. dns ttl, "health check", certificate -staging'
                className={`${inputClasses} mt-1.5`}
              />
            </div>
            <Button type="submit">Search</Button>
            {filtered ? (
              <ButtonLink href="/learnings" variant="ghost">
                Clear filters
              </ButtonLink>
            ) : null}
          </div>
          <CollapsibleFilters activeCount={activeFilters}>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <Select
                name="category"
                label="Category"
                value={filter.category}
                anyLabel="Any category"
                choices={choices.categories.map((category) => [category.id, category.name])}
              />
              <TypeAhead
                id="learnings-service"
                name="service"
                label="Service"
                labelClassName={LABEL}
                source={LOOKUP_SOURCES.services}
                defaultValue={filter.service}
                defaultLabel={options.serviceLabel}
                placeholder="Any service"
                emptyLabel="Any service"
              />
              <TeamFilter id="learnings-team" name="team" value={filter.team} valueLabel={options.teamLabel} labelClassName={LABEL} />
              <Select name="tag" label="Tag" value={filter.tag} anyLabel="Any tag" choices={choices.tags.map((tag) => [tag, tag])} />
              <div>
                <label htmlFor="learnings-from" className={LABEL}>
                  Incident from
                </label>
                <input id="learnings-from" type="date" name="from" defaultValue={filter.from ?? ""} className={`${inputClasses} mt-1`} />
              </div>
              <div>
                <label htmlFor="learnings-to" className={LABEL}>
                  Incident to
                </label>
                <input id="learnings-to" type="date" name="to" defaultValue={filter.to ?? ""} className={`${inputClasses} mt-1`} />
              </div>
              <Select
                name="promoted"
                label="Best practice"
                value={filter.promoted}
                anyLabel="Promoted or not"
                choices={[
                  ["yes", "Promoted to a best practice"],
                  ["no", "Not promoted"],
                ]}
              />
              <Select
                name="sort"
                label="Sort"
                value={filter.sort ?? (filter.q ? "relevance" : "recent")}
                choices={Object.entries(SORT_LABELS).filter(([key]) => key !== "relevance" || filter.q) as [string, string][]}
              />
            </div>
          </CollapsibleFilters>
        </form>
        {library.categories.length > 0 ? (
          <div className="border-b border-slate-200 px-5 py-3">
            <h2 className="sr-only">Lessons per category</h2>
            <ul className="flex flex-wrap gap-2 text-xs">
              {library.categories.map((category) => (
                <li key={category.id}>
                  <Link
                    href={hrefWith({ category: category.id, page: undefined })}
                    className="inline-block rounded-full bg-slate-100 px-2.5 py-1 text-slate-800 ring-1 ring-slate-200 hover:bg-slate-200"
                  >
                    {category.name}: {category.lessons} lesson{category.lessons === 1 ? "" : "s"} from {category.coes} COE{category.coes === 1 ? "" : "s"}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {practices.length > 0 ? (
          <div className="border-b border-slate-200 px-5 py-3">
            <h2 className="text-sm font-semibold text-slate-900">Best practices</h2>
            <ul className="mt-1 space-y-1 text-sm">
              {practices.map((practice) => (
                <li key={practice.id}>
                  <Link href={`/learnings/best-practices/${practice.id}`} className="text-indigo-700 hover:underline">
                    <Highlighted headline={practice.titleHeadline} />
                  </Link>{" "}
                  <span className="text-xs text-slate-600">
                    adopted by {practice.adopted} team{practice.adopted === 1 ? "" : "s"}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {library.lessons.length === 0 ? (
          <CardBody>
            <EmptyState title={filtered ? "No lesson matches" : "No lessons yet"}>
              {filtered
                ? "Try other words or fewer filters."
                : "Lessons appear here once COE authors mark and confirm them under “What lessons did you learn?”."}
            </EmptyState>
          </CardBody>
        ) : (
          <ol className="divide-y divide-slate-200" aria-label="Lessons">
            {library.lessons.map((lesson) => (
              <li key={lesson.id} className="px-5 py-4">
                <p className="text-sm font-medium text-slate-900">
                  {lesson.statementHeadline ? <Highlighted headline={lesson.statementHeadline} /> : lesson.statement}
                </p>
                {lesson.detailHeadline ? <SearchSnippet headline={lesson.detailHeadline} /> : null}
                <p className="mt-1 text-xs text-slate-600">
                  From{" "}
                  <Link href={`/coes/${lesson.coe.id}`} className="text-indigo-700 hover:underline">
                    {lesson.coe.title}
                  </Link>{" "}
                  · {lesson.coe.teamName}
                  {lesson.coe.startedAt ? (
                    <>
                      {" "}
                      · <DateTime value={lesson.coe.startedAt} dateOnly />
                    </>
                  ) : null}
                  {lesson.sharedBy > 1 ? ` · shared by ${lesson.sharedBy} COEs` : ""}
                </p>
                <div className="mt-2 flex flex-wrap gap-1">
                  {lesson.bestPracticeId ? (
                    <Link href={`/learnings/best-practices/${lesson.bestPracticeId}`}>
                      <Badge tone="indigo">Best practice</Badge>
                    </Link>
                  ) : null}
                  {lesson.categories.map((category) => (
                    <Badge key={category.id} tone="amber">
                      {category.name}
                    </Badge>
                  ))}
                  {lesson.services.map((service) => (
                    <Badge key={service.id}>{service.name}</Badge>
                  ))}
                  {lesson.tags.map((tag) => (
                    <Link key={tag} href={hrefWith({ tag, page: undefined })}>
                      <Badge>#{tag}</Badge>
                    </Link>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        )}
        {library.total > 0 ? (
          <Pagination
            page={library.page}
            pageCount={library.pageCount}
            total={library.total}
            noun="lesson"
            hrefFor={(page) => hrefWith({ page: String(page) })}
          />
        ) : null}
      </Card>
    </>
  );
}
