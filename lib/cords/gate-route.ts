import "server-only";
import { publicOrigin } from "@/lib/actions/base-url";
import { databaseUnavailableResponse, problemResponse } from "@/lib/api/problem";
import { getCurrentUser } from "@/lib/auth/session";
import { gateQuerySchema } from "@/lib/cords/api-schemas";
import { blockedDetail, decideGate, type GateBlock } from "@/lib/cords/gate";
import { consumeOverride, lookupGate, recordBlockedDeploy, type GateCaller } from "@/lib/cords/gate-sql";
import { fieldErrorsFromIssues } from "@/lib/errors";
import { logError } from "@/lib/log";
import { isDatabaseUnavailable } from "@/lib/ops/database-unavailable";
import { storableText } from "@/lib/storable-text";
import { TOKEN_PREFIX, hashTokenSecret } from "@/lib/tokens/secret";

/**
 * GET/HEAD /api/v1/deploy-gate?service=<id or name>[&environment=…]: what CI/CD asks before a
 * deploy. A lean door instead of apiRoute: authentication is folded into the gate's one lookup
 * statement (lib/cords/gate-sql.ts), so a whole call is 1–3 SQL statements. Bad input is always a
 * 4xx problem; the gate never answers 5xx because of what the caller sent.
 *
 * Only GET is a deploy attempt: it uses an override and lands on the cord's timeline when blocked.
 * HEAD is a look that changes nothing (link checkers, proxies and monitors send it freely), so it
 * neither logs an attempt nor spends an override, and answers 423 while the line is stopped even
 * when an override is waiting: the override is for the GET of the deploy itself.
 */

const DEPLOY_REF_HEADER = "x-andon-deploy-ref";

function readCaller(request: Request): GateCaller | "bad-header" | "session" | null {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match || !match[1]!.startsWith(TOKEN_PREFIX)) return "bad-header";
    return { tokenHash: hashTokenSecret(match[1]!) };
  }
  return request.headers.has("cookie") ? "session" : null;
}

function unauthenticated(detail: string): Response {
  return problemResponse(401, detail, { headers: { "www-authenticate": 'Bearer realm="andon"' } });
}

function lockedResponse(request: Request, service: { id: string; name: string }, block: GateBlock): Response {
  const origin = publicOrigin(request.headers);
  const body = {
    type: "about:blank",
    title: "Locked",
    status: 423,
    detail: blockedDetail(service.name, block),
    allowed: false,
    service,
    reason: block.cord ? "cord" : "freeze_window",
    cord: block.cord
      ? {
          id: block.cord.id,
          pulledBy: block.cord.pulledByName,
          pulledAt: block.cord.pulledAt.toISOString(),
          problem: block.cord.problem,
          link: block.cord.link,
          url: `${origin}/cords/${block.cord.id}`,
        }
      : null,
    freezeWindow: block.freeze ? { id: block.freeze.id, reason: block.freeze.reason, until: block.freeze.until.toISOString() } : null,
  };
  return new Response(JSON.stringify(body), { status: 423, headers: { "content-type": "application/problem+json", "cache-control": "no-store" } });
}

function allowedResponse(service: { id: string; name: string }, override: boolean): Response {
  return Response.json({ allowed: true, service, override }, { headers: { "cache-control": "no-store" } });
}

/** "attempt": a deploy asking to go ahead (GET); "look": a question that changes nothing (HEAD). */
type GateCall = "attempt" | "look";

async function answer(request: Request, call: GateCall): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = gateQuerySchema.safeParse({
    service: params.has("service") ? storableText(params.get("service")!) : undefined,
    environment: params.has("environment") ? storableText(params.get("environment")!) : undefined,
  });
  const caller = readCaller(request);
  if (caller === null) return unauthenticated("Send a personal API token as `Authorization: Bearer <token>`.");
  if (caller === "bad-header") return unauthenticated("The Authorization header must be `Bearer andon_…` with a personal API token.");
  let resolved: GateCaller;
  if (caller === "session") {
    const user = await getCurrentUser();
    if (!user) return unauthenticated("Send a personal API token as `Authorization: Bearer <token>`, or sign in.");
    resolved = { userId: user.userId, organizationId: user.organizationId };
  } else {
    resolved = caller;
  }
  if (!parsed.success) return problemResponse(400, "The request query has invalid fields.", { fieldErrors: fieldErrorsFromIssues(parsed.error.issues) });
  const { service, environment } = parsed.data;
  const lookup = await lookupGate(resolved, service);
  if (lookup.found === "no-caller") return unauthenticated("This API token is invalid, expired or revoked. Create a new one in Settings → API tokens.");
  if (lookup.found === "no-service") return problemResponse(404, `There is no service “${service}” in your organization (give its id or exact name).`);
  const decision = decideGate(lookup.facts, new Date(), environment);
  const serviceRef = { id: lookup.service.id, name: lookup.service.name };
  if (decision.kind === "allowed") return allowedResponse(serviceRef, false);
  if (call === "look") return lockedResponse(request, serviceRef, decision.block);
  const deployRef = request.headers.get(DEPLOY_REF_HEADER) ? storableText(request.headers.get(DEPLOY_REF_HEADER)!).trim().slice(0, 500) || null : null;
  const attempt = { organizationId: lookup.organizationId, teamId: lookup.service.teamId, actorId: lookup.userId, deployRef, environment: environment ?? null };
  // An override is granted for the open cord, so the lookup found both.
  if (
    decision.kind === "override" &&
    lookup.cordEvent &&
    (await consumeOverride({ ...attempt, overrideId: decision.overrideId, cordEvent: lookup.cordEvent }))
  ) {
    return allowedResponse(serviceRef, true);
  }
  if (decision.block.cord && lookup.cordEvent) {
    await recordBlockedDeploy({ ...attempt, cordId: decision.block.cord.id, cordEvent: lookup.cordEvent });
  }
  return lockedResponse(request, serviceRef, decision.block);
}

async function answerSafely(request: Request, call: GateCall): Promise<Response> {
  try {
    return await answer(request, call);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse(error, request);
    logError("deploy gate failed", error, { url: request.url });
    return problemResponse(500, "Something went wrong on our side. The error has been logged; try again in a moment.");
  }
}

/** GET: a deploy attempt, recorded when blocked and let through by an override. */
export function deployGate(request: Request): Promise<Response> {
  return answerSafely(request, "attempt");
}

/** HEAD answers like GET (status and headers) without the body, and without side effects. */
export async function deployGateHead(request: Request): Promise<Response> {
  const response = await answerSafely(request, "look");
  return new Response(null, { status: response.status, headers: response.headers });
}
