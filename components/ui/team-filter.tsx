import { TypeAhead } from "@/components/ui/type-ahead";
import { LOOKUP_SOURCES, type LookupSource } from "@/lib/lookup/schemas";

/**
 * A list filter by team, sub-teams included: a type-ahead over the organization's teams (or, with
 * `source`, over the teams whose work the caller may see) carrying the chosen id in the form as `name`.
 */
export function TeamFilter({
  id,
  name,
  value,
  valueLabel,
  labelClassName,
  source = LOOKUP_SOURCES.teams,
}: {
  id: string;
  name: string;
  value?: string;
  valueLabel?: string;
  labelClassName?: string;
  source?: LookupSource;
}) {
  return (
    <TypeAhead
      id={id}
      name={name}
      label="Team (with sub-teams)"
      labelClassName={labelClassName}
      source={source}
      defaultValue={value}
      // An id no team of the organization has (an old link, a deleted team) is named as such, not shown raw.
      defaultLabel={valueLabel ?? (value ? "Unknown team" : undefined)}
      placeholder="Any team"
      emptyLabel="Any team"
    />
  );
}
