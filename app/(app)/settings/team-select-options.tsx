import type { TeamOption } from "./team-options";

/** The `<option>`s of a team picker, in tree order; the caller adds its own empty choice. */
export function TeamSelectOptions({ options }: { options: TeamOption[] }) {
  return options.map((option) => (
    <option key={option.id} value={option.id}>
      {option.label}
    </option>
  ));
}
