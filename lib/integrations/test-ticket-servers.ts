// Fake GitHub and Jira servers for the ticket sync tests: real HTTP servers on loopback ports that
// implement the few documented endpoints Andon calls, check the request shapes the providers'
// documentation asks for, and record every request. Not a test file itself.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: unknown };
type Reply = { status: number; body?: unknown };
type Route = (request: RecordedRequest, match: RegExpMatchArray) => Reply;

async function serve(routes: [string, RegExp, Route][], guard: (request: RecordedRequest) => Reply | null) {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const request = {
        method: incoming.method ?? "GET",
        path: incoming.url ?? "/",
        headers: incoming.headers,
        body: text ? (JSON.parse(text) as unknown) : null,
      };
      requests.push(request);
      let reply = guard(request);
      if (!reply) {
        const route = routes.find(([method, pattern]) => method === request.method && pattern.test(request.path));
        reply = route ? route[2](request, request.path.match(route[1])!) : { status: 404, body: { message: "Not Found" } };
      }
      response.writeHead(reply.status, reply.body === undefined ? {} : { "content-type": "application/json" });
      response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const bad = (message: string): Reply => ({ status: 422, body: { message } });

/** GitHub REST v3: create an issue, update its state, comment (https://docs.github.com/en/rest/issues). */
export async function startFakeGithub(options: { token: string; repository: string }) {
  const issues = new Map<number, { title: string; body: string; state: "open" | "closed"; state_reason: string | null }>();
  const state = { failWith: null as Reply | null };
  const issueJson = (number: number) => ({
    number,
    html_url: `https://github.example/${options.repository}/issues/${number}`,
    state: issues.get(number)!.state,
  });
  const server = await serve(
    [
      [
        "POST",
        /^\/repos\/([^/]+\/[^/]+)\/issues$/,
        (request, match) => {
          const body = request.body as { title?: unknown; body?: unknown };
          if (match[1] !== options.repository) return { status: 404, body: { message: "Not Found" } };
          if (typeof body.title !== "string" || body.title === "") return bad("title is missing");
          if (typeof body.body !== "string") return bad("body must be a string");
          const number = issues.size + 1;
          issues.set(number, { title: body.title, body: body.body, state: "open", state_reason: null });
          return { status: 201, body: issueJson(number) };
        },
      ],
      [
        "PATCH",
        /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/,
        (request, match) => {
          const issue = issues.get(Number(match[1]));
          if (!issue) return { status: 404, body: { message: "Not Found" } };
          const body = request.body as { state?: unknown; state_reason?: unknown };
          if (body.state !== "open" && body.state !== "closed") return bad("state must be open or closed");
          if (body.state === "closed" && body.state_reason !== "completed" && body.state_reason !== "not_planned") return bad("state_reason");
          issue.state = body.state;
          issue.state_reason = typeof body.state_reason === "string" ? body.state_reason : null;
          return { status: 200, body: issueJson(Number(match[1])) };
        },
      ],
      [
        "POST",
        /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/,
        (request, match) =>
          issues.has(Number(match[1])) && typeof (request.body as { body?: unknown }).body === "string"
            ? { status: 201, body: { id: 1 } }
            : bad("body is missing"),
      ],
    ],
    (request) => {
      if (state.failWith) return state.failWith;
      if (request.headers.authorization !== `Bearer ${options.token}`) return { status: 401, body: { message: "Bad credentials" } };
      if (request.headers.accept !== "application/vnd.github+json" || !request.headers["user-agent"] || !request.headers["x-github-api-version"])
        return { status: 400, body: { message: "Accept, User-Agent and X-GitHub-Api-Version are required" } };
      return null;
    },
  );
  return { ...server, apiUrl: server.origin, issues, state, writes: () => server.requests.filter((request) => request.method !== "GET") };
}

type JiraStatus = { name: string; statusCategory: { key: string } };
const JIRA_STATUSES: Record<string, JiraStatus> = {
  "To Do": { name: "To Do", statusCategory: { key: "new" } },
  "In Progress": { name: "In Progress", statusCategory: { key: "indeterminate" } },
  Done: { name: "Done", statusCategory: { key: "done" } },
};
/** The workflow: which transitions each status offers (a simplified Jira Software workflow). */
const WORKFLOW: Record<string, { id: string; name: string; to: string }[]> = {
  "To Do": [
    { id: "21", name: "Start progress", to: "In Progress" },
    { id: "31", name: "Done", to: "Done" },
  ],
  "In Progress": [
    { id: "11", name: "Stop progress", to: "To Do" },
    { id: "31", name: "Done", to: "Done" },
  ],
  Done: [{ id: "41", name: "Reopen", to: "In Progress" }],
};

/** Jira Cloud REST v3: create, read status, transitions, comment, user search (https://developer.atlassian.com/cloud/jira/platform/rest/v3/). */
export async function startFakeJira(options: { email: string; token: string; projectKey: string; users: { accountId: string; emailAddress: string }[] }) {
  const issues = new Map<string, { key: string; fields: Record<string, unknown>; status: string; comments: unknown[] }>();
  const state = { failWith: null as Reply | null };
  const basic = `Basic ${Buffer.from(`${options.email}:${options.token}`).toString("base64")}`;
  const server = await serve(
    [
      [
        "GET",
        /^\/rest\/api\/3\/user\/search\?query=(.+)$/,
        (_request, match) => ({ status: 200, body: options.users.filter((user) => user.emailAddress === decodeURIComponent(match[1]!)) }),
      ],
      [
        "POST",
        /^\/rest\/api\/3\/issue$/,
        (request) => {
          const fields = (request.body as { fields?: Record<string, unknown> }).fields ?? {};
          const project = fields.project as { key?: string } | undefined;
          const description = fields.description as { type?: string; version?: number } | undefined;
          if (project?.key !== options.projectKey) return { status: 400, body: { errorMessages: [], errors: { project: "valid project is required" } } };
          if (!(fields.issuetype as { name?: string } | undefined)?.name) return { status: 400, body: { errors: { issuetype: "issue type is required" } } };
          if (typeof fields.summary !== "string") return { status: 400, body: { errors: { summary: "You must specify a summary of the issue." } } };
          if (description && (description.type !== "doc" || description.version !== 1))
            return { status: 400, body: { errors: { description: "Operation value must be an Atlassian Document." } } };
          const id = String(10000 + issues.size + 1);
          const key = `${options.projectKey}-${issues.size + 1}`;
          issues.set(id, { key, fields, status: "To Do", comments: [] });
          return { status: 201, body: { id, key, self: `${server.origin}/rest/api/3/issue/${id}` } };
        },
      ],
      [
        "GET",
        /^\/rest\/api\/3\/issue\/(\d+)\?fields=status$/,
        (_request, match) => {
          const issue = issues.get(match[1]!);
          return issue
            ? { status: 200, body: { id: match[1], key: issue.key, fields: { status: JIRA_STATUSES[issue.status] } } }
            : { status: 404, body: { errorMessages: ["Issue does not exist"] } };
        },
      ],
      [
        "GET",
        /^\/rest\/api\/3\/issue\/(\d+)\/transitions$/,
        (_request, match) => {
          const issue = issues.get(match[1]!);
          if (!issue) return { status: 404, body: { errorMessages: ["Issue does not exist"] } };
          return { status: 200, body: { transitions: WORKFLOW[issue.status]!.map((transition) => ({ ...transition, to: JIRA_STATUSES[transition.to] })) } };
        },
      ],
      [
        "POST",
        /^\/rest\/api\/3\/issue\/(\d+)\/transitions$/,
        (request, match) => {
          const issue = issues.get(match[1]!);
          const transitionId = (request.body as { transition?: { id?: string } }).transition?.id;
          const transition = issue ? WORKFLOW[issue.status]!.find((entry) => entry.id === transitionId) : undefined;
          if (!issue || !transition) return { status: 400, body: { errorMessages: ["Transition id is not valid for this issue."] } };
          issue.status = transition.to;
          return { status: 204 };
        },
      ],
      [
        "POST",
        /^\/rest\/api\/3\/issue\/(\d+)\/comment$/,
        (request, match) => {
          const issue = issues.get(match[1]!);
          const body = (request.body as { body?: { type?: string } }).body;
          if (!issue || body?.type !== "doc") return { status: 400, body: { errorMessages: ["Comment body must be an Atlassian Document."] } };
          issue.comments.push(body);
          return { status: 201, body: { id: String(issue.comments.length) } };
        },
      ],
    ],
    (request) => {
      if (state.failWith) return state.failWith;
      if (request.headers.authorization !== basic) return { status: 401, body: { errorMessages: ["Client must be authenticated to access this resource."] } };
      return null;
    },
  );
  return { ...server, siteUrl: server.origin, issues, state, writes: () => server.requests.filter((request) => request.method !== "GET") };
}
