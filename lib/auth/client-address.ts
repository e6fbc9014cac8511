import http from "node:http";
import net from "node:net";
import { countRequestInFlight } from "@/lib/ops/in-flight";

/**
 * The header the server writes with the client's address, for sign-in limits and the metrics
 * allow-list. Any value a client sends under this name is overwritten before Next.js sees the request.
 */
export const CLIENT_ADDRESS_HEADER = "x-andon-client-address";

// On globalThis: the instrumentation hook and the route bundles may each hold their own copy of this module.
const globalForClientAddress = globalThis as unknown as { andonClientAddressHeader?: boolean };

/**
 * The client's address as the server wrote it, or "unknown". Until the server writes the header
 * (installRequestHooks), a value under that name came from the client and is not believed.
 */
export function clientAddress(headers: Headers | Record<string, unknown> | undefined): string {
  if (!globalForClientAddress.andonClientAddressHeader || !headers) return "unknown";
  const address = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return typeof address === "string" && address ? address : "unknown";
}

const unmapped = (address: string) => (address.startsWith("::ffff:") && net.isIPv4(address.slice(7)) ? address.slice(7) : address);

/** TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (10.0.0.0/8, 2001:db8::/32, 127.0.0.1), as lib/env.ts accepts them. */
export function trustedProxyList(value: string | undefined): net.BlockList {
  const list = new net.BlockList();
  for (const entry of (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const plain = prefix === undefined ? unmapped(address) : address;
    const type = net.isIPv6(plain) ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(plain, type);
    else list.addSubnet(plain, Number(prefix), type);
  }
  return list;
}

function isTrusted(list: net.BlockList, address: string): boolean {
  const plain = unmapped(address);
  const type = net.isIPv6(plain) ? "ipv6" : net.isIPv4(plain) ? "ipv4" : null;
  return type !== null && list.check(plain, type);
}

/** Some proxies write the client's port too: "203.0.113.5:4711", "[2001:db8::1]:443". */
function withoutPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1]!;
  const ipv4WithPort = /^([\d.]+):\d+$/.exec(hop);
  return ipv4WithPort && net.isIPv4(ipv4WithPort[1]!) ? ipv4WithPort[1]! : hop;
}

/**
 * The address a request came from: the socket's, unless the socket is a trusted proxy — then the
 * nearest X-Forwarded-For entry that is not itself a trusted proxy. Entries a client wrote (left of
 * the first proxy's) are never believed, so rotating X-Forwarded-For changes nothing.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: net.BlockList): string {
  if (!socketAddress) return "unknown";
  let client = unmapped(socketAddress);
  if (!isTrusted(trusted, client)) return client;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    client = unmapped(withoutPort(hops[index]!));
    if (!net.isIP(client)) return "unknown";
    if (!isTrusted(trusted, client)) return client;
  }
  return client;
}

/**
 * Hooks every request this process's HTTP servers receive, before Next.js sees it:
 * - writes CLIENT_ADDRESS_HEADER from the socket (Next.js route handlers cannot see the socket, and
 *   Next keeps a client's own X-Forwarded-For when there is one);
 * - counts it as in flight until its response is done (lib/ops/in-flight.ts).
 */
export function installRequestHooks(trustedProxies: string | undefined): void {
  if (globalForClientAddress.andonClientAddressHeader) return;
  globalForClientAddress.andonClientAddressHeader = true;
  const trusted = trustedProxyList(trustedProxies);
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      writeClientAddressHeader(args[0] as http.IncomingMessage, trusted);
      countRequestInFlight(args[1] as http.ServerResponse);
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}

function writeClientAddressHeader(request: http.IncomingMessage, trusted: net.BlockList): void {
  const forwarded = request.headers["x-forwarded-for"];
  request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
    request.socket?.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trusted,
  );
}
