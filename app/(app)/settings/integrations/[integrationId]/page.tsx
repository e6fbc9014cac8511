import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { teamOptions } from "../../team-options";
import { IntegrationForm } from "../integration-form";
import { DeleteIntegrationButton } from "./delete-integration-button";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { failingTickets, getTicketIntegration } from "@/lib/integrations/queries";
import { TICKET_PROVIDER_LABELS, type MappableStatus } from "@/lib/integrations/schemas";
import { orgTeamTree } from "@/lib/org/queries";
import { can } from "@/lib/permissions";
import { canManageWebhooks } from "@/lib/webhooks/access";
import { publicBaseUrl } from "@/lib/webhooks/delivery";

export const metadata: Metadata = { title: "Ticket integration" };

export default async function TicketIntegrationPage({ params }: { params: Promise<{ integrationId: string }> }) {
  const user = await requirePageUser();
  if (!canManageWebhooks(user)) redirect("/forbidden");
  const { integrationId } = await params;
  const integration = await getTicketIntegration(user, integrationId);
  if (!integration) notFound();
  const [failing, teams] = await Promise.all([failingTickets(user, integration.id), orgTeamTree(user.organizationId)]);
  const github = integration.provider === "GITHUB";
  const inboundUrl = `${publicBaseUrl()}/api/integrations/${github ? "github" : "jira"}?integration=${integration.id}`;
  return (
    <>
      <BackLink href="/settings/integrations" label="Ticket sync" />
      <PageHeader
        title={`${TICKET_PROVIDER_LABELS[integration.provider]} for ${integration.team.name}`}
        description={github ? (integration.repository ?? undefined) : `${integration.projectKey} on ${integration.baseUrl}`}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Status back to Andon" description="Add this webhook in the ticket system so closing or reopening a ticket moves its action." />
          <CardBody className="space-y-3 text-sm text-slate-800">
            <p>
              <span className="font-medium">Webhook URL: </span>
              <code className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs" data-testid="inbound-url">
                {inboundUrl}
              </code>
            </p>
            {github ? (
              <ol className="list-decimal space-y-1 pl-5">
                <li>In the repository: Settings → Webhooks → Add webhook.</li>
                <li>Payload URL: the URL above; content type application/json; secret: the webhook secret shown when you added the integration.</li>
                <li>Events: “Let me select individual events” → Issues.</li>
              </ol>
            ) : (
              <ol className="list-decimal space-y-1 pl-5">
                <li>In Jira: Settings → System → WebHooks → Create a WebHook (a Jira admin).</li>
                <li>URL: the URL above; secret: the webhook secret shown when you added the integration (Jira signs with it).</li>
                <li>Events: Issue → updated, with a JQL filter such as project = {integration.projectKey}.</li>
              </ol>
            )}
            <p className="text-slate-600">Repeated deliveries are ignored; a change Andon itself made is never sent back.</p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Tickets whose sync is failing"
            description="They are retried (5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h); each action shows its failure with a Retry."
          />
          <CardBody>
            {failing.length === 0 ? (
              <p className="text-sm text-slate-600">None: every ticket is in step.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {failing.map((ticket) => (
                  <li key={ticket.id}>
                    <Link className="font-medium text-indigo-700 hover:underline" href={`/actions/${ticket.action.id}`}>
                      {ticket.action.title}
                    </Link>{" "}
                    {ticket.key ? <span className="font-mono text-xs text-slate-600">{ticket.key}</span> : null}
                    <p className="text-red-700">{ticket.syncError}</p>
                    <p className="text-xs text-slate-600">
                      Failing since {ticket.failingSince ? <DateTime value={ticket.failingSince} /> : "—"}
                      {ticket.nextSyncAt ? (
                        <>
                          {" "}
                          · next try <DateTime value={ticket.nextSyncAt} />
                        </>
                      ) : null}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Settings" />
          <CardBody className="space-y-6">
            <IntegrationForm
              teams={teamOptions(teams).filter((option) => can(user, "webhook.manage", option.id))}
              initial={{
                integrationId: integration.id,
                version: integration.version,
                provider: integration.provider,
                teamId: integration.teamId,
                baseUrl: integration.baseUrl,
                repository: integration.repository ?? "",
                jiraEmail: integration.jiraEmail ?? "",
                projectKey: integration.projectKey ?? "",
                issueType: integration.issueType ?? "",
                statusMapping: integration.statusMapping as Record<string, MappableStatus>,
                enabled: integration.enabled,
              }}
            />
            <DeleteIntegrationButton integrationId={integration.id} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
