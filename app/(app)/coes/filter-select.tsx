"use client";

import { inputClasses } from "@/components/ui/form-field";

/** [value, label]: pairs rather than objects, which keeps a 2,000-person list a third smaller. */
export type FilterChoice = [value: string, label: string];

/**
 * One filter of the COE list. A client component only so that its choices (every service and
 * person of a large organization) travel to the browser once, as data: as server-rendered
 * elements each `<option>` became its own chunk of the page payload.
 */
export function FilterSelect({
  name,
  label,
  value,
  choices,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string | undefined;
  choices: FilterChoice[];
  anyLabel: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={`${inputClasses} mt-1`}>
        <option value="">{anyLabel}</option>
        {choices.map(([choiceValue, choiceLabel]) => (
          <option key={choiceValue} value={choiceValue}>
            {choiceLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
