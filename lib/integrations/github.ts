import { ticketRequest, type TicketHttp } from "@/lib/integrations/ticket-http";
import { isFinished, stateChangeComment, ticketDescription, type ActionForTicket, type TicketLinks } from "@/lib/integrations/ticket-content";

/**
 * The GitHub REST API (v3) subset Andon uses: create an issue, close or reopen it, comment on it.
 * https://docs.github.com/en/rest/issues/issues — token: a fine-grained token with Issues read/write
 * on the repository (or a classic token with the repo scope).
 */
export type GithubTarget = { baseUrl: string; repository: string; token: string };

export type RemoteTicket = { externalId: string; key: string; url: string; closed: boolean; status: string | null };

const LABEL = "GitHub";

function headers(target: GithubTarget): Record<string, string> {
  return { accept: "application/vnd.github+json", authorization: `Bearer ${target.token}`, "x-github-api-version": "2022-11-28" };
}

const issuesUrl = (target: GithubTarget) => `${target.baseUrl}/repos/${target.repository}/issues`;

type Issue = { number: number; html_url: string; state: "open" | "closed" };

export async function createGithubIssue(target: GithubTarget, action: ActionForTicket, links: TicketLinks, http: TicketHttp): Promise<RemoteTicket> {
  const body = ticketDescription(action, links)
    .map((line) => (line.href ? `[${line.text}](${line.href})` : line.text))
    .join("\n\n");
  const issue = await ticketRequest<Issue>(LABEL, "POST", issuesUrl(target), headers(target), { title: action.title, body }, http);
  return { externalId: String(issue.number), key: `${target.repository}#${issue.number}`, url: issue.html_url, closed: issue.state === "closed", status: null };
}

/** Closes (completed, or not planned for won't do) or reopens the issue, then says why in a comment. */
export async function setGithubIssueClosed(
  target: GithubTarget,
  issueNumber: string,
  action: ActionForTicket,
  links: TicketLinks,
  http: TicketHttp,
): Promise<{ closed: boolean; status: string | null }> {
  const closed = isFinished(action.status);
  const change = closed
    ? { state: "closed", state_reason: action.status === "WONT_DO" ? "not_planned" : "completed" }
    : { state: "open", state_reason: "reopened" };
  const issue = await ticketRequest<Issue>(LABEL, "PATCH", `${issuesUrl(target)}/${issueNumber}`, headers(target), change, http);
  await ticketRequest(LABEL, "POST", `${issuesUrl(target)}/${issueNumber}/comments`, headers(target), { body: stateChangeComment(action, links) }, http);
  return { closed: issue.state === "closed", status: null };
}
