import { isIP } from "node:net";

/**
 * Which resolved addresses an outgoing webhook may connect to. Checked after DNS resolution, on the
 * address the request then connects to, so a name that resolves to a private address (or changes
 * to one between check and send: DNS rebinding) is refused. IPv4-mapped IPv6 addresses are judged
 * as the IPv4 address they carry. Decimal and hex IPv4 forms (`http://2130706433/`) are normalized to
 * dotted form by the URL parser before they get here; parseIpv4 accepts only dotted quads.
 */
const BLOCKED_V4: [string, number][] = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

function parseIpv4(address: string): number | null {
  const parts = address.split(".");
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return null;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function inV4Range(value: number, [base, bits]: [string, number]): boolean {
  const size = 2 ** (32 - bits);
  const start = parseIpv4(base)!;
  return value >= start && value < start + size;
}

/** The 8 groups of an IPv6 address (with an embedded dotted IPv4 tail turned into two groups). */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail) {
    const v4 = parseIpv4(v4Tail[1]!);
    if (v4 === null) return null;
    text = text.slice(0, -v4Tail[1]!.length) + `${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (half: string) => (half === "" ? [] : half.split(":").map((group) => parseInt(group, 16)));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [...head, ...Array<number>(Math.max(missing, 0)).fill(0), ...tail];
  return groups.some((group) => Number.isNaN(group) || group < 0 || group > 0xffff) ? null : groups;
}

function v4Blocked(value: number): boolean {
  return BLOCKED_V4.some((range) => inV4Range(value, range));
}

function v6Blocked(groups: number[]): boolean {
  const [a] = groups as [number];
  const zeroPrefix = groups.slice(0, 5).every((group) => group === 0);
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible): judged as the IPv4 address.
  if (zeroPrefix && (groups[5] === 0xffff || groups[5] === 0)) {
    if (groups[5] === 0 && groups[6] === 0) return true; // :: and ::1
    return v4Blocked(groups[6]! * 65536 + groups[7]!);
  }
  if (a === 0x64 && groups[1] === 0xff9b) return v4Blocked(groups[6]! * 65536 + groups[7]!); // NAT64
  if ((a & 0xfe00) === 0xfc00) return true; // unique local fc00::/7 (incl. fd00:ec2::254)
  if ((a & 0xffc0) === 0xfe80) return true; // link-local
  if ((a & 0xff00) === 0xff00) return true; // multicast
  return false;
}

/** True when connecting to this (resolved, literal) address must be refused. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address.replace(/^\[|\]$/g, ""));
  const bare = address.replace(/^\[|\]$/g, "");
  if (family === 4) return v4Blocked(parseIpv4(bare)!);
  if (family === 6) {
    const groups = ipv6Groups(bare);
    return groups === null || v6Blocked(groups);
  }
  return true; // not an address at all: refuse
}

/** A host (or its resolved address) the operator allow-listed with WEBHOOK_ALLOWED_HOSTS. */
export function isAllowListed(allowedHosts: readonly string[], hostname: string, address: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return allowedHosts.includes(host) || allowedHosts.includes(address.toLowerCase());
}
