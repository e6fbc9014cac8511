"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSeriesAction } from "@/lib/reviews/actions";
import { createSeriesSchema } from "@/lib/reviews/schemas";
import { ScheduleFields } from "@/components/reviews/schedule-fields";
import { SUGGESTED_LENGTH_MINUTES } from "@/lib/reviews/slotting";

/** Sets up a weekly review for a team the user manages. */
export function NewSeriesForm({ teams, defaultTimeZone }: { teams: { id: string; name: string }[]; defaultTimeZone: string }) {
  const { fieldErrors, error, success, pending, submit } = useActionForm();
  const [form, setForm] = useState({
    teamId: teams[0]?.id ?? "",
    name: "Weekly operational review",
    weekday: "4",
    startTime: "10:00",
    timeZone: defaultTimeZone,
    lengthMinutes: String(SUGGESTED_LENGTH_MINUTES),
  });
  const set = (field: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [field]: event.target.value });
  return (
    <form
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit({
          schema: createSeriesSchema,
          input: { ...form, weekday: Number(form.weekday), lengthMinutes: Number(form.lengthMinutes), subTeamSummary: true },
          action: createSeriesAction,
          onSuccess: () => ({ success: "The review is set up." }),
        });
      }}
    >
      <div className="sm:col-span-2 lg:col-span-3">
        <FormAlerts error={error} success={success} />
      </div>
      <FormField label="Team" errors={fieldErrors.teamId}>
        <select className={inputClasses} value={form.teamId} onChange={set("teamId")}>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </FormField>
      <ScheduleFields form={form} onChange={set} onLength={(lengthMinutes) => setForm({ ...form, lengthMinutes })} fieldErrors={fieldErrors} />
      <div className="sm:col-span-2 lg:col-span-3">
        <Button type="submit" pending={pending}>
          Set up review
        </Button>
      </div>
    </form>
  );
}
