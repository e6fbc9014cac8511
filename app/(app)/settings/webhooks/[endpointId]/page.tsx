import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { teamOptions } from "../../team-options";
import { EndpointForm } from "../endpoint-form";
import { eventGroups } from "../event-groups";
import { EndpointButtons, RedeliverButton } from "./endpoint-buttons";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClasses } from "@/components/ui/form-field";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { orgTeamTree } from "@/lib/org/queries";
import { can } from "@/lib/permissions";
import { canManageWebhooks } from "@/lib/webhooks/access";
import { deliveredEventTypes, getWebhookEndpoint, listDeliveries } from "@/lib/webhooks/queries";
import { deliveryLogFilterSchema, MESSAGE_STATUS_LABELS, MESSAGE_STATUSES, WEBHOOK_FORMAT_LABELS } from "@/lib/webhooks/schemas";

export const metadata: Metadata = { title: "Webhook endpoint" };

const STATUS_TONE = { PENDING: "amber", SUCCEEDED: "green", EXHAUSTED: "red" } as const;

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ endpointId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  if (!canManageWebhooks(user)) redirect("/forbidden");
  const { endpointId } = await params;
  const endpoint = await getWebhookEndpoint(user, endpointId);
  if (!endpoint) notFound();
  const filter = deliveryLogFilterSchema.parse(await searchParams);
  const [log, eventTypes, teams] = await Promise.all([
    listDeliveries(user, endpoint.id, filter),
    deliveredEventTypes(user, endpoint.id),
    orgTeamTree(user.organizationId),
  ]);
  const manageable = teamOptions(teams).filter((option) => can(user, "webhook.manage", option.id));
  const query = (page: number) => {
    const search = new URLSearchParams();
    if (filter.status) search.set("status", filter.status);
    if (filter.eventType) search.set("eventType", filter.eventType);
    if (page > 1) search.set("page", String(page));
    const text = search.toString();
    return `/settings/webhooks/${endpoint.id}${text ? `?${text}` : ""}`;
  };
  return (
    <>
      <BackLink href="/settings/webhooks" label="Webhooks" />
      <PageHeader title={endpoint.description || "Webhook endpoint"} description={endpoint.url} />
      <div className="space-y-6">
        {!endpoint.enabled ? (
          <Alert tone="warning" title="This endpoint is disabled">
            {endpoint.disabledReason ?? "Someone disabled it."} Enable it below to resume deliveries; waiting messages are then sent.
          </Alert>
        ) : endpoint.failingSince ? (
          <Alert tone="warning" title="Deliveries are failing">
            Since <DateTime value={endpoint.failingSince} />. After 5 days of failures the endpoint is disabled and you are notified.
          </Alert>
        ) : null}
        <Card>
          <CardHeader
            title="Endpoint"
            description={
              endpoint.format === "RAW"
                ? "Messages are signed (webhook-id, webhook-timestamp, webhook-signature headers, Standard Webhooks)."
                : `${WEBHOOK_FORMAT_LABELS[endpoint.format]}: chat services do not verify signatures, so these messages are sent unsigned.`
            }
          />
          <CardBody className="space-y-4">
            <EndpointButtons endpointId={endpoint.id} signed={endpoint.format === "RAW"} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Delivery log"
            description="Every message with its attempts: request, response status and the first 4 KB of the answer. Newest first."
          />
          <form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-3">
            <div>
              <label htmlFor="log-status" className="block text-sm font-medium text-slate-800">
                Status
              </label>
              <select id="log-status" name="status" defaultValue={filter.status ?? ""} className={`${inputClasses} mt-1.5`}>
                <option value="">Any</option>
                {MESSAGE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {MESSAGE_STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="log-event-type" className="block text-sm font-medium text-slate-800">
                Event type
              </label>
              <select id="log-event-type" name="eventType" defaultValue={filter.eventType ?? ""} className={`${inputClasses} mt-1.5`}>
                <option value="">Any</option>
                {eventTypes.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary">
              Filter
            </Button>
            {filter.status || filter.eventType ? (
              <ButtonLink href={`/settings/webhooks/${endpoint.id}`} variant="ghost">
                Clear
              </ButtonLink>
            ) : null}
          </form>
          {log.messages.length === 0 ? (
            <div className="p-5">
              <EmptyState title={filter.status || filter.eventType ? "No messages match" : "Nothing sent yet"}>
                <p>Send a test event, or wait for the next event this endpoint subscribes to.</p>
              </EmptyState>
            </div>
          ) : (
            <ul className="divide-y divide-slate-200" aria-label="Messages">
              {log.messages.map((message) => (
                <li key={message.id} className="px-5 py-3">
                  <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                    <code className="font-mono text-sm text-slate-900">{message.eventType}</code>
                    <Badge tone={STATUS_TONE[message.status]}>{MESSAGE_STATUS_LABELS[message.status]}</Badge>
                    <span className="text-sm text-slate-700">
                      {message.attemptCount} attempt{message.attemptCount === 1 ? "" : "s"}
                      {message.status === "PENDING" && message.nextAttemptAt ? (
                        <>
                          {" "}
                          · next <DateTime value={message.nextAttemptAt} />
                        </>
                      ) : null}
                    </span>
                    <span className="text-sm text-slate-700">
                      <DateTime value={message.createdAt} />
                    </span>
                    <span className="font-mono text-xs text-slate-600">webhook-id {message.id}</span>
                    <span className="ml-auto">
                      <RedeliverButton messageId={message.id} />
                    </span>
                  </div>
                  {message.attempts.length > 0 ? (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm font-medium text-indigo-700">Attempts</summary>
                      <ol className="mt-2 space-y-3">
                        {message.attempts.map((attempt) => (
                          <li key={attempt.id} className="rounded-md bg-slate-50 p-3 text-sm text-slate-800">
                            <p>
                              #{attempt.number} · <DateTime value={attempt.startedAt} /> · {attempt.durationMs} ms ·{" "}
                              {attempt.responseStatus !== null ? `HTTP ${attempt.responseStatus}` : attempt.error}
                              {attempt.succeeded ? " · delivered" : " · failed"}
                            </p>
                            <p className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-700">Request headers</p>
                            <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all font-mono text-xs">
                              {JSON.stringify(attempt.requestHeaders, null, 2)}
                            </pre>
                            <p className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-700">Request body</p>
                            <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all font-mono text-xs">{attempt.requestBody}</pre>
                            {attempt.responseBody ? (
                              <>
                                <p className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-700">Response body (first 4 KB)</p>
                                <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all font-mono text-xs">{attempt.responseBody}</pre>
                              </>
                            ) : null}
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {log.pageCount > 1 ? <Pagination page={filter.page} pageCount={log.pageCount} total={log.total} noun="message" hrefFor={query} /> : null}
        </Card>
        <Card>
          <CardHeader title="Settings" />
          <CardBody>
            <EndpointForm
              teams={manageable}
              allowOrganizationWide={user.isAdmin}
              eventGroups={eventGroups()}
              initial={{
                endpointId: endpoint.id,
                version: endpoint.version,
                url: endpoint.url,
                description: endpoint.description,
                format: endpoint.format,
                teamId: endpoint.teamId ?? "",
                eventTypes: endpoint.eventTypes as never[],
                enabled: endpoint.enabled,
                weeklyDigest: endpoint.weeklyDigest,
              }}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
