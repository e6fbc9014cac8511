"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createDimensionAction, updateDimensionAction } from "@/lib/verification/actions";
import { createDimensionSchema, updateDimensionSchema } from "@/lib/verification/schemas";

const numberText = (value: number | null) => (value === null ? "" : String(value));

/** Adds a dimension of the organization's own after the five built-in ones. */
export function NewDimensionForm() {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [intervalDays, setIntervalDays] = useState("90");
  const [tier1IntervalDays, setTier1IntervalDays] = useState("30");
  const [tracksRecovery, setTracksRecovery] = useState(false);
  const form = useActionForm();
  return (
    <form
      aria-label="Add a dimension"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          schema: createDimensionSchema,
          input: { name, description, intervalDays, tier1IntervalDays, tracksRecovery },
          action: createDimensionAction,
          onSuccess: () => {
            setName("");
            setDescription("");
            return { success: `Added “${name.trim()}”: it is in the grid and on every service's verification page now.` };
          },
        });
      }}
    >
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Name" errors={form.fieldErrors.name} className="sm:col-span-3">
          <input className={inputClasses} value={name} onChange={(event) => setName(event.target.value)} maxLength={100} placeholder="Security patching" />
        </FormField>
        <FormField label="Description" hint="What a verification proves in this dimension." errors={form.fieldErrors.description} className="sm:col-span-3">
          <input className={inputClasses} value={description} onChange={(event) => setDescription(event.target.value)} maxLength={1000} />
        </FormField>
        <FormField label="Interval (days)" hint="A passed verification expires after this." errors={form.fieldErrors.intervalDays}>
          <input inputMode="numeric" className={inputClasses} value={intervalDays} onChange={(event) => setIntervalDays(event.target.value)} />
        </FormField>
        <FormField label="Tier 1 interval (days)" hint="Empty: the interval applies." errors={form.fieldErrors.tier1IntervalDays}>
          <input inputMode="numeric" className={inputClasses} value={tier1IntervalDays} onChange={(event) => setTier1IntervalDays(event.target.value)} />
        </FormField>
        <label className="flex items-center gap-2 self-center text-sm text-slate-800">
          <input type="checkbox" checked={tracksRecovery} onChange={(event) => setTracksRecovery(event.target.checked)} />
          Records RTO/RPO targets
        </label>
      </div>
      <Button type="submit" pending={form.pending}>
        Add the dimension
      </Button>
    </form>
  );
}

type Dimension = {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  intervalDays: number;
  tier1IntervalDays: number | null;
  tier2IntervalDays: number | null;
  tier3IntervalDays: number | null;
  archived: boolean;
  version: number;
};

/** Renames a dimension, sets its intervals, archives or restores it; a save based on an older version is refused. */
export function DimensionSettingsForm({ dimension }: { dimension: Dimension }) {
  const [name, setName] = useState(dimension.name);
  const [description, setDescription] = useState(dimension.description);
  const [intervalDays, setIntervalDays] = useState(String(dimension.intervalDays));
  const [tiers, setTiers] = useState({
    tier1IntervalDays: numberText(dimension.tier1IntervalDays),
    tier2IntervalDays: numberText(dimension.tier2IntervalDays),
    tier3IntervalDays: numberText(dimension.tier3IntervalDays),
  });
  const form = useActionForm();
  const save = (archived: boolean, success: string) =>
    form.submit({
      schema: updateDimensionSchema,
      input: { dimensionId: dimension.id, version: dimension.version, name, description, intervalDays, ...tiers, archived },
      action: updateDimensionAction,
      onSuccess: () => ({ success }),
    });
  return (
    <form
      aria-label={`Settings of ${dimension.name}`}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        save(dimension.archived, "Saved. Passed verifications expire by the new intervals.");
      }}
    >
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-4">
        <FormField label="Name" errors={form.fieldErrors.name} className="sm:col-span-2">
          <input className={inputClasses} value={name} onChange={(event) => setName(event.target.value)} maxLength={100} />
        </FormField>
        <FormField label="Description" errors={form.fieldErrors.description} className="sm:col-span-2">
          <input className={inputClasses} value={description} onChange={(event) => setDescription(event.target.value)} maxLength={1000} />
        </FormField>
        <FormField label="Interval (days)" errors={form.fieldErrors.intervalDays}>
          <input inputMode="numeric" className={inputClasses} value={intervalDays} onChange={(event) => setIntervalDays(event.target.value)} />
        </FormField>
        {([1, 2, 3] as const).map((tier) => {
          const key = `tier${tier}IntervalDays` as const;
          return (
            <FormField key={key} label={`Tier ${tier} interval (days)`} hint="Empty: the interval applies." errors={form.fieldErrors[key]}>
              <input inputMode="numeric" className={inputClasses} value={tiers[key]} onChange={(event) => setTiers({ ...tiers, [key]: event.target.value })} />
            </FormField>
          );
        })}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" pending={form.pending}>
          Save {dimension.name}
        </Button>
        {dimension.builtIn ? null : dimension.archived ? (
          <Button variant="ghost" disabled={form.pending} onClick={() => save(false, "Restored: the dimension is back in the grid.")}>
            Restore {dimension.name}
          </Button>
        ) : (
          <Button variant="ghost" disabled={form.pending} onClick={() => save(true, "Archived: the grid no longer shows it; its history is kept.")}>
            Archive {dimension.name}
          </Button>
        )}
      </div>
    </form>
  );
}
