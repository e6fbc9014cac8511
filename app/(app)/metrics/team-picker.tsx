"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { inputClasses } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";
import type { MetricsView } from "@/lib/metrics/schemas";
import { viewHref } from "./view-href";

/** Chooses the team (with its sub-teams) the page shows; keeps the other settings of the URL. */
// The URLs are built here from the view rather than passed in: a large organization has hundreds
// of teams, and every prop of a client component travels in the page's payload.
export function TeamPicker({ options, value, view }: { options: { id: string; label: string }[]; value: string; view: MetricsView }) {
  const router = useRouter();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Team
      </label>
      <select
        id={id}
        className={cn(inputClasses, "w-auto min-w-52 py-1.5")}
        value={value}
        onChange={(event) => router.push(viewHref(view, { team: event.target.value }))}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
