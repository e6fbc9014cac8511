"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateSeriesAction } from "@/lib/reviews/actions";
import { startTimeLabel } from "@/lib/reviews/format";
import { updateSeriesSchema } from "@/lib/reviews/schemas";
import { ScheduleFields } from "@/components/reviews/schedule-fields";

type Props = {
  series: {
    id: string;
    name: string;
    weekday: number;
    startMinute: number;
    timeZone: string;
    lengthMinutes: number;
    subTeamSummary: boolean;
    organizerIds: string[];
  };
  people: { id: string; name: string }[];
};

/** A manager changes when the review meets, for how long, and who organizes it. */
export function SeriesSettingsForm({ series, people }: Props) {
  const { fieldErrors, error, success, pending, submit } = useActionForm();
  const [form, setForm] = useState({
    name: series.name,
    weekday: String(series.weekday),
    startTime: startTimeLabel(series.startMinute),
    timeZone: series.timeZone,
    lengthMinutes: String(series.lengthMinutes),
  });
  const [subTeamSummary, setSubTeamSummary] = useState(series.subTeamSummary);
  const [organizers, setOrganizers] = useState(new Set(series.organizerIds));
  const set = (field: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [field]: event.target.value });
  return (
    <form
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit({
          schema: updateSeriesSchema,
          input: {
            ...form,
            seriesId: series.id,
            weekday: Number(form.weekday),
            lengthMinutes: Number(form.lengthMinutes),
            subTeamSummary,
            organizerIds: [...organizers],
          },
          action: updateSeriesAction,
          onSuccess: () => ({ success: "Saved. Agendas use the new schedule from now on." }),
        });
      }}
    >
      <div className="sm:col-span-2 lg:col-span-3">
        <FormAlerts error={error} success={success} />
      </div>
      <ScheduleFields form={form} onChange={set} onLength={(lengthMinutes) => setForm({ ...form, lengthMinutes })} fieldErrors={fieldErrors} />
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" checked={subTeamSummary} onChange={(event) => setSubTeamSummary(event.target.checked)} />
        Summary line per sub-team
      </label>
      <fieldset className="sm:col-span-2 lg:col-span-3">
        <legend className="text-sm font-medium text-slate-800">Organizers (besides the team&apos;s managers)</legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-3">
          {people.map((person) => (
            <label key={person.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={organizers.has(person.id)}
                onChange={(event) => {
                  const next = new Set(organizers);
                  if (event.target.checked) next.add(person.id);
                  else next.delete(person.id);
                  setOrganizers(next);
                }}
              />
              {person.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="sm:col-span-2 lg:col-span-3">
        <Button type="submit" variant="secondary" pending={pending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
