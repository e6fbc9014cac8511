"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableHead } from "@/components/ui/table-parts";
import { useActionForm } from "@/components/ui/use-action-form";
import { importCatalogAction } from "@/lib/policies/actions";
import type { CatalogPlan } from "@/lib/policies/catalog-import";

const CHANGE_WORDS = { create: "New", update: "Changes", unchanged: "Unchanged" } as const;

/** Paste, upload or point at a catalog-info.yaml; preview what it changes; then apply the same text. */
export function CatalogImportForm() {
  const [yaml, setYaml] = useState("");
  const [url, setUrl] = useState("");
  const [plan, setPlan] = useState<CatalogPlan | null>(null);
  const [applied, setApplied] = useState(false);
  const form = useActionForm();
  const source = url.trim() ? { url: url.trim() } : { yaml };

  function run(dryRun: boolean) {
    form.submit({
      input: { ...source, dryRun },
      action: importCatalogAction,
      onSuccess: (data) => {
        setPlan(data.plan);
        setApplied(data.applied);
        return { success: data.applied ? "Imported." : "Preview ready: nothing was written yet." };
      },
    });
  }

  const documentErrors = Object.entries(form.fieldErrors).filter(([field]) => field.startsWith("documents."));
  return (
    <form aria-label="Catalog import" className="space-y-4" onSubmit={(event) => event.preventDefault()}>
      <FormField label="catalog-info.yaml" hint="Paste the file, or choose it below. Several documents are separated by ---." errors={form.fieldErrors.yaml}>
        <textarea
          rows={12}
          value={yaml}
          onChange={(event) => {
            setYaml(event.target.value);
            setPlan(null);
          }}
          className={`${inputClasses} font-mono text-xs`}
        />
      </FormField>
      <FormField label="Upload a file">
        <input
          type="file"
          accept=".yaml,.yml,text/yaml,application/yaml"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            setYaml(await file.text());
            setUrl("");
            setPlan(null);
          }}
          className="text-sm"
        />
      </FormField>
      <FormField label="Or its URL" hint="The raw file over http(s), e.g. from your Git server; fetched by Andon." errors={form.fieldErrors.url}>
        <input
          value={url}
          onChange={(event) => {
            setUrl(event.target.value);
            setPlan(null);
          }}
          className={inputClasses}
        />
      </FormField>
      {documentErrors.length > 0 ? (
        <Alert tone="error">
          <ul className="list-disc pl-5" data-testid="catalog-errors">
            {documentErrors.map(([field, messages]) => (
              <li key={field}>
                {field.replace(/^documents\.(\d+)\.?/, "Document $1 ")}: {messages.join(" ")}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => run(true)} pending={form.pending}>
          Preview
        </Button>
        <Button onClick={() => run(false)} pending={form.pending} disabled={!plan || applied}>
          Import
        </Button>
      </div>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
      {plan ? (
        <section aria-label="Import preview" className="space-y-4">
          <Table caption="Teams">
            <TableHead columns={["Team", "Change", "Parent", "Details"]} />
            <TableBody>
              {plan.teams.map((team) => (
                <tr key={team.name}>
                  <Td>{team.name}</Td>
                  <Td>{CHANGE_WORDS[team.change]}</Td>
                  <Td>{team.parent ?? "—"}</Td>
                  <Td>{team.details.join(", ")}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
          <Table caption="Services">
            <TableHead columns={["Service", "Change", "Team", "Details", "Facts"]} />
            <TableBody>
              {plan.services.map((service) => (
                <tr key={service.name}>
                  <Td>{service.name}</Td>
                  <Td>{CHANGE_WORDS[service.change]}</Td>
                  <Td>{service.team}</Td>
                  <Td>{service.details.join(", ")}</Td>
                  <Td>{service.facts}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
          {plan.skipped.length > 0 ? (
            <p className="text-sm text-slate-700" data-testid="catalog-skipped">
              Skipped (not a Group or Component):{" "}
              {plan.skipped.map((item) => `document ${item.document} ${item.kind}${item.name ? ` “${item.name}”` : ""}`).join(", ")}
            </p>
          ) : null}
          {plan.warnings.map((warning) => (
            <p key={warning} className="text-sm text-amber-800">
              {warning}
            </p>
          ))}
        </section>
      ) : null}
    </form>
  );
}
