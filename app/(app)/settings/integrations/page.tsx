import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { teamOptions } from "../team-options";
import { IntegrationForm } from "./integration-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableHead } from "@/components/ui/table-parts";
import { requirePageUser } from "@/lib/auth/session";
import { listTicketIntegrations } from "@/lib/integrations/queries";
import { TICKET_PROVIDER_LABELS } from "@/lib/integrations/schemas";
import { orgTeamTree } from "@/lib/org/queries";
import { can } from "@/lib/permissions";
import { canManageWebhooks } from "@/lib/webhooks/access";

export const metadata: Metadata = { title: "Ticket sync" };

export default async function TicketSyncPage() {
  const user = await requirePageUser();
  if (!canManageWebhooks(user)) redirect("/forbidden");
  const [integrations, teams] = await Promise.all([listTicketIntegrations(user), orgTeamTree(user.organizationId)]);
  const manageable = teamOptions(teams).filter((option) => can(user, "webhook.manage", option.id));
  return (
    <>
      <PageHeader
        title="Ticket sync"
        description="Push corrective actions to GitHub Issues or Jira as tickets. Closing a ticket marks its action done in Andon (verification stays here); Andon reopening or finishing an action moves its ticket."
      />
      <div className="space-y-6">
        {integrations.length === 0 ? (
          <EmptyState title="No ticket system connected yet">
            <p>Add one below for a team: its actions, and those of the teams below it, get a “Create ticket” button.</p>
          </EmptyState>
        ) : (
          <Card>
            <CardHeader title="Integrations" description="Open one for its inbound webhook URL and the tickets whose sync is failing." />
            <Table caption="Ticket integrations">
              <TableHead columns={["Team", "Ticket system", "Where", "Tickets", "Status"]} />
              <TableBody>
                {integrations.map((integration) => (
                  <tr key={integration.id}>
                    <Td>
                      <Link className="font-medium text-indigo-700 hover:underline" href={`/settings/integrations/${integration.id}`}>
                        {integration.team.name}
                      </Link>
                    </Td>
                    <Td>{TICKET_PROVIDER_LABELS[integration.provider]}</Td>
                    <Td className="max-w-xs break-all font-mono text-xs">
                      {integration.provider === "GITHUB" ? integration.repository : `${integration.projectKey} · ${integration.baseUrl}`}
                    </Td>
                    <Td>{integration._count.tickets}</Td>
                    <Td>{integration.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}</Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </Card>
        )}
        <Card>
          <CardHeader
            title="Connect a ticket system"
            description="One per team. The API token and the webhook secret are stored encrypted (ANDON_ENCRYPTION_KEY) and never shown again."
          />
          <CardBody>
            <IntegrationForm teams={manageable} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
