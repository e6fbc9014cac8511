"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { DataTable } from "@/lib/metrics/chart-tables";

/**
 * A chart with its data: a Chart/Table switch (the table is the accessible view, and what screen
 * readers get), and a CSV download of exactly those rows from a route handler.
 */
export function ChartPanel({
  title,
  description,
  table,
  csvHref,
  summary,
  children,
  empty,
}: {
  title: string;
  description?: string;
  table: DataTable;
  csvHref: string;
  /** One sentence saying what the chart shows, read out in place of the picture. */
  summary: string;
  children: React.ReactNode;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: React.ReactNode;
}) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-3">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
        </div>
        <div className="flex items-center gap-2">
          <div role="group" aria-label={`${title}: view as`} className="inline-flex rounded-md ring-1 ring-inset ring-slate-300">
            {(["chart", "table"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={view === option}
                onClick={() => setView(option)}
                className={cn(
                  "px-2.5 py-1 text-xs font-medium first:rounded-l-md last:rounded-r-md",
                  view === option ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50",
                )}
              >
                {option === "chart" ? "Chart" : "Table"}
              </button>
            ))}
          </div>
          <a
            href={csvHref}
            download
            className="rounded-md px-2.5 py-1 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
          >
            Download CSV<span className="sr-only"> of {title}</span>
          </a>
        </div>
      </div>
      <div className="px-5 py-4">
        {empty ??
          (view === "chart" ? (
            <figure role="img" aria-label={summary} className="m-0">
              {children}
            </figure>
          ) : (
            <DataTableView table={table} caption={title} />
          ))}
      </div>
    </section>
  );
}

function DataTableView({ table, caption }: { table: DataTable; caption: string }) {
  return (
    <div className="relative max-h-80 overflow-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-white">
          <tr>
            {table.columns.map((column, index) => (
              <th key={column} scope="col" className={cn("px-3 py-2 text-xs font-semibold text-slate-600", index === 0 ? "text-left" : "text-right")}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="px-3 py-1.5 text-left font-normal text-slate-800">
                    {cell ?? "—"}
                  </th>
                ) : (
                  <td key={index} className="px-3 py-1.5 text-right tabular-nums text-slate-800">
                    {cell ?? "—"}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
