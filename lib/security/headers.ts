/**
 * Security headers for every response. Pages get a Content-Security-Policy with a per-request nonce:
 * Next.js puts it on its own scripts, so no inline script without it runs. Styles allow
 * 'unsafe-inline' because React writes style attributes (style={{ width }}) that nonces cannot cover;
 * a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { development = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For API answers and downloads: nothing in them may load or run anything. */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

export function commonSecurityHeaders({ https = false } = {}): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
