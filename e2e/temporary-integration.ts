import { randomUUID } from "node:crypto";
import type { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID } from "../prisma/seed/constants";
import { createTeam } from "../prisma/seed/factories";

/**
 * The demo seed holds no ticket integration, so the pages that scan every page (axe, 390 px) make one
 * on a team of their own (one integration per team: the demo teams are left to the ticket specs) and
 * remove both afterwards. The secrets are placeholders: no page decrypts them.
 */
export async function temporaryIntegration(db: ReturnType<typeof createScriptClient>) {
  const team = await createTeam(db, DEMO_ORG_ID, { name: `Integration pages ${randomUUID().slice(0, 6)}` });
  const integration = await db.ticketIntegration.create({
    data: {
      organizationId: DEMO_ORG_ID,
      teamId: team.id,
      provider: "JIRA",
      baseUrl: "https://acme.atlassian.net",
      jiraEmail: "ops@example.com",
      projectKey: "OPS",
      issueType: "Task",
      tokenEncrypted: "placeholder",
      webhookSecretEncrypted: "placeholder",
    },
  });
  return {
    path: `/settings/integrations/${integration.id}`,
    remove: async () => {
      await db.ticketIntegration.delete({ where: { id: integration.id } });
      await db.team.delete({ where: { id: team.id } });
    },
  };
}
