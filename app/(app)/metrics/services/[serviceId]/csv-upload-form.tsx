"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { importMetricCsvAction } from "@/lib/metrics/actions";
import { CSV_EXAMPLE, CSV_TOO_LARGE, MAX_CSV_BYTES } from "@/lib/metrics/schemas";
import { runAction } from "@/components/ui/run-action";

/** Uploads a CSV of values: all lines or none. */
export function CsvUploadForm({ serviceId }: { serviceId: string }) {
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [lineErrors, setLineErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    setLineErrors([]);
    const file = fileRef.current?.files?.[0];
    if (!file) return setError("Choose a CSV file first.");
    if (file.size > MAX_CSV_BYTES) return setError(CSV_TOO_LARGE);
    startTransition(async () => {
      const csv = await file.text();
      const result = await runAction(() => importMetricCsvAction({ serviceId, csv }));
      if (!result.ok) {
        setError(result.error);
        setLineErrors(result.fieldErrors.csv ?? []);
        return;
      }
      setError(null);
      const { inserted, updated, unchanged } = result.data;
      setSuccess(
        `Imported ${result.data.received} line${result.data.received === 1 ? "" : "s"}: ${inserted} new, ${updated} replaced, ${unchanged} unchanged.`,
      );
      if (fileRef.current) fileRef.current.value = "";
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Upload a CSV">
      {success ? <Alert tone="success">{success}</Alert> : null}
      {error ? (
        <Alert tone="error" title={error}>
          {lineErrors.length > 0 ? (
            <ul className="list-disc space-y-0.5 pl-5" data-testid="csv-errors">
              {lineErrors.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <FormField label="CSV file" hint="Columns: metric, timestamp, value (a service column is optional). Metric by name; timestamp as a date or ISO time.">
        <input ref={fileRef} type="file" accept=".csv,text/csv" className={inputClasses} />
      </FormField>
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer">Example</summary>
        <pre className="mt-1 rounded bg-slate-50 p-2 font-mono">{CSV_EXAMPLE}</pre>
      </details>
      <Button type="submit" pending={pending}>
        Upload
      </Button>
    </form>
  );
}
