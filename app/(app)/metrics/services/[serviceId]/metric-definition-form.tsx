"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/errors";
import { createMetricAction, updateMetricAction } from "@/lib/metrics/actions";
import { metricDefinitionSchema } from "@/lib/metrics/schemas";
import { runAction } from "@/components/ui/run-action";

type Existing = {
  id: string;
  name: string;
  unit: string;
  description: string;
  direction: "UP" | "DOWN";
  target: number | null;
  cadence: "DAILY" | "WEEKLY";
  anomalyThresholdPct: number | null;
};

/** Defines a key service metric, or edits one. */
export function MetricDefinitionForm({ serviceId, metric }: { serviceId: string; metric?: Existing }) {
  const router = useRouter();
  const [fields, setFields] = useState({
    name: metric?.name ?? "",
    unit: metric?.unit ?? "",
    description: metric?.description ?? "",
    direction: metric?.direction ?? "UP",
    target: metric?.target === null || metric?.target === undefined ? "" : String(metric.target),
    cadence: metric?.cadence ?? "DAILY",
    anomalyThresholdPct: metric ? (metric.anomalyThresholdPct === null ? "" : String(metric.anomalyThresholdPct)) : "20",
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (key: keyof typeof fields) => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [key]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    const input = { ...fields, serviceId };
    const parsed = metricDefinitionSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      setError(null);
      return;
    }
    startTransition(async () => {
      const result = await runAction(() => (metric ? updateMetricAction({ ...input, metricId: metric.id }) : createMetricAction(input)));
      if (!result.ok) {
        setFieldErrors(result.fieldErrors);
        setError(result.error);
        return;
      }
      setFieldErrors({});
      setError(null);
      setSuccess(metric ? "Saved." : `Defined ${result.data.name}.`);
      if (!metric) setFields((current) => ({ ...current, name: "", unit: "", description: "", target: "" }));
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label={metric ? `Edit ${metric.name}` : "Define a metric"}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {success ? <Alert tone="success">{success}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Name" className="sm:col-span-2" errors={fieldErrors.name}>
          <input className={inputClasses} value={fields.name} onChange={set("name")} maxLength={80} placeholder="p99 latency" />
        </FormField>
        <FormField label="Unit" errors={fieldErrors.unit}>
          <input className={inputClasses} value={fields.unit} onChange={set("unit")} maxLength={20} placeholder="ms" />
        </FormField>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Good direction" errors={fieldErrors.direction}>
          <select className={inputClasses} value={fields.direction} onChange={set("direction")}>
            <option value="UP">Higher is better</option>
            <option value="DOWN">Lower is better</option>
          </select>
        </FormField>
        <FormField label="Target" hint={fields.direction === "UP" ? "Stay at or above." : "Stay at or below."} errors={fieldErrors.target}>
          <input
            className={inputClasses}
            value={fields.target}
            onChange={set("target")}
            inputMode="decimal"
            placeholder={fields.direction === "UP" ? "99.9" : "300"}
          />
        </FormField>
        <FormField label="Cadence" errors={fieldErrors.cadence}>
          <select className={inputClasses} value={fields.cadence} onChange={set("cadence")}>
            <option value="DAILY">Daily</option>
            <option value="WEEKLY">Weekly</option>
          </select>
        </FormField>
      </div>
      <FormField
        label="Week-over-week anomaly threshold (%)"
        hint="Flag a move of more than this between the last seven days and the seven before. Empty turns it off."
        errors={fieldErrors.anomalyThresholdPct}
      >
        <input className={inputClasses} value={fields.anomalyThresholdPct} onChange={set("anomalyThresholdPct")} inputMode="decimal" />
      </FormField>
      <FormField label="Description" hint="Optional: how it is measured." errors={fieldErrors.description}>
        <input className={inputClasses} value={fields.description} onChange={set("description")} maxLength={500} />
      </FormField>
      <Button type="submit" pending={pending}>
        {metric ? "Save metric" : "Define metric"}
      </Button>
    </form>
  );
}
