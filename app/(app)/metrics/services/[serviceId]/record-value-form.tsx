"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/errors";
import { recordMetricValueAction } from "@/lib/metrics/actions";
import { metricValueFormSchema } from "@/lib/metrics/schemas";
import { runAction } from "@/components/ui/run-action";

/** Records one value of one of the service's metrics. */
export function RecordValueForm({ metrics, defaultTimestamp }: { metrics: { id: string; name: string; unit: string }[]; defaultTimestamp: string }) {
  const router = useRouter();
  const [metricId, setMetricId] = useState(metrics[0]?.id ?? "");
  const [timestamp, setTimestamp] = useState(defaultTimestamp);
  const [value, setValue] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const unit = metrics.find((metric) => metric.id === metricId)?.unit;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    const input = { metricId, timestamp, value };
    const parsed = metricValueFormSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      setError(null);
      return;
    }
    startTransition(async () => {
      const result = await runAction(() => recordMetricValueAction(input));
      if (!result.ok) {
        const { form, ...rest } = result.fieldErrors;
        setFieldErrors(rest);
        setError(
          [
            result.error,
            ...(form ?? []),
            ...Object.entries(rest)
              .filter(([key]) => key.startsWith("form."))
              .flatMap(([, messages]) => messages),
          ].join(" "),
        );
        return;
      }
      setFieldErrors({});
      setError(null);
      setSuccess(result.data.inserted > 0 ? "Recorded." : result.data.updated > 0 ? "Replaced the value at that time." : "That value was already recorded.");
      setValue("");
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Record a value">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {success ? <Alert tone="success">{success}</Alert> : null}
      <FormField label="Metric" errors={fieldErrors.metricId}>
        <select className={inputClasses} value={metricId} onChange={(event) => setMetricId(event.target.value)}>
          {metrics.map((metric) => (
            <option key={metric.id} value={metric.id}>
              {metric.name}
            </option>
          ))}
        </select>
      </FormField>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Time (UTC)" hint="A date, or a date and time like 2026-11-26T09:00Z." errors={fieldErrors.timestamp}>
          <input className={inputClasses} value={timestamp} onChange={(event) => setTimestamp(event.target.value)} />
        </FormField>
        <FormField label={unit ? `Value (${unit})` : "Value"} errors={fieldErrors.value}>
          <input className={inputClasses} value={value} onChange={(event) => setValue(event.target.value)} inputMode="decimal" />
        </FormField>
      </div>
      <Button type="submit" pending={pending}>
        Record value
      </Button>
    </form>
  );
}
