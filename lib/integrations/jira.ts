import { TicketApiError, ticketRequest, type TicketHttp } from "@/lib/integrations/ticket-http";
import { isFinished, stateChangeComment, ticketDescription, type ActionForTicket, type TicketLinks } from "@/lib/integrations/ticket-content";
import type { MappableStatus } from "@/lib/integrations/schemas";
import type { RemoteTicket } from "@/lib/integrations/github";

/**
 * The Jira Cloud REST API (v3) subset Andon uses: create an issue, read its status, move it with a
 * transition, comment, and find the owner's account by email.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/ — basic auth with
 * the account's email and an API token.
 */
export type JiraTarget = {
  baseUrl: string;
  email: string;
  token: string;
  projectKey: string;
  issueType: string;
  statusMapping: Record<string, MappableStatus>;
};

const LABEL = "Jira";

type JiraStatus = { name: string; statusCategory?: { key?: string } };

/** The Andon status a Jira status stands for: the team's mapping, else the status's category. */
export function andonStatusForJira(status: JiraStatus, mapping: Record<string, MappableStatus>): MappableStatus {
  const mapped = mapping[status.name];
  if (mapped) return mapped;
  const category = status.statusCategory?.key;
  return category === "done" ? "DONE" : category === "indeterminate" ? "IN_PROGRESS" : "OPEN";
}

function headers(target: JiraTarget): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${target.email}:${target.token}`).toString("base64")}` };
}

/** Atlassian Document Format: one paragraph per line, linked where the line has a link. */
function adf(lines: { text: string; href?: string }[]) {
  return {
    type: "doc",
    version: 1,
    content: lines.map((line) => ({
      type: "paragraph",
      content: [{ type: "text", text: line.text, ...(line.href ? { marks: [{ type: "link", attrs: { href: line.href } }] } : {}) }],
    })),
  };
}

/** The owner's Jira account, when exactly one account has their email (otherwise the ticket stays unassigned). */
async function accountIdFor(target: JiraTarget, email: string, http: TicketHttp): Promise<string | null> {
  try {
    const users = await ticketRequest<{ accountId: string; emailAddress?: string }[]>(
      LABEL,
      "GET",
      `${target.baseUrl}/rest/api/3/user/search?query=${encodeURIComponent(email)}`,
      headers(target),
      undefined,
      http,
    );
    const exact = users.filter((user) => user.emailAddress?.toLowerCase() === email.toLowerCase());
    const candidates = exact.length > 0 ? exact : users;
    return candidates.length === 1 ? candidates[0]!.accountId : null;
  } catch {
    return null; // the owner is "when mappable": a search the token may not run does not stop the ticket
  }
}

export async function createJiraIssue(target: JiraTarget, action: ActionForTicket, links: TicketLinks, http: TicketHttp): Promise<RemoteTicket> {
  const assignee = action.owner ? await accountIdFor(target, action.owner.email, http) : null;
  const fields = {
    project: { key: target.projectKey },
    issuetype: { name: target.issueType },
    summary: action.title.slice(0, 255),
    description: adf(ticketDescription(action, links)),
  };
  const create = (withAssignee: boolean) =>
    ticketRequest<{ id: string; key: string }>(
      LABEL,
      "POST",
      `${target.baseUrl}/rest/api/3/issue`,
      headers(target),
      { fields: withAssignee && assignee ? { ...fields, assignee: { accountId: assignee } } : fields },
      http,
    );
  let issue: { id: string; key: string };
  try {
    issue = await create(true);
  } catch (error) {
    // A project may not let that person be assigned: the ticket matters more than its assignee.
    if (!(assignee && error instanceof TicketApiError && error.status === 400 && /assignee/i.test(error.message))) throw error;
    issue = await create(false);
  }
  return { externalId: issue.id, key: issue.key, url: `${target.baseUrl}/browse/${issue.key}`, closed: false, status: null };
}

type Transition = { id: string; name: string; to: JiraStatus };

/**
 * Moves the issue to a status that matches the action (a done status when the action is finished,
 * else an open one — in progress first), unless it is there already; then comments why.
 */
export async function setJiraIssueClosed(
  target: JiraTarget,
  issueId: string,
  action: ActionForTicket,
  links: TicketLinks,
  http: TicketHttp,
): Promise<{ closed: boolean; status: string | null }> {
  const wantClosed = isFinished(action.status);
  const issueUrl = `${target.baseUrl}/rest/api/3/issue/${issueId}`;
  const current = await ticketRequest<{ fields: { status: JiraStatus } }>(LABEL, "GET", `${issueUrl}?fields=status`, headers(target), undefined, http);
  const currentStatus = andonStatusForJira(current.fields.status, target.statusMapping);
  if ((currentStatus === "DONE") === wantClosed) return { closed: wantClosed, status: current.fields.status.name };
  const { transitions } = await ticketRequest<{ transitions: Transition[] }>(LABEL, "GET", `${issueUrl}/transitions`, headers(target), undefined, http);
  const fits = (transition: Transition, status: MappableStatus) => andonStatusForJira(transition.to, target.statusMapping) === status;
  const chosen = wantClosed
    ? transitions.find((transition) => fits(transition, "DONE"))
    : (transitions.find((transition) => fits(transition, "IN_PROGRESS")) ?? transitions.find((transition) => fits(transition, "OPEN")));
  if (!chosen)
    throw new TicketApiError(
      `Jira offers no transition from “${current.fields.status.name}” to ${wantClosed ? "a done" : "an open"} status; check the status mapping of the integration.`,
    );
  await ticketRequest(LABEL, "POST", `${issueUrl}/transitions`, headers(target), { transition: { id: chosen.id } }, http);
  await ticketRequest(LABEL, "POST", `${issueUrl}/comment`, headers(target), { body: adf([{ text: stateChangeComment(action, links) }]) }, http);
  return { closed: wantClosed, status: chosen.to.name };
}
