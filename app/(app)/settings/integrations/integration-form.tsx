"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { TeamSelectOptions } from "../team-select-options";
import type { TeamOption } from "../team-options";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useActionForm } from "@/components/ui/use-action-form";
import { createTicketIntegrationAction, updateTicketIntegrationAction } from "@/lib/integrations/actions";
import {
  DEFAULT_JIRA_STATUS_MAPPING,
  MAPPABLE_STATUSES,
  TICKET_PROVIDER_LABELS,
  TICKET_PROVIDERS,
  ticketIntegrationInputSchema,
  ticketIntegrationUpdateSchema,
  type MappableStatus,
  type TicketIntegrationInput,
} from "@/lib/integrations/schemas";
import { type TicketProvider } from "@/lib/generated/prisma/enums";

const STATUS_LABELS: Record<MappableStatus, string> = { OPEN: "Open", IN_PROGRESS: "In progress", DONE: "Done" };

export type IntegrationInitial = {
  integrationId: string;
  version: number;
  provider: TicketProvider;
  teamId: string;
  baseUrl: string;
  repository: string;
  jiraEmail: string;
  projectKey: string;
  issueType: string;
  statusMapping: Record<string, MappableStatus>;
  enabled: boolean;
};

/**
 * Adds or edits a team's ticket sync. Tokens are write-only: on edit an empty token keeps the stored
 * one. A new integration's inbound webhook secret is generated when left empty and shown once.
 */
