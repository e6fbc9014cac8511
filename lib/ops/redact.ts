/**
 * Keeps secrets out of logs: values under secret-looking keys, passwords in connection URLs,
 * API tokens and bearer credentials inside free text.
 */
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|session|api[-_]?key|credential/i;

export function redactText(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s/]*@/gi, "$1:***@")
    .replace(/\bandon_[A-Za-z0-9_-]{8,}/g, "andon_***")
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 ***")
    .replace(/((?:next-auth|__Secure-next-auth|__Host-next-auth)\.[\w.-]+=)[^;\s]+/gi, "$1***");
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redactValue(inner, depth + 1)]));
}
