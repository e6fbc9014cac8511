// Ticket sync against fake GitHub and Jira servers (real HTTP on loopback, allow-listed): create the
// ticket, a close in the ticket system makes the action done (not verified), Andon reopening or
// finishing the action moves the ticket, and nothing loops back. Inbound deliveries go through the
// route handlers with signed bodies.
import { createHmac } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST as githubInbound } from "@/app/api/integrations/github/route";
import { POST as jiraInbound } from "@/app/api/integrations/jira/route";
import { changeCorrectiveActionStatus } from "@/lib/actions/mutations";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { createTicketIntegration, requestTicket, requestTicketsForCoe, retryTicketSync } from "@/lib/integrations/mutations";
import { runTicketSyncPass } from "@/lib/integrations/sync";
import { startFakeGithub, startFakeJira } from "@/lib/integrations/test-ticket-servers";
import { fanOutEvents } from "@/lib/webhooks/delivery";

afterAll(() => testDb.$disconnect());

const allowedHosts = ["127.0.0.1"];
const sync = () => runTicketSyncPass({ allowedHosts });
/** What the job does after a change: fan the outbox out (marking tickets due), then sync. */
const afterChange = async () => {
  while ((await fanOutEvents()) > 0);
  return sync();
};
const actionOf = (id: string) =>
  testDb.correctiveAction.findUniqueOrThrow({
    where: { id },
    select: { status: true, version: true, evidence: true, completedBy: { select: { name: true } } },
  });
const ticketOf = (actionId: string) => testDb.externalTicket.findUniqueOrThrow({ where: { actionId } });

function signed(secret: string, body: string, header: string, extra: Record<string, string>) {
  return { [header]: `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`, "content-type": "application/json", ...extra };
}

