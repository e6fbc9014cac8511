"use client";

import { useState } from "react";
import { FormAlerts } from "@/components/ui/form-alerts";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { pullCordAction } from "@/lib/cords/actions";
import { CORD_SEVERITIES, CORD_SEVERITY_HINTS, CORD_SEVERITY_LABELS } from "@/lib/cords/labels";
import { type CordSeverity } from "@/lib/generated/prisma/enums";
import { pullCordSchema } from "@/lib/cords/schemas";

/**
 * "Pull the cord" on one service. On a service already stopped the same form adds a +1 with the
 * note. What the user typed stays when the pull fails.
 */
export function PullCordForm({
  serviceId,
  serviceName,
  stopped,
  onPulled,
}: {
  serviceId: string;
  serviceName: string;
  stopped: boolean;
  onPulled?: () => void;
}) {
  const [problem, setProblem] = useState("");
  const [customerImpact, setCustomerImpact] = useState("");
  const [severity, setSeverity] = useState<CordSeverity>("STOP_DEPLOYS");
  const [link, setLink] = useState("");
  const form = useActionForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.submit({
      schema: pullCordSchema,
      input: { serviceId, problem, customerImpact, severity, link },
      action: pullCordAction,
      onSuccess: (result) => {
        setProblem("");
        setCustomerImpact("");
        setLink("");
        onPulled?.();
        return {
          success: result.plusOne
            ? `Your +1 is on the cord for ${result.serviceName}.`
            : `Line stopped on ${result.serviceName}. Its team has been told, and deploys are blocked until they resolve it.`,
        };
      },
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={stopped ? `Add a +1 to the cord on ${serviceName}` : `Pull the cord on ${serviceName}`}>
      <FormAlerts error={form.error} success={form.success} />
      <FormField label="What is wrong?" errors={form.fieldErrors.problem}>
        <textarea value={problem} onChange={(event) => setProblem(event.target.value)} rows={3} className={inputClasses} maxLength={2000} required />
      </FormField>
      <FormField label="Customer impact (optional)" hint="Who is affected and how, if you know." errors={form.fieldErrors.customerImpact}>
        <textarea value={customerImpact} onChange={(event) => setCustomerImpact(event.target.value)} rows={2} className={inputClasses} maxLength={2000} />
      </FormField>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Severity</legend>
        <div className="mt-2 space-y-2">
          {CORD_SEVERITIES.map((option) => (
            <label key={option} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name={`severity-${serviceId}`}
                value={option}
                checked={severity === option}
                onChange={() => setSeverity(option)}
                className="mt-1"
              />
              <span>
                <span className="font-medium text-slate-900">{CORD_SEVERITY_LABELS[option]}</span>
                <span className="block text-xs text-slate-600">{CORD_SEVERITY_HINTS[option]}</span>
              </span>
            </label>
          ))}
        </div>
        {form.fieldErrors.severity ? <p className="mt-1 text-sm text-red-700">{form.fieldErrors.severity.join(" ")}</p> : null}
      </fieldset>
      <FormField label="Link (optional)" hint="The page with the defect, a dashboard, a ticket." errors={form.fieldErrors.link}>
        <input type="url" value={link} onChange={(event) => setLink(event.target.value)} className={inputClasses} maxLength={2000} placeholder="https://" />
      </FormField>
      <Button type="submit" variant={stopped ? "secondary" : "danger"} pending={form.pending}>
        {stopped ? "Add my +1" : "Pull the cord"}
      </Button>
    </form>
  );
}
