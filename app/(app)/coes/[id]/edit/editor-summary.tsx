"use client";

import { Card, CardBody } from "@/components/ui/card";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { formatDuration } from "@/lib/coes/durations";
import { SEVERITIES, SEVERITY_MEANINGS } from "@/lib/coes/questions";
import type { FieldErrors } from "@/lib/errors";
import { DateTimeInput } from "./datetime-input";
import { referenceDay, type EditorForm, type EditorOptions } from "./editor-model";
import { TypeAheadMulti } from "@/components/ui/type-ahead-multi";
import { LOOKUP_SOURCES, type LookupItem } from "@/lib/lookup/schemas";
import type { RememberNames } from "./editor-parts";

/** Chosen ids as picker items, named from what the editor knows (an id it cannot name shows as itself). */
function named(ids: string[], known: { id: string; name: string }[]): LookupItem[] {
  const names = new Map(known.map((entry) => [entry.id, entry.name]));
  return ids.map((id) => ({ value: id, label: names.get(id) ?? id }));
}
const asNamed = (item: LookupItem) => ({ id: item.value, name: item.label });

type Durations = { toDetect: number | null; toMitigate: number | null; toResolve: number | null };

/** The header of the COE: title, team, severity, restriction, services, authors, the four times and the timeline beside them. */
export function EditorSummary({
  form,
  set,
  options,
  errors,
  durations,
  threads,
  remember,
  timeline,
}: {
  form: EditorForm;
  set: <K extends keyof EditorForm>(key: K) => (value: EditorForm[K]) => void;
  options: EditorOptions;
  errors: FieldErrors;
  durations: Durations;
  threads: React.ReactNode;
  /** Keeps the names of what a picker chose, for the chips and the conflict view. */
  remember: RememberNames;
  /** The timeline editor, shown with the incident's timestamps it belongs to. */
  timeline: React.ReactNode;
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
          <TypeAheadMulti
            id="coe-services"
            label="Affected services"
            source={LOOKUP_SOURCES.services}
            placeholder="Type a service's name…"
            value={named(form.serviceIds, options.services)}
            onChange={(chosen) => {
              remember({ services: chosen.map(asNamed) });
              set("serviceIds")(chosen.map((item) => item.value));
            }}
            errors={errors.serviceIds}
          />
          <TypeAheadMulti
            id="coe-authors"
            label="Authors"
            source={LOOKUP_SOURCES.people}
            placeholder="Type a person's name…"
            value={named(form.authorIds, options.users)}
            onChange={(chosen) => {
              remember({ users: chosen.map(asNamed) });
              set("authorIds")(chosen.map((item) => item.value));
            }}
            errors={errors.authorIds}
          />
        </div>
        <fieldset className="space-y-2" aria-describedby="coe-times-hint">
          <legend className="text-sm font-semibold text-slate-900">Incident times</legend>
          <p id="coe-times-hint" className="text-xs text-slate-600">
            In UTC: a COE has no time zone of its own, so every reader sees the same times. Type or paste “2026-11-30 14:05”; a time alone (“14:05”) is read on
            the day the incident started.
          </p>
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
                <DateTimeInput value={form[key]} sameDayAs={referenceDay(form[key], form.startedAt, form.detectedAt)} onChange={(value) => set(key)(value)} />
              </FormField>
            ))}
          </div>
        </fieldset>
        <div className="border-t border-slate-200 pt-4">{timeline}</div>
      </CardBody>
    </Card>
  );
}
