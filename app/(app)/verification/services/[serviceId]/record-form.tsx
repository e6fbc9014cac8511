"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordVerificationAction } from "@/lib/verification/actions";
import { VERIFICATION_HOWS, VERIFICATION_HOW_LABELS, VERIFICATION_RESULTS, VERIFICATION_RESULT_LABELS } from "@/lib/verification/dimensions";
import { type VerificationHow } from "@/lib/generated/prisma/enums";
import { recordVerificationSchema } from "@/lib/verification/schemas";

type Result = (typeof VERIFICATION_RESULTS)[number];

/** Records one verification; what was typed stays on a failed save. */
export function RecordVerificationForm({
  serviceId,
  dimensionId,
  dimensionName,
  tracksRecovery,
}: {
  serviceId: string;
  dimensionId: string;
  dimensionName: string;
  tracksRecovery: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<Result>("PASSED");
  const [method, setMethod] = useState<VerificationHow | "">("");
  const [performedAt, setPerformedAt] = useState("");
  const [evidence, setEvidence] = useState("");
  const [link, setLink] = useState("");
  const [reason, setReason] = useState("");
  const [rto, setRto] = useState({ target: "", observed: "" });
  const [rpo, setRpo] = useState({ target: "", observed: "" });
  const form = useActionForm();
  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Record a verification of {dimensionName}
      </Button>
    );
  }
  return (
    <form
      aria-label={`Record a verification of ${dimensionName}`}
      className="space-y-3 rounded-md border border-slate-200 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          schema: recordVerificationSchema,
          input: {
            serviceId,
            dimensionId,
            result,
            method: method || undefined,
            performedAt: performedAt || undefined,
            evidence,
            links: link ? [link] : [],
            notApplicableReason: reason || undefined,
            ...(tracksRecovery
              ? { rtoTargetMinutes: rto.target, rtoObservedMinutes: rto.observed, rpoTargetMinutes: rpo.target, rpoObservedMinutes: rpo.observed }
              : {}),
          },
          action: recordVerificationAction,
          onSuccess: () => {
            setOpen(false);
            setEvidence("");
            setLink("");
            setReason("");
          },
        });
      }}
    >
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Result" errors={form.fieldErrors.result}>
          <select className={inputClasses} value={result} onChange={(event) => setResult(event.target.value as Result)}>
            {VERIFICATION_RESULTS.map((value) => (
              <option key={value} value={value}>
                {VERIFICATION_RESULT_LABELS[value]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="How" errors={form.fieldErrors.method}>
          <select className={inputClasses} value={method} onChange={(event) => setMethod(event.target.value as VerificationHow | "")}>
            <option value="">Choose…</option>
            {VERIFICATION_HOWS.map((value) => (
              <option key={value} value={value}>
                {VERIFICATION_HOW_LABELS[value]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Performed on" hint="Leave empty for now." errors={form.fieldErrors.performedAt}>
          <input type="date" className={inputClasses} value={performedAt} onChange={(event) => setPerformedAt(event.target.value)} />
        </FormField>
      </div>
      {result === "NOT_APPLICABLE" ? (
        <FormField label="Why it does not apply" errors={form.fieldErrors.notApplicableReason}>
          <input className={inputClasses} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={2000} />
        </FormField>
      ) : (
        <>
          <FormField label="Evidence (Markdown)" hint="What was done and what was seen." errors={form.fieldErrors.evidence}>
            <textarea className={inputClasses} rows={3} value={evidence} onChange={(event) => setEvidence(event.target.value)} />
          </FormField>
          <FormField label="Link (report, dashboard, run log)" errors={form.fieldErrors["links.0"] ?? form.fieldErrors.links}>
            <input className={inputClasses} value={link} onChange={(event) => setLink(event.target.value)} placeholder="https://" />
          </FormField>
          {tracksRecovery ? (
            <div className="grid gap-3 sm:grid-cols-4">
              <FormField label="RTO target (min)" errors={form.fieldErrors.rtoTargetMinutes}>
                <input inputMode="numeric" className={inputClasses} value={rto.target} onChange={(event) => setRto({ ...rto, target: event.target.value })} />
              </FormField>
              <FormField label="RTO observed (min)" errors={form.fieldErrors.rtoObservedMinutes}>
                <input
                  inputMode="numeric"
                  className={inputClasses}
                  value={rto.observed}
                  onChange={(event) => setRto({ ...rto, observed: event.target.value })}
                />
              </FormField>
              <FormField label="RPO target (min)" errors={form.fieldErrors.rpoTargetMinutes}>
                <input inputMode="numeric" className={inputClasses} value={rpo.target} onChange={(event) => setRpo({ ...rpo, target: event.target.value })} />
              </FormField>
              <FormField label="RPO observed (min)" errors={form.fieldErrors.rpoObservedMinutes}>
                <input
                  inputMode="numeric"
                  className={inputClasses}
                  value={rpo.observed}
                  onChange={(event) => setRpo({ ...rpo, observed: event.target.value })}
                />
              </FormField>
            </div>
          ) : null}
        </>
      )}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          Record
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
