import { FormField, inputClasses } from "@/components/ui/form-field";
import type { FieldErrors } from "@/lib/errors";
import { WEEKDAY_LABELS } from "@/lib/reviews/schemas";

/** The schedule as the forms hold it: strings, converted to numbers on submit. */
export type ScheduleForm = { name: string; weekday: string; startTime: string; timeZone: string; lengthMinutes: string };

type Change = (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;

/** Name, weekday, start, time zone and length: shared by setting up a review and changing it. */
export function ScheduleFields({
  form,
  onChange,
  fieldErrors,
}: {
  form: ScheduleForm;
  onChange: (field: keyof ScheduleForm) => Change;
  fieldErrors: FieldErrors;
}) {
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
      <FormField label="Length (minutes)" hint="Filled in whole fifteen-minute slots." errors={fieldErrors.lengthMinutes}>
        <input className={inputClasses} type="number" min={15} max={240} step={15} value={form.lengthMinutes} onChange={onChange("lengthMinutes")} />
      </FormField>
    </>
  );
}
