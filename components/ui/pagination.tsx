import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** Previous/next links that keep the rest of the query string. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  total,
  noun,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  total: number;
  noun: string;
}) {
  const linkClasses = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 bg-white hover:bg-slate-50";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 border-t border-slate-200 px-4 py-3 text-sm text-slate-600">
      <p>
        {total} {noun}
        {total === 1 ? "" : "s"} · page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={linkClasses} href={hrefFor(page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={cn(linkClasses, "pointer-events-none text-slate-400")} aria-disabled>
            Previous
          </span>
        )}
        {page < pageCount ? (
          <Link className={linkClasses} href={hrefFor(page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span className={cn(linkClasses, "pointer-events-none text-slate-400")} aria-disabled>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