export function IntegrationForm({ teams, initial }: { teams: TeamOption[]; initial?: IntegrationInitial }) {
  const [provider, setProvider] = useState<TicketProvider>(initial?.provider ?? "GITHUB");
  const [teamId, setTeamId] = useState(initial?.teamId ?? teams[0]?.id ?? "");
  const [baseUrl, setBaseUrl] = useState(initial?.baseUrl ?? "");
  const [repository, setRepository] = useState(initial?.repository ?? "");
  const [jiraEmail, setJiraEmail] = useState(initial?.jiraEmail ?? "");
  const [projectKey, setProjectKey] = useState(initial?.projectKey ?? "");
  const [issueType, setIssueType] = useState(initial?.issueType || "Task");
  const [mapping, setMapping] = useState<[string, MappableStatus][]>(Object.entries(initial?.statusMapping ?? DEFAULT_JIRA_STATUS_MAPPING));
  const [token, setToken] = useState("");
  const [webhookSecret, setWebhookSecret] = useState("");
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [created, setCreated] = useState<{ id: string; webhookSecret: string } | null>(null);
  const { fieldErrors, error, success, pending, submit } = useActionForm();

  function values(): TicketIntegrationInput {
    const common = { teamId, token, webhookSecret, enabled };
    if (provider === "GITHUB") return { provider, ...common, baseUrl: baseUrl || "https://api.github.com", repository };
    return {
      provider,
      ...common,
      baseUrl,
      jiraEmail,
      projectKey: projectKey.toUpperCase(),
      issueType,
      statusMapping: Object.fromEntries(mapping.filter(([name]) => name.trim() !== "")),
    };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (initial) {
      submit({
        schema: ticketIntegrationUpdateSchema,
        input: { ...values(), integrationId: initial.integrationId, version: initial.version },
        action: updateTicketIntegrationAction,
        onSuccess: () => {
          setToken("");
          setWebhookSecret("");
          return { success: "Saved." };
        },
      });
    } else {
      submit({
        schema: ticketIntegrationInputSchema,
        input: values(),
        action: createTicketIntegrationAction,
        onSuccess: (data) => {
          setCreated(data);
          setToken("");
          setWebhookSecret("");
        },
      });
    }
  }

  return (
    <div className="space-y-4">
      {created ? (
        <SecretReveal title="Copy the webhook secret now" label="Generated webhook secret" secret={created.webhookSecret} onDismiss={() => setCreated(null)}>
          <p>
            This is the only time Andon shows it. Paste it as the secret of the webhook you add in {TICKET_PROVIDER_LABELS[provider]}, so Andon can check that
            deliveries come from there.{" "}
            <Link className="font-medium text-indigo-700 hover:underline" href={`/settings/integrations/${created.id}`}>
              Open the integration
            </Link>{" "}
            for the webhook URL and the steps.
          </p>
        </SecretReveal>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <FormAlerts error={error} success={success} />
        <div className="grid gap-4 md:grid-cols-2">
          <FormField label="Ticket system" errors={fieldErrors.provider}>
            <select className={inputClasses} name="provider" value={provider} onChange={(event) => setProvider(event.target.value as TicketProvider)}>
              {TICKET_PROVIDERS.map((value) => (
                <option key={value} value={value}>
                  {TICKET_PROVIDER_LABELS[value]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Team" hint="Its actions and those of the teams below it without their own integration." errors={fieldErrors.teamId}>
            <select className={inputClasses} name="teamId" value={teamId} onChange={(event) => setTeamId(event.target.value)}>
              <TeamSelectOptions options={teams} />
            </select>
          </FormField>
          {provider === "GITHUB" ? (
            <>
              <FormField label="Repository" hint="owner/name, e.g. acme/operations." errors={fieldErrors.repository}>
                <input className={inputClasses} name="repository" value={repository} onChange={(event) => setRepository(event.target.value)} />
              </FormField>
              <FormField label="API URL" hint="Leave empty for github.com; GitHub Enterprise Server: https://<host>/api/v3." errors={fieldErrors.baseUrl}>
                <input
                  className={inputClasses}
                  name="baseUrl"
                  type="url"
                  placeholder="https://api.github.com"
                  value={baseUrl}
                  onChange={(event) => setBaseUrl(event.target.value)}
                />
              </FormField>
            </>
          ) : (
            <>
              <FormField label="Jira site" hint="e.g. https://acme.atlassian.net" errors={fieldErrors.baseUrl}>
                <input className={inputClasses} name="baseUrl" type="url" value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} />
              </FormField>
              <FormField label="Account email" hint="The Atlassian account the API token belongs to." errors={fieldErrors.jiraEmail}>
                <input className={inputClasses} name="jiraEmail" type="email" value={jiraEmail} onChange={(event) => setJiraEmail(event.target.value)} />
              </FormField>
              <FormField label="Project key" hint="e.g. OPS" errors={fieldErrors.projectKey}>
                <input className={inputClasses} name="projectKey" value={projectKey} onChange={(event) => setProjectKey(event.target.value)} />
              </FormField>
              <FormField label="Issue type" hint="The type new tickets get, e.g. Task." errors={fieldErrors.issueType}>
                <input className={inputClasses} name="issueType" value={issueType} onChange={(event) => setIssueType(event.target.value)} />
              </FormField>
            </>
          )}
          <FormField
            label="API token"
            hint={
              initial
                ? "Leave empty to keep the stored token. Stored encrypted; never shown again."
                : provider === "GITHUB"
                  ? "A fine-grained token with Issues: read and write on the repository. Stored encrypted; never shown again."
                  : "An Atlassian API token. Stored encrypted; never shown again."
            }
            errors={fieldErrors.token}
          >
            <input className={inputClasses} name="token" type="password" autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} />
          </FormField>
          <FormField
            label="Webhook secret"
            hint={initial ? "Leave empty to keep the stored secret." : "Optional: leave empty and Andon generates one, shown once."}
            errors={fieldErrors.webhookSecret}
          >
            <input
              className={inputClasses}
              name="webhookSecret"
              type="password"
              autoComplete="off"
              value={webhookSecret}
              onChange={(event) => setWebhookSecret(event.target.value)}
            />
          </FormField>
        </div>
        {provider === "JIRA" ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Status mapping</legend>
            <p className="text-xs text-slate-600">
              Which Andon status each Jira status stands for. Statuses not listed go by their category (to do → open, in progress, done). Verification stays in
              Andon: a ticket in a done status makes the action done, not verified.
            </p>
            {fieldErrors.statusMapping ? (
              <p className="text-sm text-red-700" role="alert">
                {fieldErrors.statusMapping.join(" ")}
              </p>
            ) : null}
            <ul className="space-y-2">
              {mapping.map(([name, status], index) => (
                <li key={index} className="flex flex-wrap items-center gap-2">
                  <input
                    aria-label={`Jira status ${index + 1}`}
                    className={`${inputClasses} max-w-56`}
                    value={name}
                    onChange={(event) => setMapping((rows) => rows.map((row, at) => (at === index ? [event.target.value, row[1]] : row)))}
                  />
                  <span aria-hidden="true" className="text-slate-500">
                    →
                  </span>
                  <select
                    aria-label={`Andon status for Jira status ${index + 1}`}
                    className={`${inputClasses} max-w-40`}
                    value={status}
                    onChange={(event) => setMapping((rows) => rows.map((row, at) => (at === index ? [row[0], event.target.value as MappableStatus] : row)))}
                  >
                    {MAPPABLE_STATUSES.map((value) => (
                      <option key={value} value={value}>
                        {STATUS_LABELS[value]}
                      </option>
                    ))}
                  </select>
                  <Button type="button" variant="secondary" size="sm" onClick={() => setMapping((rows) => rows.filter((_, at) => at !== index))}>
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
            <Button type="button" variant="secondary" size="sm" onClick={() => setMapping((rows) => [...rows, ["", "IN_PROGRESS"]])}>
              Add a status
            </Button>
          </fieldset>
        ) : null}
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          Enabled
        </label>
        <Button type="submit" pending={pending}>
          {initial ? (pending ? "Saving…" : "Save integration") : pending ? "Adding…" : "Add integration"}
        </Button>
      </form>
    </div>
  );
}
