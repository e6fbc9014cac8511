import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { storableText } from "@/lib/storable-text";
import { isAllowListed, isForbiddenAddress } from "@/lib/webhooks/address-guard";
import { DELIVERY_TIMEOUT_MS, RESPONSE_BODY_LIMIT } from "@/lib/webhooks/retry";

export type SendOutcome = {
  status: number | null;
  /** The first 4 KB of the response body. */
  body: string | null;
  /** Why there is no response (refused address, timeout, connection error). */
  error: string | null;
  durationMs: number;
};

export type SendOptions = {
  allowedHosts: readonly string[];
  timeoutMs?: number;
  /**
   * Keep-alive agents that one run of sends shares (lib/webhooks/delivery.ts): a backlog for one
   * receiver then reuses a few connections instead of opening one per message. Without, each
   * request has a connection of its own.
   */
  agents?: SendAgents;
};

export type SendAgents = { http: http.Agent; https: https.Agent };

/** Agents for one run of sends, at most `sockets` connections per receiver; destroy them when the run ends. */
export function keepAliveAgents(sockets: number): SendAgents {
  const options = { keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, scheduling: "lifo" as const };
  return { http: new http.Agent(options), https: new https.Agent(options) };
}

/** Resolves the host and picks the address to connect to, or says why it is refused. */
export async function resolveTarget(url: URL, allowedHosts: readonly string[]): Promise<{ address: string; family: 4 | 6 } | { refused: string }> {
  if (url.protocol !== "http:" && url.protocol !== "https:") return { refused: "Only http and https URLs can receive webhooks." };
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(hostname);
  const addresses = literal ? [{ address: hostname, family: literal }] : await lookup(hostname, { all: true, verbatim: true }).catch(() => null);
  if (!addresses || addresses.length === 0) return { refused: `The host ${hostname} does not resolve.` };
  // Every address must pass: a name that also resolves to a private address is refused as a whole.
  const blocked = addresses.find(({ address }) => isForbiddenAddress(address) && !isAllowListed(allowedHosts, hostname, address));
  if (blocked)
    return { refused: `Refused: ${hostname} resolves to ${blocked.address}, a loopback, private, link-local or metadata address (see WEBHOOK_ALLOWED_HOSTS).` };
  const chosen = addresses[0]!;
  return { address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

/**
 * POSTs one webhook. The connection goes to the address checked above (a pinned lookup), so a DNS
 * answer that changes between check and connect cannot reach an internal address. Redirects are not
 * followed (a 3xx is a failed attempt), and only the first 4 KB of the answer is read.
 */
export async function sendWebhook(target: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendOutcome> {
  return sendRequest("POST", target, { "content-type": "application/json", "user-agent": "Andon-Webhooks/1", ...headers }, body, options);
}

/**
 * One outgoing HTTP request under the webhook rules (address guard after DNS, pinned connection, no
 * redirects, capped answer); the ticket-system clients (lib/integrations) use it with a larger cap.
 */
export async function sendRequest(
  method: "GET" | "POST" | "PATCH" | "PUT",
  target: string,
  headers: Record<string, string>,
  body: string | null,
  options: SendOptions & { responseLimit?: number },
): Promise<SendOutcome> {
  const responseLimit = options.responseLimit ?? RESPONSE_BODY_LIMIT;
  const started = performance.now();
  const done = (outcome: Omit<SendOutcome, "durationMs">): SendOutcome => ({ ...outcome, durationMs: Math.round(performance.now() - started) });
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return done({ status: null, body: null, error: "The URL is not valid." });
  }
  const resolved = await resolveTarget(url, options.allowedHosts);
  if ("refused" in resolved) return done({ status: null, body: null, error: resolved.refused });
  const pinned: LookupFunction = (_host, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [resolved]);
    else callback(null, resolved.address, resolved.family);
  };
  const secure = url.protocol === "https:";
  const client = secure ? https : http;
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(outcome));
    };
    const request = client.request(
      url,
      {
        method,
        lookup: pinned,
        agent: options.agents ? (secure ? options.agents.https : options.agents.http) : false,
        headers: body === null ? headers : { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const end = () =>
          finish({ status: response.statusCode ?? null, body: storableText(Buffer.concat(chunks).toString("utf8").slice(0, responseLimit)), error: null });
        response.on("data", (chunk: Buffer) => {
          if (size >= responseLimit) return;
          chunks.push(chunk.subarray(0, responseLimit - size));
          size += chunk.length;
          if (size >= responseLimit) {
            end();
            response.destroy();
          }
        });
        response.on("end", end);
        response.on("error", end);
        response.on("close", end);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ status: null, body: null, error: `No answer within ${Math.round(timeoutMs / 1000)} s.` });
    }, timeoutMs);
    request.on("error", (error) => finish({ status: null, body: null, error: `Connection failed: ${error.message}` }));
    request.end(body ?? undefined);
  });
}
