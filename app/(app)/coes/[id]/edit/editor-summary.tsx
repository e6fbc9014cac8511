"use client";

import { Card, CardBody } from "@/components/ui/card";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { formatDuration } from "@/lib/coes/durations";
import { SEVERITIES, SEVERITY_MEANINGS } from "@/lib/coes/questions";
import type { FieldErrors } from "@/lib/errors";
import type { EditorForm, EditorOptions } from "./editor-model";
import { CheckboxList } from "./editor-parts";

type Durations = { toDetect: number | null; toMitigate: number | null; toResolve: number | null };

/** The header of the COE: title, team, severity, restriction, services, authors and the four times. */
export function EditorSummary({
  form,
  set,
  options,
  errors,
  durations,
  threads,
}: {
  form: EditorForm;
  set: <K extends keyof EditorForm>(key: K) => (value: EditorForm[K]) => void;
  options: EditorOptions;
  errors: FieldErrors;
  durations: Durations;
  threads: React.ReactNode;
}) {
  return (
    <Card>
      <CardBody className="space-y-4">
        <h2 id="header" className="text-lg font-semibold text-slate-900">
          Summary
        </h2>
        {threads}
        <FormField label="Title" errors={errors.title}>
          <input className={inputClasses} value={form.title} maxLength={200} onChange={(e) => set("title")(e.target.value)} />
        </FormField>
        <div className="grid gap-4 md:grid-cols-2">
          <FormField label="Owning team" errors={errors.teamId}>
            <select className={inputClasses} value={form.teamId} onChange={(e) => set("teamId")(e.target.value)}>
              {options.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.label}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Severity" hint={SEVERITY_MEANINGS[form.severity]} errors={errors.severity}>
            <select className={inputClasses} value={form.severity} onChange={(e) => set("severity")(e.target.value as EditorForm["severity"])}>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {severity}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={form.restricted} onChange={(e) => set("restricted")(e.target.checked)} />
          <span>
            <span className="font-medium">Restricted</span> — once approved, only the owning team and admins can read it (for security incidents and the like).
          </span>
        </label>
        <div className="grid gap-4 md:grid-cols-2">
          <CheckboxList
            legend="Affected services"
            items={options.services.map((s) => ({ id: s.id, label: s.name }))}
            selected={form.serviceIds}
            onChange={set("serviceIds")}
            errors={errors.serviceIds}
          />
          <CheckboxList
            legend="Authors"
            items={options.users.map((u) => ({ id: u.id, label: u.name }))}
            selected={form.authorIds}
            onChange={set("authorIds")}
            errors={errors.authorIds}
          />
        </div>
        <div className="grid gap-4 md:grid-cols-4">
          {(
            [
              ["startedAt", "Started (UTC)", null],
              ["detectedAt", "Detected (UTC)", `Time to detect: ${formatDuration(durations.toDetect)}`],
              ["mitigatedAt", "Mitigated (UTC)", `Time to mitigate: ${formatDuration(durations.toMitigate)}`],
              ["resolvedAt", "Resolved (UTC)", `Time to resolve: ${formatDuration(durations.toResolve)}`],
            ] as const
          ).map(([key, label, hint]) => (
            <FormField key={key} label={label} hint={hint ?? undefined} errors={errors[key]}>
              <input type="datetime-local" className={inputClasses} value={form[key]} onChange={(e) => set(key)(e.target.value)} />
            </FormField>
          ))}
        </div>
      </CardBody>
    </Card>
  );
}
