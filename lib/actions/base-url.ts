import "server-only";
import { env } from "@/lib/env";

/** The public origin of Andon for links that leave the app (calendar feeds, emails). */
export function publicOrigin(requestHeaders: Headers): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const proto = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  return `${proto}://${host}`;
}
