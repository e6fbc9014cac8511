/** A placeholder origin that nothing resolves to, for resolving paths when the real one is unknown. */
const PLACEHOLDER_ORIGIN = "https://andon.invalid";

/**
 * Where to send someone after sign-in: a path on this site, never another host. The value is
 * resolved against the app's origin the way a browser would resolve it, and kept only when it stays
 * on that origin; backslashes and control characters are refused outright because browsers read
 * `/\evil.example` and `/<TAB>/evil.example` as other hosts.
 */
export function safeCallbackUrl(value: string | null | undefined, appOrigin: string = PLACEHOLDER_ORIGIN): string {
  if (!value || /[\\\u0000-\u001f\u007f]/.test(value) || /%(5c|0[0-9a-f]|1[0-9a-f]|7f)/i.test(value)) return "/";
  let origin: string;
  let url: URL;
  try {
    origin = new URL(appOrigin).origin;
    url = new URL(value, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  // Only full URLs the app's real origin issued are accepted; with the placeholder, only paths.
  if (!value.startsWith("/") && appOrigin === PLACEHOLDER_ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? "/" : path;
}
