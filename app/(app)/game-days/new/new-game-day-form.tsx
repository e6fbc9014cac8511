"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createGameDayAction } from "@/lib/game-days/actions";
import { GAME_DAY_ENVIRONMENTS } from "@/lib/game-days/schemas";
import type { TemplateKey } from "@/lib/game-days/templates";
import { ExperimentFields, experimentDraft } from "../experiment-fields";

type Props = {
  teams: { id: string; label: string }[];
  services: { id: string; name: string; teamId: string }[];
  dimensions: { id: string; key: string; name: string }[];
  prefill: { coeId: string; coeTitle: string; teamId: string; serviceId: string; templateKey: TemplateKey } | null;
};

export function NewGameDayForm({ teams, services, dimensions, prefill }: Props) {
  const router = useRouter();
  const [title, setTitle] = useState(prefill ? `Reproduce: ${prefill.coeTitle}` : "");
  const [teamId, setTeamId] = useState(prefill?.teamId || teams[0]?.id || "");
  const [scheduledAt, setScheduledAt] = useState("");
  const [durationMinutes, setDuration] = useState("120");
  const [environment, setEnvironment] = useState("staging");
  const [serviceId, setServiceId] = useState(prefill?.serviceId ?? "");
  const [experiment, setExperiment] = useState(experimentDraft(prefill?.templateKey ?? "network-latency", dimensions));
  const form = useActionForm();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          input: {
            title,
            teamId,
            // The browser reads the local date and time in the user's time zone; the server gets an instant.
            scheduledAt: scheduledAt ? new Date(scheduledAt).toISOString() : "",
            durationMinutes: Number(durationMinutes),
            environment,
            serviceIds: serviceId ? [serviceId] : [],
            participantIds: [],
            experiment: {
              templateKey: experiment.templateKey,
              parameters: experiment.parameters,
              serviceId: serviceId || undefined,
              dimensionId: experiment.dimensionId || undefined,
              expectedOutcome: experiment.expectedOutcome,
              abortConditions: experiment.abortConditions,
              sourceCoeId: prefill?.coeId,
            },
          },
          action: createGameDayAction,
          onSuccess: (saved) => router.push(`/game-days/${saved.id}`),
        });
      }}
    >
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      <FormField label="Title" errors={form.fieldErrors.title}>
        <input className={inputClasses} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Team" errors={form.fieldErrors.teamId}>
          <select className={inputClasses} value={teamId} onChange={(event) => setTeamId(event.target.value)}>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Service under test" errors={form.fieldErrors.serviceIds ?? form.fieldErrors["experiment.serviceId"]}>
          <select className={inputClasses} value={serviceId} onChange={(event) => setServiceId(event.target.value)}>
            <option value="">Choose…</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Date and start time (your time zone)" errors={form.fieldErrors.scheduledAt}>
          <input type="datetime-local" className={inputClasses} value={scheduledAt} onChange={(event) => setScheduledAt(event.target.value)} />
        </FormField>
        <FormField label="Duration (minutes)" errors={form.fieldErrors.durationMinutes}>
          <input inputMode="numeric" className={inputClasses} value={durationMinutes} onChange={(event) => setDuration(event.target.value)} />
        </FormField>
        <FormField label="Environment" errors={form.fieldErrors.environment}>
          <input className={inputClasses} list="game-day-environments" value={environment} onChange={(event) => setEnvironment(event.target.value)} />
        </FormField>
        <datalist id="game-day-environments">
          {GAME_DAY_ENVIRONMENTS.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      </div>
      <ExperimentFields draft={experiment} onChange={setExperiment} dimensions={dimensions} errors={form.fieldErrors} />
      <Button type="submit" pending={form.pending}>
        Plan the game day
      </Button>
    </form>
  );
}
