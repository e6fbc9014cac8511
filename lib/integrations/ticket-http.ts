import { sendRequest } from "@/lib/webhooks/send";

/** A ticket system answered with an error, or did not answer: the sentence shown on the action ("401 from GitHub: Bad credentials"). */
export class TicketApiError extends Error {
  override name = "TicketApiError";
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** Ticket-system answers are read up to this size (a Jira transitions list is a few KB). */
const RESPONSE_LIMIT = 512 * 1024;
const TIMEOUT_MS = 15_000;

export type TicketHttp = { allowedHosts: readonly string[] };

/** The error text a provider puts in its JSON: GitHub `message`, Jira `errorMessages` and `errors`. */
function providerMessage(body: string | null): string | null {
  if (!body) return null;
  try {
    const parsed = JSON.parse(body) as { message?: unknown; errorMessages?: unknown; errors?: unknown };
    const parts: string[] = [];
    if (typeof parsed.message === "string") parts.push(parsed.message);
    if (Array.isArray(parsed.errorMessages)) parts.push(...parsed.errorMessages.filter((entry): entry is string => typeof entry === "string"));
    if (parsed.errors && typeof parsed.errors === "object" && !Array.isArray(parsed.errors))
      parts.push(...Object.entries(parsed.errors).map(([field, text]) => `${field}: ${String(text)}`));
    return parts.length > 0 ? parts.join("; ").slice(0, 300) : null;
  } catch {
    return null;
  }
}

/**
 * One JSON request to a ticket system through the outgoing-request rules of webhooks (address guard
 * after DNS with WEBHOOK_ALLOWED_HOSTS, no redirects, 15 s). A non-2xx answer throws TicketApiError.
 */
export async function ticketRequest<T>(
  providerLabel: string,
  method: "GET" | "POST" | "PATCH" | "PUT",
  url: string,
  headers: Record<string, string>,
  body: unknown,
  http: TicketHttp,
): Promise<T> {
  const outcome = await sendRequest(
    method,
    url,
    { accept: "application/json", "user-agent": "Andon-Ticket-Sync/1", ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body === undefined ? null : JSON.stringify(body),
    { allowedHosts: http.allowedHosts, timeoutMs: TIMEOUT_MS, responseLimit: RESPONSE_LIMIT },
  );
  if (outcome.status === null) throw new TicketApiError(`${providerLabel} did not answer: ${outcome.error ?? "no response"}`);
  if (outcome.status < 200 || outcome.status >= 300) {
    const detail = providerMessage(outcome.body);
    throw new TicketApiError(`${outcome.status} from ${providerLabel}${detail ? `: ${detail}` : ""}`, outcome.status);
  }
  if (!outcome.body) return undefined as T;
  try {
    return JSON.parse(outcome.body) as T;
  } catch {
    throw new TicketApiError(`${providerLabel} answered ${outcome.status} with a body that is not JSON.`, outcome.status);
  }
}
