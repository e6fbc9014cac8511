import { FormField, inputClasses } from "@/components/ui/form-field";
import type { FieldErrors } from "@/lib/errors";
import { WEEKDAY_LABELS } from "@/lib/reviews/schemas";
import { SUGGESTED_LENGTH_MINUTES, TYPICAL_LENGTH_MINUTES } from "@/lib/reviews/slotting";
import { Button } from "@/components/ui/button";

/** The schedule as the forms hold it: strings, converted to numbers on submit. */
export type ScheduleForm = { name: string; weekday: string; startTime: string; timeZone: string; lengthMinutes: string };

type Change = (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;

/** Name, weekday, start, time zone and length: shared by setting up a review and changing it. */
export function ScheduleFields({
  form,
  onChange,
  onLength,
  fieldErrors,
}: {
  form: ScheduleForm;
  onChange: (field: keyof ScheduleForm) => Change;
  /** Sets the length, for the suggestion's button. */
  onLength: (minutes: string) => void;
  fieldErrors: FieldErrors;
}) {
  const length = Number(form.lengthMinutes);
  const tooShort = form.lengthMinutes !== "" && Number.isFinite(length) && length > 0 && length < TYPICAL_LENGTH_MINUTES;
  return (
    <>
      <FormField label="Name" errors={fieldErrors.name}>
        <input className={inputClasses} value={form.name} onChange={onChange("name")} />
      </FormField>
      <FormField label="Weekday" errors={fieldErrors.weekday}>
        <select className={inputClasses} value={form.weekday} onChange={onChange("weekday")}>
          {WEEKDAY_LABELS.map((label, index) => (
            <option key={label} value={index + 1}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Start time" errors={fieldErrors.startTime}>
        <input className={inputClasses} type="time" value={form.startTime} onChange={onChange("startTime")} />
      </FormField>
      <FormField label="Time zone" hint="Slot start times and the ISO week are in this zone." errors={fieldErrors.timeZone}>
        <input className={inputClasses} value={form.timeZone} onChange={onChange("timeZone")} />
      </FormField>
      <div>
        <FormField label="Length (minutes)" hint="Filled in whole fifteen-minute slots." errors={fieldErrors.lengthMinutes}>
          <input className={inputClasses} type="number" min={15} max={240} step={15} value={form.lengthMinutes} onChange={onChange("lengthMinutes")} />
        </FormField>
        <div role="status" aria-live="polite">
          {tooShort ? (
            <div className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900 ring-1 ring-amber-200">
              <p>
                The five typical items (successes and failings, action items, COEs, key service metrics, best practices) need {TYPICAL_LENGTH_MINUTES} minutes;
                in {length} the last ones are deferred every week. We suggest {SUGGESTED_LENGTH_MINUTES} minutes.
              </p>
              <Button type="button" size="sm" variant="secondary" className="mt-2" onClick={() => onLength(String(SUGGESTED_LENGTH_MINUTES))}>
                Use {SUGGESTED_LENGTH_MINUTES} minutes
              </Button>
            </div>
          ) : null}
        </div>
      </div>
    </>
  );
}
