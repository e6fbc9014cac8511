import Link from "next/link";
import { ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS, ACTION_TYPE_LABELS } from "@/lib/actions/labels";
import { ACTION_SORT_LABELS } from "@/lib/actions/labels";
import { filterQuery } from "@/lib/actions/filter-query";
import type { ActionFilter } from "@/lib/actions/schemas";

type Chip = { key: string; label: string; without: Partial<ActionFilter> };

/** Each active filter with the filter it leaves when removed. */
function activeFilters(filter: ActionFilter, names: { owner?: string; team?: string; coe?: string }): Chip[] {
  const chips: Chip[] = [];
  const list = <K extends "status" | "type" | "priority" | "severity">(key: K, label: string, text: (value: ActionFilter[K][number]) => string) => {
    for (const value of filter[key]) {
      const rest = (filter[key] as string[]).filter((other) => other !== value) as ActionFilter[K];
      chips.push({ key: `${key}-${value}`, label: `${label}: ${text(value)}`, without: { [key]: rest } });
    }
  };
  list("status", "Status", (value) => ACTION_STATUS_LABELS[value]);
  if (filter.ownerId) chips.push({ key: "owner", label: `Owner: ${names.owner ?? "someone"}`, without: { ownerId: undefined } });
  if (filter.teamId) chips.push({ key: "team", label: `Team: ${names.team ?? "a team"}`, without: { teamId: undefined } });
  list("type", "Type", (value) => ACTION_TYPE_LABELS[value]);
  list("priority", "Priority", (value) => ACTION_PRIORITY_LABELS[value]);
  if (filter.coeId) chips.push({ key: "coe", label: `COE: ${names.coe ?? "a COE"}`, without: { coeId: undefined } });
  list("severity", "Severity", (value) => value);
  if (filter.dueFrom) chips.push({ key: "dueFrom", label: `Due from ${filter.dueFrom}`, without: { dueFrom: undefined } });
  if (filter.dueTo) chips.push({ key: "dueTo", label: `Due until ${filter.dueTo}`, without: { dueTo: undefined } });
  if (filter.overdue) chips.push({ key: "overdue", label: "Overdue only", without: { overdue: false } });
  return chips;
}

export function countActiveFilters(filter: ActionFilter): number {
  return activeFilters(filter, {}).length;
}

/** The line under "Filters": one chip per active filter, each with a link that removes it. */
export function FilterChips({ filter, names }: { filter: ActionFilter; names: { owner?: string; team?: string; coe?: string } }) {
  const chips = activeFilters(filter, names);
  return (
    <>
      {chips.length === 0 ? <span className="text-sm text-slate-600">None: every action in this view</span> : null}
      <ul className="contents" aria-label="Active filters">
        {chips.map((chip) => (
          <li
            key={chip.key}
            className="inline-flex max-w-full items-center gap-1 rounded-full bg-indigo-50 py-0.5 pl-3 pr-1 text-sm text-indigo-900 ring-1 ring-inset ring-indigo-200"
          >
            <span className="truncate">{chip.label}</span>
            <Link
              href={`/actions${filterQuery(filter, { ...chip.without, page: 1 })}`}
              aria-label={`Remove filter ${chip.label}`}
              className="flex size-6 shrink-0 items-center justify-center rounded-full text-indigo-800 hover:bg-indigo-100"
            >
              <svg viewBox="0 0 20 20" fill="currentColor" className="size-3.5" aria-hidden>
                <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
              </svg>
            </Link>
          </li>
        ))}
      </ul>
      {filter.sort !== "due" ? <span className="text-sm text-slate-600">Sorted by {ACTION_SORT_LABELS[filter.sort].toLowerCase()}</span> : null}
      {chips.length > 1 ? (
        <Link href={`/actions?view=${filter.view}`} className="text-sm font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
          Clear all
        </Link>
      ) : null}
    </>
  );
}
