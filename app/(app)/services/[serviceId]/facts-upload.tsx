"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { uploadFactsCsvAction } from "@/lib/policies/actions";

/** Upload facts as CSV (`key,value,type`); the service is evaluated right after. */
export function FactsUpload({ serviceId }: { serviceId: string }) {
  const [csv, setCsv] = useState("");
  const form = useActionForm();
  return (
    <form
      aria-label="Upload facts"
      className="mt-3 flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          input: { serviceId, csv },
          action: uploadFactsCsvAction,
          onSuccess: (data) => ({ success: `${data.accepted} facts uploaded${data.changed ? "" : " (nothing changed)"}.` }),
        });
      }}
    >
      <FormField label="Facts CSV (key,value,type)" errors={form.fieldErrors.csv}>
        <input type="file" accept=".csv,text/csv" className={inputClasses} onChange={(event) => void event.target.files?.[0]?.text().then(setCsv)} />
      </FormField>
      <Button type="submit" variant="secondary" pending={form.pending}>
        Upload
      </Button>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
    </form>
  );
}
