/**
 * Asks Andon's deploy gate whether a service may be deployed now, for CI/CD pipelines:
 *
 *   npx tsx scripts/deploy-gate.ts --service checkout-api [--environment production] [--ref "$GITHUB_SHA"]
 *
 * Reads ANDON_URL and ANDON_TOKEN (or --url / --token). Exit codes: 0 allowed, 3 blocked (the line
 * is stopped or a freeze window holds; the reason is printed), 2 error (bad arguments, unreachable
 * server, unknown service, bad token). No dependencies beyond Node 20's fetch.
 */
import { parseArgs } from "node:util";

export const EXIT_ALLOWED = 0;
export const EXIT_ERROR = 2;
export const EXIT_BLOCKED = 3;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        service: { type: "string" },
        environment: { type: "string" },
        ref: { type: "string" },
        url: { type: "string", default: process.env.ANDON_URL },
        token: { type: "string", default: process.env.ANDON_TOKEN },
      },
    }));
  } catch (error) {
    console.error(`deploy-gate: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_ERROR;
  }
  if (!values.service || !values.url || !values.token) {
    console.error("deploy-gate: give --service, and the Andon URL and token as --url/--token or ANDON_URL/ANDON_TOKEN.");
    return EXIT_ERROR;
  }
  const url = new URL("/api/v1/deploy-gate", values.url);
  url.searchParams.set("service", values.service);
  if (values.environment) url.searchParams.set("environment", values.environment);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${values.token}`, ...(values.ref ? { "x-andon-deploy-ref": values.ref } : {}) },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    console.error(`deploy-gate: could not reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_ERROR;
  }
  const body = (await response.json().catch(() => null)) as { detail?: string; cord?: { url?: string } | null } | null;
  if (response.status === 200) {
    console.log(`deploy-gate: ${values.service} may be deployed.`);
    return EXIT_ALLOWED;
  }
  if (response.status === 423) {
    console.error(`deploy-gate: BLOCKED. ${body?.detail ?? "The line is stopped."}${body?.cord?.url ? ` See ${body.cord.url}` : ""}`);
    return EXIT_BLOCKED;
  }
  console.error(`deploy-gate: HTTP ${response.status}: ${body?.detail ?? response.statusText}`);
  return EXIT_ERROR;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`deploy-gate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(EXIT_ERROR);
  },
);
