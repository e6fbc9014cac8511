import { Button, ButtonLink } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/form-field";

/** For the one control inside a FilterBar: the input look, spaced under its label. */
export const filterControlClasses = `${inputClasses} mt-1.5`;

/**
 * A GET form across the top of a list card: one labelled control (which carries `controlId`),
 * its submit button, and Clear while a filter is applied (`clearHref` given).
 */
export function FilterBar({
  label,
  controlId,
  controlClassName,
  submitLabel,
  clearHref,
  role,
  children,
}: {
  label: string;
  controlId: string;
  controlClassName: string;
  submitLabel: string;
  clearHref?: string;
  role?: "search";
  children: React.ReactNode;
}) {
  return (
    <form method="get" role={role} className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-5 py-3">
      <div className={controlClassName}>
        <label htmlFor={controlId} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        {children}
      </div>
      <Button type="submit" variant="secondary">
        {submitLabel}
      </Button>
      {clearHref ? (
        <ButtonLink href={clearHref} variant="ghost">
          Clear
        </ButtonLink>
      ) : null}
    </form>
  );
}
