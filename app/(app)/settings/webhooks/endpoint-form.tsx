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
import { createWebhookEndpointAction, updateWebhookEndpointAction } from "@/lib/webhooks/actions";
import { WEBHOOK_FORMAT_LABELS, WEBHOOK_FORMATS, webhookEndpointInputSchema, type WebhookEndpointInput } from "@/lib/webhooks/schemas";

export type EventGroup = { name: string; types: { type: string; description: string }[] };

type Initial = { endpointId: string; version: number } & Required<Omit<WebhookEndpointInput, "teamId">> & { teamId: string };

/**
 * Adds or edits an endpoint: URL, description, format, team subtree, the event types as a
 * checkbox tree grouped by subject ("Every event" sends all, including types added later), and
 * the weekly digest, which is its own option rather than an event type.
 */
export function EndpointForm({
  teams,
  allowOrganizationWide,
  eventGroups,
  initial,
}: {
  teams: TeamOption[];
  allowOrganizationWide: boolean;
  eventGroups: EventGroup[];
  initial?: Initial;
}) {
  const [url, setUrl] = useState(initial?.url ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [format, setFormat] = useState<(typeof WEBHOOK_FORMATS)[number]>(initial?.format ?? "RAW");
  const [teamId, setTeamId] = useState(initial?.teamId ?? (allowOrganizationWide ? "" : (teams[0]?.id ?? "")));
  const [everyEvent, setEveryEvent] = useState((initial?.eventTypes.length ?? 0) === 0);
  const [selected, setSelected] = useState<Set<string>>(new Set(initial?.eventTypes ?? []));
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [weeklyDigest, setWeeklyDigest] = useState(initial?.weeklyDigest ?? false);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const { fieldErrors, error, success, pending, submit } = useActionForm();

  const toggle = (types: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const type of types) {
        if (on) next.add(type);
        else next.delete(type);
      }
      return next;
    });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: WebhookEndpointInput = {
      url,
      description,
      format,
      teamId,
      enabled,
      weeklyDigest,
      eventTypes: everyEvent ? [] : ([...selected] as WebhookEndpointInput["eventTypes"]),
    };
    if (initial) {
      submit({
        schema: webhookEndpointInputSchema,
        input: { ...input, endpointId: initial.endpointId, version: initial.version },
        action: updateWebhookEndpointAction,
        onSuccess: () => ({ success: "Saved." }),
      });
    } else {
      submit({
        schema: webhookEndpointInputSchema,
        input,
        action: createWebhookEndpointAction,
        onSuccess: (data) => {
          setCreated(data);
          setUrl("");
          setDescription("");
        },
      });
    }
  }

  return (
    <div className="space-y-4">
      {created ? (
        <SecretReveal title="Copy the signing secret now" label="Signing secret" secret={created.secret} onDismiss={() => setCreated(null)}>
          <p>
            This is the only time Andon shows it. Your receiver verifies each message&apos;s webhook-signature header with it (see the README&apos;s Webhooks
            section).
          </p>
          <p>
            <Link className="font-medium text-indigo-700 hover:underline" href={`/settings/webhooks/${created.id}`}>
              Open the endpoint
            </Link>{" "}
            to send a test event and watch its delivery log.
          </p>
        </SecretReveal>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <FormAlerts error={error} success={success} />
        <div className="grid gap-4 md:grid-cols-2">
          <FormField label="URL" hint="Where Andon POSTs the events (http or https)." errors={fieldErrors.url}>
            <input className={inputClasses} name="url" type="url" required maxLength={2000} value={url} onChange={(event) => setUrl(event.target.value)} />
          </FormField>
          <FormField label="Description" hint="What receives it, e.g. “#payments-oncall Slack”." errors={fieldErrors.description}>
            <input className={inputClasses} name="description" maxLength={200} value={description} onChange={(event) => setDescription(event.target.value)} />
          </FormField>
          <FormField
            label="Format"
            hint={
              format === "RAW"
                ? "Signed per Standard Webhooks with the endpoint's secret."
                : "Chat services do not verify signatures: these messages are sent unsigned."
            }
            errors={fieldErrors.format}
          >
            <select className={inputClasses} name="format" value={format} onChange={(event) => setFormat(event.target.value as typeof format)}>
              {WEBHOOK_FORMATS.map((value) => (
                <option key={value} value={value}>
                  {WEBHOOK_FORMAT_LABELS[value]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Events of" hint="A team's endpoint gets the events of that team and every team below it." errors={fieldErrors.teamId}>
            <select className={inputClasses} name="teamId" value={teamId} onChange={(event) => setTeamId(event.target.value)}>
              {allowOrganizationWide ? <option value="">The whole organization</option> : null}
              <TeamSelectOptions options={teams} />
            </select>
          </FormField>
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">Event types</legend>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={everyEvent} onChange={(event) => setEveryEvent(event.target.checked)} />
            Every event (including types added later)
          </label>
          {fieldErrors.eventTypes ? (
            <p className="text-sm text-red-700" role="alert">
              {fieldErrors.eventTypes.join(" ")}
            </p>
          ) : null}
          {everyEvent ? null : (
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {eventGroups.map((group) => {
                const types = group.types.map((entry) => entry.type);
                const all = types.every((type) => selected.has(type));
                return (
                  <fieldset key={group.name} className="rounded-md border border-slate-200 p-3">
                    <legend className="px-1 text-sm font-semibold text-slate-900">
                      <label className="flex items-center gap-2">
                        <input type="checkbox" checked={all} onChange={(event) => toggle(types, event.target.checked)} />
                        {group.name}.*
                      </label>
                    </legend>
                    <ul className="mt-1 space-y-1">
                      {group.types.map((entry) => (
                        <li key={entry.type}>
                          <label className="flex items-start gap-2 text-sm text-slate-700" title={entry.description}>
                            <input
                              className="mt-1"
                              type="checkbox"
                              checked={selected.has(entry.type)}
                              onChange={(event) => toggle([entry.type], event.target.checked)}
                            />
                            <code className="font-mono text-xs leading-6">{entry.type}</code>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </fieldset>
                );
              })}
            </div>
          )}
        </fieldset>
        <div>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="weeklyDigest"
              aria-describedby="weekly-digest-hint"
              checked={weeklyDigest}
              onChange={(event) => setWeeklyDigest(event.target.checked)}
            />
            Weekly digest
          </label>
          <p id="weekly-digest-hint" className="ml-6 text-sm text-slate-600">
            Once a week, when a review agenda of {teamId ? "this team or a team below it" : "any team"} is announced: the overdue corrective actions, the
            week&apos;s new COEs and the metric breaches of {teamId ? "the team's subtree" : "the organization"} (event type{" "}
            <code className="font-mono text-xs">review.weekly_digest</code>, whatever event types are chosen above).
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          Enabled
        </label>
        <Button type="submit" pending={pending}>
          {initial ? (pending ? "Saving…" : "Save endpoint") : pending ? "Adding…" : "Add endpoint"}
        </Button>
      </form>
    </div>
  );
}
