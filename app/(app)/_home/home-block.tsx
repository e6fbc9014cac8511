import Link from "next/link";
import { totalLabel } from "@/lib/sql-sections";

/**
 * The frame of one "what needs me" block on home: a title with a count, the rows, and — when there
 * is nothing to do — a sentence that says what good looks like, so an empty block reads as news.
 */
export function HomeBlock({
  title,
  count,
  href,
  linkLabel,
  empty,
  children,
}: {
  title: string;
  count?: number;
  href?: string;
  linkLabel?: string;
  /** Shown instead of the rows when there are none: "Nothing overdue in Checkout." */
  empty: string;
  children?: React.ReactNode;
}) {
  const hasRows = Array.isArray(children) ? children.some(Boolean) : Boolean(children);
  return (
    <section className="flex min-w-0 flex-col rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-label={title}>
      <header className="flex items-baseline justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 className="text-sm font-semibold text-slate-900">
          {title}
          {count !== undefined && count > 0 ? (
            <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-800">{totalLabel(count)}</span>
          ) : null}
        </h2>
        {href ? (
          <Link href={href} className="shrink-0 text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
            {linkLabel ?? "See all"}
          </Link>
        ) : null}
      </header>
      {hasRows ? <ul className="divide-y divide-slate-100">{children}</ul> : <p className="px-4 py-4 text-sm text-slate-600">{empty}</p>}
    </section>
  );
}

/** One row of a block: a link to the exact place, with a line of context under it. */
export function HomeRow({ href, title, meta, badge }: { href: string; title: string; meta?: React.ReactNode; badge?: React.ReactNode }) {
  return (
    <li className="px-4 py-2.5">
      <div className="flex items-start justify-between gap-3">
        <Link
          href={href}
          className="min-w-0 break-words text-sm font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:text-indigo-700"
        >
          {title}
        </Link>
        {badge ? <span className="shrink-0">{badge}</span> : null}
      </div>
      {meta ? <p className="mt-0.5 text-xs text-slate-600">{meta}</p> : null}
    </li>
  );
}

/** The blocks as a responsive grid: one column on a phone, two from medium screens. */
export function HomeGrid({ children }: { children: React.ReactNode }) {
  return <div className="grid gap-4 md:grid-cols-2">{children}</div>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "3 days ago", "today": how long something has waited, in whole days. */
export function daysAgo(date: Date, now = new Date()): string {
  const days = Math.floor((now.getTime() - date.getTime()) / DAY_MS);
  return days <= 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}
