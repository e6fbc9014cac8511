import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { UserError } from "@/lib/errors";
import { MAX_CATALOG_BYTES } from "@/lib/policies/catalog-parse";

const FETCH_TIMEOUT_MS = 10_000;

/**
 * Link-local and cloud metadata addresses (169.254.0.0/16, fe80::/10, fd00:ec2::254). A catalog
 * usually lives on an internal Git server, so private addresses stay allowed for this admin-only
 * fetch; the instance's own metadata endpoint never is.
 */
function isMetadataAddress(address: string): boolean {
  const v4 = address.replace(/^::ffff:/i, "");
  if (/^169\.254\./.test(v4)) return true;
  const lowered = address.toLowerCase();
  return /^fe[89ab][0-9a-f]:/.test(lowered) || lowered === "fd00:ec2::254";
}

/** Fetches a catalog-info.yaml by URL (http or https, no redirects, 10 s, 1 MB at most). */
export async function fetchCatalogText(rawUrl: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UserError("That is not a URL.", { url: ["Enter the file's full address, e.g. https://git.example.com/raw/catalog-info.yaml."] });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UserError("Only http and https URLs.", { url: ["Use an http or https URL."] });
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(hostname) ? [{ address: hostname }] : await lookup(hostname, { all: true }).catch(() => []);
  if (addresses.length === 0) throw new UserError("That host does not resolve.", { url: [`${hostname} does not resolve from the Andon server.`] });
  if (addresses.some(({ address }) => isMetadataAddress(address)))
    throw new UserError("That address is refused.", { url: ["Link-local and metadata addresses are refused."] });
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: "manual",
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: "application/yaml, text/yaml, text/plain, */*" },
    });
  } catch {
    throw new UserError("The URL did not answer.", { url: [`No answer within ${FETCH_TIMEOUT_MS / 1000} s.`] });
  }
  if (response.status >= 300 && response.status < 400)
    throw new UserError("The URL redirects.", { url: ["It answers with a redirect: use the final address of the raw file."] });
  if (!response.ok) throw new UserError("The URL answered with an error.", { url: [`It answered ${response.status}.`] });
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_CATALOG_BYTES) throw new UserError("The file is too large.", { url: ["The file is larger than 1 MB: split it."] });
  const text = await response.text();
  if (Buffer.byteLength(text, "utf8") > MAX_CATALOG_BYTES) throw new UserError("The file is too large.", { url: ["The file is larger than 1 MB: split it."] });
  if (/^\s*<(!doctype|html)/i.test(text))
    throw new UserError("The URL answered with a web page.", { url: ["That is a web page, not the YAML file: use the raw file's address."] });
  return text;
}