async function github(integrationId: string, secret: string, event: string, deliveryId: string, payload: unknown, signature?: string) {
  const body = JSON.stringify(payload);
  const headers = signed(secret, body, "x-hub-signature-256", { "x-github-event": event, "x-github-delivery": deliveryId });
  if (signature) headers["x-hub-signature-256"] = signature;
  const response = await githubInbound(
    new Request(`http://andon.test/api/integrations/github?integration=${integrationId}`, { method: "POST", headers, body }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("ticket sync with GitHub Issues", () => {
  it("creates the issue, takes a close back as done, sends Andon's reopen and done, never loops, ignores repeats", async () => {
    const world = await actionWorld();
    const fake = await startFakeGithub({ token: "ghp_test_token", repository: "acme/operations" });
    try {
      const { id: integrationId, webhookSecret } = await createTicketIntegration(world.users.retailManager, {
        provider: "GITHUB",
        teamId: world.teams.retail.id,
        baseUrl: fake.apiUrl,
        repository: "acme/operations",
        token: "ghp_test_token",
        webhookSecret: "",
        enabled: true,
      });
      const stored = await testDb.ticketIntegration.findUniqueOrThrow({ where: { id: integrationId } });
      expect(stored.tokenEncrypted).not.toContain("ghp_test_token");
      expect(stored.webhookSecretEncrypted).not.toContain(webhookSecret);

      // Payments inherits Retail's integration.
      const action = await world.action("Add a timeout alarm on card payments", 10);
      await requestTicket(world.users.owner, action.id);
      expect(await sync()).toMatchObject({ created: 1, failed: 0 });
      const issue = fake.issues.get(1)!;
      expect(issue.title).toBe("Add a timeout alarm on card payments");
      expect(issue.body).toContain(`/actions/${action.id}`);
      expect(issue.body).toContain(`/coes/${world.coe.id}`);
      expect(await ticketOf(action.id)).toMatchObject({
        key: "acme/operations#1",
        url: "https://github.example/acme/operations/issues/1",
        remoteClosed: false,
        syncError: null,
      });

      // Closed in GitHub → done in Andon, attributed to GitHub, not verified.
      const closed = {
        action: "closed",
        issue: { number: 1, html_url: "https://github.example/acme/operations/issues/1" },
        repository: { full_name: "acme/operations" },
        sender: { login: "dana" },
      };
      expect((await github(integrationId, webhookSecret, "issues", "delivery-1", closed)).status).toBe(200);
      const done = await actionOf(action.id);
      expect(done).toMatchObject({ status: "DONE", completedBy: { name: "GitHub" } });
      expect(done.evidence).toContain("Closed in GitHub by @dana");
      const writesAfterClose = fake.writes().length;
      expect(await afterChange()).toMatchObject({ updated: 0, failed: 0 });
      expect(fake.writes()).toHaveLength(writesAfterClose); // not sent back

      // The same delivery again is ignored; a forged one refused.
      expect((await github(integrationId, webhookSecret, "issues", "delivery-1", closed)).body).toEqual({ duplicate: true });
      expect((await github(integrationId, webhookSecret, "issues", "delivery-9", closed, "sha256=00")).status).toBe(401);

      // Reopened in Andon → reopened in GitHub with a comment; GitHub's own "reopened" delivery then changes nothing.
      await changeCorrectiveActionStatus(world.users.owner, { actionId: action.id, version: done.version, status: "IN_PROGRESS" });
      expect(await afterChange()).toMatchObject({ updated: 1 });
      expect(issue.state).toBe("open");
      const reopenWrites = fake.writes().slice(writesAfterClose);
      expect(reopenWrites.map((request) => `${request.method} ${request.path}`)).toEqual([
        "PATCH /repos/acme/operations/issues/1",
        "POST /repos/acme/operations/issues/1/comments",
      ]);
      expect((reopenWrites[1]!.body as { body: string }).body).toContain("Reopened in Andon");
      const echo = await github(integrationId, webhookSecret, "issues", "delivery-2", { ...closed, action: "reopened" });
      expect(echo.body).toMatchObject({ unchanged: "IN_PROGRESS" });
      expect(await afterChange()).toMatchObject({ updated: 0 });

      // Done in Andon with evidence → closed as completed, the evidence in a comment.
      const current = await actionOf(action.id);
      await changeCorrectiveActionStatus(world.users.owner, {
        actionId: action.id,
        version: current.version,
        status: "DONE",
        evidence: "https://github.example/acme/operations/pull/7",
      });
      expect(await afterChange()).toMatchObject({ updated: 1 });
      expect(issue).toMatchObject({ state: "closed", state_reason: "completed" });
      expect(JSON.stringify(fake.writes().at(-1)!.body)).toContain("pull/7");
      expect((await actionOf(action.id)).status).toBe("DONE");
    } finally {
      await fake.close();
    }
  });

  it("shows a failure on the ticket and keeps it due; a retry after the fix creates it once, also with two workers at once", async () => {
    const world = await actionWorld();
    const fake = await startFakeGithub({ token: "ghp_right", repository: "acme/ops" });
    try {
      await createTicketIntegration(world.users.paymentsManager, {
        provider: "GITHUB",
        teamId: world.teams.payments.id,
        baseUrl: fake.apiUrl,
        repository: "acme/ops",
        token: "ghp_right",
        webhookSecret: "",
        enabled: true,
      });
      const actions = await Promise.all([1, 2, 3, 4, 5].map((n) => world.action(`Action ${n}`, n)));
      fake.state.failWith = { status: 401, body: { message: "Bad credentials" } };
      await requestTicket(world.users.owner, actions[0]!.id);
      expect(await sync()).toMatchObject({ failed: 1 });
      const failing = await ticketOf(actions[0]!.id);
      expect(failing.syncError).toBe("401 from GitHub: Bad credentials");
      expect(failing.nextSyncAt).not.toBeNull();
      expect(await sync()).toMatchObject({ failed: 0, created: 0 }); // the 5 s retry step has not come yet

      fake.state.failWith = null;
      await retryTicketSync(world.users.owner, actions[0]!.id);
      expect(await requestTicketsForCoe(world.users.owner, world.coe.id)).toMatchObject({ withoutIntegration: 0 });
      const [first, second] = await Promise.all([sync(), sync()]);
      expect(first.created + second.created).toBe(5);
      expect(fake.issues.size).toBe(5);
      expect(new Set([...fake.issues.values()].map((issue) => issue.title)).size).toBe(5);
      expect(await ticketOf(actions[0]!.id)).toMatchObject({ syncError: null, attemptCount: 0, nextSyncAt: null });
    } finally {
      await fake.close();
    }
  });
});

describe("ticket sync with Jira", () => {
  it("creates the issue assigned to the owner, takes Done back, transitions on Andon's reopen, no loop", async () => {
    const world = await actionWorld();
    const owner = await testDb.user.findUniqueOrThrow({ where: { id: world.users.owner.userId }, select: { email: true } });
    const fake = await startFakeJira({
      email: "bot@acme.test",
      token: "jira-token",
      projectKey: "OPS",
      users: [{ accountId: "acc-olu", emailAddress: owner.email }],
    });
    try {
      const { id: integrationId } = await createTicketIntegration(world.users.paymentsManager, {
        provider: "JIRA",
        teamId: world.teams.payments.id,
        baseUrl: fake.siteUrl,
        jiraEmail: "bot@acme.test",
        projectKey: "OPS",
        issueType: "Task",
        statusMapping: { "To Do": "OPEN", "In Progress": "IN_PROGRESS", Done: "DONE" },
        token: "jira-token",
        webhookSecret: "jira-shared-secret",
        enabled: true,
      });
      const action = await world.action("Rotate the payment gateway certificate", 7);
      await requestTicket(world.users.owner, action.id);
      expect(await sync()).toMatchObject({ created: 1 });
      const [issueId, issue] = [...fake.issues.entries()][0]!;
      expect(issue.fields).toMatchObject({
        summary: "Rotate the payment gateway certificate",
        issuetype: { name: "Task" },
        assignee: { accountId: "acc-olu" },
      });
      expect(await ticketOf(action.id)).toMatchObject({ key: "OPS-1", externalId: issueId, url: `${fake.siteUrl}/browse/OPS-1` });

      // Moved to Done in Jira (admin webhook with a secret: X-Hub-Signature).
      issue.status = "Done";
      const body = JSON.stringify({
        webhookEvent: "jira:issue_updated",
        issue: { id: issueId, key: "OPS-1", fields: { status: { name: "Done", statusCategory: { key: "done" } } } },
        user: { displayName: "Dana Developer" },
        changelog: { items: [{ field: "status", fromString: "To Do", toString: "Done" }] },
      });
      const deliver = (identifier: string) =>
        jiraInbound(
          new Request(`http://andon.test/api/integrations/jira?integration=${integrationId}`, {
            method: "POST",
            headers: signed("jira-shared-secret", body, "x-hub-signature", { "x-atlassian-webhook-identifier": identifier }),
            body,
          }),
        );
      expect((await deliver("jira-1")).status).toBe(200);
      const done = await actionOf(action.id);
      expect(done).toMatchObject({ status: "DONE", completedBy: { name: "Jira" } });
      expect(done.evidence).toContain("Closed in Jira by Dana Developer");
      const writes = fake.writes().length;
      expect(await afterChange()).toMatchObject({ updated: 0 });
      expect(fake.writes()).toHaveLength(writes);
      expect(await (await deliver("jira-1")).json()).toEqual({ duplicate: true });

      // Reopened in Andon: Jira's Reopen transition (to In Progress) and a comment.
      await changeCorrectiveActionStatus(world.users.owner, { actionId: action.id, version: done.version, status: "IN_PROGRESS" });
      expect(await afterChange()).toMatchObject({ updated: 1 });
      expect(issue.status).toBe("In Progress");
      expect(
        fake
          .writes()
          .slice(writes)
          .map((request) => `${request.method} ${request.path}`),
      ).toEqual([`POST /rest/api/3/issue/${issueId}/transitions`, `POST /rest/api/3/issue/${issueId}/comment`]);
      expect(await ticketOf(action.id)).toMatchObject({ remoteClosed: false, remoteStatus: "In Progress" });
    } finally {
      await fake.close();
    }
  });
});
