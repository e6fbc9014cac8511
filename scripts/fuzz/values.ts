/**
 * The inputs the fuzzer throws: the classes of bad input that once reached PostgreSQL or a parser
 * and answered 500 (issue 18), plus generic junk. Query and path values are given already
 * percent-encoded, so that bytes no string can hold (%FF, a lone surrogate's CESU-8 bytes) get through.
 */

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed with its seed. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    chance: (p: number) => next() < p,
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!,
  };
}
export type Random = ReturnType<typeof createRandom>;

export const HOSTILE_DATES = [
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "+275760-09-14T00:00:00Z",
  "275760-09-13",
  "-271821-04-20T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  "2026-02-30",
  "2026-02-30T00:00:00Z",
  "2025-02-29",
  "2026-13-01",
  "2026-00-10",
  "2026-12-32T00:00:00Z",
  "10000-01-01",
  "9999-12-31T23:59:59.999Z",
  "0001-01-01T00:00:00Z",
  "2026-01-01T25:61:00Z",
  "2026-01-01T00:00:00+99:00",
  "1e20",
  "-1",
];

export const HOSTILE_WEEKS = ["9999-W52", "9999-W53", "0000-W01", "2026-W00", "2026-W53", "2026-W99", "2026-W1", "20260-W10", "2026W10", "-2026-W10"];

export const HOSTILE_NUMBERS = [
  "9223372036854775807",
  "9223372036854775808",
  "99999999999999999999",
  "-9223372036854775809",
  "2147483648",
  "-1",
  "0",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "0x10",
  "1.5",
  "00000000000000000000001",
];

/** Strings that are fine in JavaScript but not in PostgreSQL text, or otherwise awkward. */
export const HOSTILE_TEXT = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\udc00\ud800",
  "\ufffe\uffff",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%",
  "\\",
  "",
  " ",
  "\r\n",
  "null",
  "[]",
  "{}",
  "🙂".repeat(50),
  "x".repeat(70_000),
  ">".repeat(5_000),
];

/** Raw query/path encodings: invalid UTF-8, overlong NUL, encoded surrogates, broken escapes. */
const RAW_ENCODED = ["%FF", "%00", "%C0%80", "%ED%A0%80", "%ED%BF%BF", "%E0%80", "%", "%zz", "%25", "a%00b", "%2e%2e%2f", "%F0%9F%99%82"];

function base64url(value: string): string {
  return Buffer.from(value, "utf8").toString("base64url");
}

/** Cursors: well-formed envelopes around hostile values, and envelopes that are not ours at all. */
export const HOSTILE_CURSORS = [
  base64url(JSON.stringify(["0000-01-01T00:00:00Z", "x"])),
  base64url(JSON.stringify(["0000-01-01T00:00:00.000Z", "x"])),
  base64url(JSON.stringify(["+275760-09-13T00:00:00.000Z", "x"])),
  base64url(JSON.stringify(["2026-02-30T00:00:00Z", "x"])),
  base64url(JSON.stringify(["2026-01-01T00:00:00Z", "\u0000"])),
  base64url(JSON.stringify(["2026-01-01T00:00:00Z", "\ud800"])),
  base64url(JSON.stringify(["2026-01-01T00:00:00Z", "99999999999999999999"])),
  base64url(JSON.stringify(["2026-01-01T00:00:00Z", "9223372036854775808"])),
  base64url(JSON.stringify(["9223372036854775808"])),
  base64url(JSON.stringify(["99999999999999999999"])),
  base64url(JSON.stringify([1e308, null])),
  base64url(JSON.stringify([-1, "x"])),
  base64url(JSON.stringify([])),
  base64url(JSON.stringify({})),
  base64url("\u0000"),
  base64url("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["),
  "AAAA",
  "not a cursor!!",
  "%00",
  "x".repeat(600),
];

/** Path segment values: encoded already. */
export function hostileSegment(random: Random): string {
  const kind = random.int(5);
  if (kind === 0) return random.pick(RAW_ENCODED);
  if (kind === 1) return encodeURIComponent(random.pick(HOSTILE_DATES));
  if (kind === 2) return random.pick(HOSTILE_WEEKS);
  if (kind === 3) return encodeURIComponent(random.pick(HOSTILE_NUMBERS));
  return encodeSafe(random.pick(HOSTILE_TEXT).slice(0, 300));
}

/** A hostile query or path value, already percent-encoded. */
export function hostileQueryValue(random: Random): string {
  const kind = random.int(7);
  if (kind === 0) return random.pick(RAW_ENCODED);
  if (kind === 1) return encodeURIComponent(random.pick(HOSTILE_DATES));
  if (kind === 2) return encodeURIComponent(random.pick(HOSTILE_WEEKS));
  if (kind === 3) return encodeURIComponent(random.pick(HOSTILE_NUMBERS));
  if (kind === 4) return encodeURIComponent(random.pick(HOSTILE_CURSORS));
  return encodeSafe(random.pick(HOSTILE_TEXT).slice(0, 3000));
}

/** encodeURIComponent refuses lone surrogates; send their (invalid) CESU-8 bytes instead, as a raw client would. */
function encodeSafe(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** A hostile JSON value of any type, for bodies and server-action arguments. */
export function hostileJson(random: Random, depth = 0): unknown {
  const kind = random.int(depth > 2 ? 8 : 11);
  switch (kind) {
    case 0:
      return random.pick(HOSTILE_DATES);
    case 1:
      return random.pick(HOSTILE_WEEKS);
    case 2:
      return random.pick(HOSTILE_NUMBERS);
    case 3:
      return random.pick([1e308, -1e308, 9007199254740993, -0, 2 ** 31, -1, 0, 0.5, 99999999999999999999]);
    case 4:
      return random.pick(HOSTILE_CURSORS);
    case 5:
      return random.pick([null, true, false]);
    case 6:
    case 7:
      return random.pick(HOSTILE_TEXT);
    case 8:
      return Array.from({ length: random.int(3) }, () => hostileJson(random, depth + 1));
    case 9:
      return { [random.pick(["__proto__", "constructor", "id", "x"])]: hostileJson(random, depth + 1) };
    default:
      return random.pick([[], {}, [[[[[[[[[[[]]]]]]]]]]]]);
  }
}
