"use client";

import { FormField, inputClasses } from "@/components/ui/form-field";
import { TEMPLATES, defaultParameters, findTemplate, type TemplateKey } from "@/lib/game-days/templates";
import type { FieldErrors } from "@/lib/errors";

export type ExperimentDraft = {
  templateKey: TemplateKey;
  parameters: Record<string, string>;
  dimensionId: string;
  expectedOutcome: string;
  abortConditions: string;
};

export function experimentDraft(templateKey: TemplateKey, dimensions: { id: string; key: string }[]): ExperimentDraft {
  const template = findTemplate(templateKey)!;
  return {
    templateKey,
    parameters: defaultParameters(template),
    dimensionId: dimensions.find((dimension) => dimension.key === template.dimensionKey)?.id ?? "",
    expectedOutcome: "",
    abortConditions: "",
  };
}

/** Template, its parameters (validated on the server too), and the dimension a held hypothesis verifies. */
export function ExperimentFields({
  draft,
  onChange,
  dimensions,
  errors,
  prefix = "experiment.",
}: {
  draft: ExperimentDraft;
  onChange: (draft: ExperimentDraft) => void;
  dimensions: { id: string; key: string; name: string }[];
  errors: FieldErrors;
  prefix?: string;
}) {
  const template = findTemplate(draft.templateKey)!;
  return (
    <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Experiment</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Template" hint={template.description} errors={errors[`${prefix}templateKey`]}>
          <select
            className={inputClasses}
            value={draft.templateKey}
            onChange={(event) => onChange(experimentDraft(event.target.value as TemplateKey, dimensions))}
          >
            {TEMPLATES.map((option) => (
              <option key={option.key} value={option.key}>
                {option.title}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Dimension it verifies" errors={errors[`${prefix}dimensionId`]}>
          <select className={inputClasses} value={draft.dimensionId} onChange={(event) => onChange({ ...draft, dimensionId: event.target.value })}>
            <option value="">None</option>
            {dimensions.map((dimension) => (
              <option key={dimension.id} value={dimension.id}>
                {dimension.name}
              </option>
            ))}
          </select>
        </FormField>
        {template.parameters.map((parameter) => (
          <FormField
            key={parameter.name}
            label={parameter.label}
            hint={parameter.hint}
            errors={errors[`parameters.${parameter.name}`] ?? errors[`${prefix}parameters.${parameter.name}`]}
          >
            <input
              className={inputClasses}
              value={draft.parameters[parameter.name] ?? ""}
              onChange={(event) => onChange({ ...draft, parameters: { ...draft.parameters, [parameter.name]: event.target.value } })}
            />
          </FormField>
        ))}
        <FormField label="Expected outcome" errors={errors[`${prefix}expectedOutcome`]}>
          <input className={inputClasses} value={draft.expectedOutcome} onChange={(event) => onChange({ ...draft, expectedOutcome: event.target.value })} />
        </FormField>
        <FormField
          label="Abort conditions"
          hint="Leave empty for: the health check fails for more than a minute, or customers notice."
          errors={errors[`${prefix}abortConditions`]}
        >
          <input className={inputClasses} value={draft.abortConditions} onChange={(event) => onChange({ ...draft, abortConditions: event.target.value })} />
        </FormField>
      </div>
    </fieldset>
  );
}
