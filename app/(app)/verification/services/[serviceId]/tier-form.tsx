"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { setServiceTierAction } from "@/lib/verification/actions";

/** Managers set a service's tier; tier 1 shortens every dimension's interval (30 days by default). */
export function TierForm({ serviceId, tier }: { serviceId: string; tier: number | null }) {
  const [value, setValue] = useState(tier === null ? "" : String(tier));
  const form = useActionForm();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({ input: { serviceId, tier: value }, action: setServiceTierAction, onSuccess: () => ({ success: "Tier saved." }) });
      }}
    >
      <div>
        <label htmlFor="service-tier" className="block text-sm font-medium text-slate-800">
          Service tier
        </label>
        <select id="service-tier" className={`${inputClasses} mt-1.5 w-40`} value={value} onChange={(event) => setValue(event.target.value)}>
          <option value="">Not set</option>
          <option value="1">Tier 1 (critical)</option>
          <option value="2">Tier 2</option>
          <option value="3">Tier 3</option>
        </select>
      </div>
      <Button type="submit" variant="secondary" pending={form.pending}>
        Save tier
      </Button>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
    </form>
  );
}
