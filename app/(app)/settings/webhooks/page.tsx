import type { Metadata } from "next";
import Link from "next/link";
import { teamOptions } from "../team-options";
import { EndpointForm } from "./endpoint-form";
import { eventGroups } from "./event-groups";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableHead } from "@/components/ui/table-parts";
import { requirePageUser } from "@/lib/auth/session";
import { redirect } from "next/navigation";
import { orgTeamTree } from "@/lib/org/queries";
import { can } from "@/lib/permissions";
import { canManageWebhooks } from "@/lib/webhooks/access";
import { listWebhookEndpoints } from "@/lib/webhooks/queries";
import { WEBHOOK_FORMAT_LABELS } from "@/lib/webhooks/schemas";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const user = await requirePageUser();
  if (!canManageWebhooks(user)) redirect("/forbidden");
  const [endpoints, teams] = await Promise.all([listWebhookEndpoints(user), orgTeamTree(user.organizationId)]);
  const manageable = teamOptions(teams).filter((option) => can(user, "webhook.manage", option.id));
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Send Andon's events (COEs, corrective actions, reviews, cords, findings…) to your systems as signed Standard Webhooks, or as short messages to Slack, Microsoft Teams or Google Chat."
      />
      <div className="space-y-6">
        {endpoints.length === 0 ? (
          <EmptyState title="No webhook endpoints yet">
            <p>Add one below: a URL that receives the events of your organization or of one team&apos;s subtree.</p>
          </EmptyState>
        ) : (
          <Card>
            <CardHeader title="Endpoints" description="Open one to send a test event, read its delivery log and redeliver messages." />
            <Table caption="Webhook endpoints">
              <TableHead columns={["Endpoint", "Format", "Events of", "Event types", "Status"]} />
              <TableBody>
                {endpoints.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <Td className="max-w-xs">
                      <Link className="font-medium text-indigo-700 hover:underline" href={`/settings/webhooks/${endpoint.id}`}>
                        {endpoint.description || endpoint.url}
                      </Link>
                      {endpoint.description ? <p className="truncate font-mono text-xs text-slate-600">{endpoint.url}</p> : null}
                    </Td>
                    <Td>{WEBHOOK_FORMAT_LABELS[endpoint.format]}</Td>
                    <Td>{endpoint.team?.name ?? "Whole organization"}</Td>
                    <Td>
                      {endpoint.eventTypes.length === 0 ? "Every event" : `${endpoint.eventTypes.length} types`}
                      {endpoint.weeklyDigest ? " + weekly digest" : ""}
                    </Td>
                    <Td>
                      {endpoint.enabled ? (
                        endpoint.failingSince ? (
                          <Badge tone="amber">Failing</Badge>
                        ) : (
                          <Badge tone="green">Enabled</Badge>
                        )
                      ) : (
                        <Badge tone="red">Disabled</Badge>
                      )}
                    </Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </Card>
        )}
        <Card>
          <CardHeader title="Add an endpoint" description="The signing secret is shown once, right after you add the endpoint." />
          <CardBody>
            <EndpointForm teams={manageable} allowOrganizationWide={user.isAdmin} eventGroups={eventGroups()} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
