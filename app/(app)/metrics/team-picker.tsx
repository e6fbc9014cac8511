"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { inputClasses } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";

/** Chooses the team (with its sub-teams) the page shows; keeps the other settings of the URL. */
export function TeamPicker({ options, value, hrefs }: { options: { id: string; label: string }[]; value: string; hrefs: Record<string, string> }) {
  const router = useRouter();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Team
      </label>
      <select id={id} className={cn(inputClasses, "w-auto min-w-52 py-1.5")} value={value} onChange={(event) => router.push(hrefs[event.target.value] ?? "/metrics")}>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
