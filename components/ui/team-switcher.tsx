"use client";

import { useRouter } from "next/navigation";
import { TypeAhead } from "@/components/ui/type-ahead";
import { LOOKUP_SOURCES } from "@/lib/lookup/schemas";

type TeamSwitcherProps = {
  id: string;
  label: string;
  /** The page's URL as it is; choosing a team sets `param` in it and goes there. */
  href: string;
  /** The query parameter that names the team, e.g. `team`. */
  param: string;
  /** The team shown now, with its name. */
  value?: string;
  valueLabel?: string;
  placeholder: string;
  className?: string;
  labelClassName?: string;
};

/**
 * Chooses the team (with its sub-teams) a page shows, among the teams whose work the caller may see:
 * a type-ahead over the lookup route rather than a select, since a large organization has hundreds
 * of teams and every option would travel in each page twice (its HTML and its payload).
 */
export function TeamSwitcher({ id, label, href, param, value, valueLabel, placeholder, className, labelClassName }: TeamSwitcherProps) {
  const router = useRouter();
  return (
    <TypeAhead
      id={id}
      name={param}
      label={label}
      source={LOOKUP_SOURCES.viewableTeams}
      defaultValue={value}
      defaultLabel={valueLabel}
      placeholder={placeholder}
      emptyLabel={placeholder}
      clearable={false}
      className={className}
      labelClassName={labelClassName}
      onChange={(choice) => {
        if (!choice || choice.value === value) return;
        const url = new URL(href, window.location.href);
        url.searchParams.set(param, choice.value);
        url.searchParams.delete("page");
        router.push(`${url.pathname}${url.search}`);
      }}
    />
  );
}
