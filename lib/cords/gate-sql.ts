import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { GateCord, GateFacts, GateWindow } from "@/lib/cords/gate";

/**
 * The deploy gate's database work: it runs on every deploy of every pipeline, so it is at most three
 * statements including authentication. (1) one statement resolves the token (and touches its
 * last use at most once a minute), the service by id or name, its open cord, the freeze windows
 * that may cover it and an unused override granted for that open cord; (2) a blocked call appends to the cord's timeline and
 * the event outbox in one statement, or consumes the override, logs its use and emits its event in one statement;
 * (3) only when a concurrent call consumed the override first: the blocked attempt is logged.
 *
 * Timestamps are `timestamp(3)` columns holding UTC (as Prisma writes them), so SQL compares them
 * with `now() AT TIME ZONE 'UTC'` and hands them back as epoch milliseconds.
 */
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

export type GateCaller = { tokenHash: string } | { userId: string; organizationId: string };

export type GateLookup =
  | { found: "no-caller" }
  | { found: "no-service"; userId: string; organizationId: string }
  | {
      found: "service";
      userId: string;
      organizationId: string;
      service: { id: string; name: string; teamId: string };
      facts: GateFacts;
      /** The open cord in its event shape, for cord.deploy_blocked and cord.override_used. */
      cordEvent: Record<string, unknown> | null;
    };

type LookupRow = {
  user_id: string;
  organization_id: string;
  service_id: string | null;
  service_name: string | null;
  team_id: string | null;
  cord: {
    id: string;
    problem: string;
    customer_impact: string;
    link: string | null;
    severity: string;
    team_id: string;
    coe_id: string | null;
    pulled_at: number;
    pulled_by_id: string | null;
    pulled_by_name: string | null;
    plus_ones: number;
  } | null;
  windows: { id: string; reason: string; starts_at: number; ends_at: number; rrule: string | null; time_zone: string; environments: string[] }[] | null;
  override_id: string | null;
  override_cord_id: string | null;
};

function callerSql(caller: GateCaller): Prisma.Sql {
  if ("tokenHash" in caller) {
    return Prisma.sql`
      tok AS (
        SELECT t.id AS token_id, t.last_used_at, u.id AS user_id, u.organization_id
        FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = ${caller.tokenHash} AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ${NOW}) AND u.deactivated_at IS NULL
      ),
      touch AS (
        UPDATE api_tokens SET last_used_at = ${NOW} FROM tok
        WHERE api_tokens.id = tok.token_id AND (tok.last_used_at IS NULL OR tok.last_used_at < ${NOW} - interval '1 minute')
        RETURNING api_tokens.id
      )`;
  }
  return Prisma.sql`tok AS (SELECT ${caller.userId}::text AS user_id, ${caller.organizationId}::text AS organization_id)`;
}

export async function lookupGate(caller: GateCaller, service: string): Promise<GateLookup> {
  const rows = await db.$queryRaw<LookupRow[]>`
    WITH RECURSIVE ${callerSql(caller)},
    svc AS (
      SELECT s.id, s.name, s.team_id FROM services s JOIN tok ON s.organization_id = tok.organization_id
      WHERE s.id = ${service} OR s.name = ${service}
      ORDER BY (s.id = ${service}) DESC LIMIT 1
    ),
    anc AS (
      SELECT t.id, t.parent_id, 0 AS depth FROM teams t JOIN svc ON t.id = svc.team_id
      UNION ALL
      SELECT t.id, t.parent_id, anc.depth + 1 FROM teams t JOIN anc ON t.id = anc.parent_id WHERE anc.depth < 64
    )
    SELECT tok.user_id, tok.organization_id, svc.id AS service_id, svc.name AS service_name, svc.team_id,
      (SELECT json_build_object(
          'id', c.id, 'problem', c.problem, 'customer_impact', c.customer_impact, 'link', c.link, 'severity', c.severity,
          'team_id', c.team_id, 'coe_id', c.coe_id, 'pulled_at', extract(epoch FROM c.pulled_at) * 1000,
          'pulled_by_id', c.pulled_by_id, 'pulled_by_name', pu.name,
          'plus_ones', (SELECT count(*) FROM cord_events e WHERE e.cord_id = c.id AND e.kind = 'PLUS_ONE'))
        FROM cords c LEFT JOIN users pu ON pu.id = c.pulled_by_id
        WHERE c.open_service_id = svc.id) AS cord,
      (SELECT json_agg(json_build_object(
          'id', w.id, 'reason', w.reason, 'starts_at', extract(epoch FROM w.starts_at) * 1000, 'ends_at', extract(epoch FROM w.ends_at) * 1000,
          'rrule', w.rrule, 'time_zone', w.time_zone, 'environments', w.environments))
        FROM freeze_windows w
        WHERE w.organization_id = tok.organization_id AND w.starts_at <= ${NOW} AND (w.last_ends_at IS NULL OR w.last_ends_at > ${NOW})
          AND (
            EXISTS (SELECT 1 FROM freeze_window_services fs WHERE fs.window_id = w.id AND fs.service_id = svc.id)
            OR (w.team_id IN (SELECT id FROM anc) AND NOT EXISTS (SELECT 1 FROM freeze_window_services fs WHERE fs.window_id = w.id))
          )) AS windows,
      ovr.id AS override_id, ovr.cord_id AS override_cord_id
    FROM tok LEFT JOIN svc ON TRUE
    LEFT JOIN LATERAL (
      -- Only an override granted for the cord open now: one left over from an earlier cord does not
      -- carry over to a later stop.
      SELECT o.id, o.cord_id FROM cord_overrides o JOIN cords oc ON oc.id = o.cord_id AND oc.open_service_id = svc.id
      WHERE o.service_id = svc.id AND o.used_at IS NULL AND o.expires_at > ${NOW} ORDER BY o.created_at LIMIT 1
    ) ovr ON TRUE`;
  const row = rows[0];
  if (!row) return { found: "no-caller" };
  if (!row.service_id) return { found: "no-service", userId: row.user_id, organizationId: row.organization_id };
  const cord: GateCord | null = row.cord
    ? { id: row.cord.id, problem: row.cord.problem, link: row.cord.link, pulledAt: new Date(Number(row.cord.pulled_at)), pulledByName: row.cord.pulled_by_name }
    : null;
  const windows: GateWindow[] = (row.windows ?? []).map((window) => ({
    id: window.id,
    reason: window.reason,
    startsAt: new Date(Number(window.starts_at)),
    endsAt: new Date(Number(window.ends_at)),
    rrule: window.rrule,
    timeZone: window.time_zone,
    environments: window.environments,
  }));
  const serviceRef = { id: row.service_id, name: row.service_name! };
  return {
    found: "service",
    userId: row.user_id,
    organizationId: row.organization_id,
    service: { ...serviceRef, teamId: row.team_id! },
    facts: { cord, windows, override: row.override_id ? { id: row.override_id, cordId: row.override_cord_id } : null },
    cordEvent: row.cord
      ? {
          // The cord's API shape (lib/cords/api-json.ts) as far as the gate knows it, plus the attempt.
          id: row.cord.id,
          status: "open",
          severity: row.cord.severity,
          problem: row.cord.problem,
          customerImpact: row.cord.customer_impact,
          link: row.cord.link,
          service: serviceRef,
          teamId: row.cord.team_id,
          pulledBy: row.cord.pulled_by_id ? { id: row.cord.pulled_by_id, name: row.cord.pulled_by_name } : null,
          pulledAt: new Date(Number(row.cord.pulled_at)).toISOString(),
          plusOnes: Number(row.cord.plus_ones),
          coeId: row.cord.coe_id,
          url: `/cords/${row.cord.id}`,
        }
      : null,
  };
}

/** Appends a blocked deploy attempt to the cord's timeline and emits cord.deploy_blocked, in one statement. */
export async function recordBlockedDeploy(input: {
  organizationId: string;
  cordId: string;
  teamId: string;
  actorId: string;
  deployRef: string | null;
  environment: string | null;
  cordEvent: Record<string, unknown>;
}): Promise<void> {
  const data = JSON.stringify({ ...input.cordEvent, blockedDeploy: { ref: input.deployRef, environment: input.environment } });
  await db.$executeRaw`
    WITH logged AS (
      INSERT INTO cord_events (cord_id, kind, actor_id, body, deploy_ref, created_at)
      VALUES (${input.cordId}, 'DEPLOY_BLOCKED', ${input.actorId}, ${input.environment ? `Environment: ${input.environment}` : ""}, ${input.deployRef}, ${NOW})
      RETURNING id
    )
    INSERT INTO domain_events (id, organization_id, type, team_id, data, occurred_at)
    SELECT ${randomUUID()}, ${input.organizationId}, 'cord.deploy_blocked', ${input.teamId}, ${data}::jsonb, ${NOW} FROM logged`;
}

/**
 * Consumes the override if no concurrent call did first (the UPDATE's `used_at IS NULL` decides),
 * logs its use on the cord's timeline and emits cord.override_used, in one statement. False:
 * someone else used it.
 */
export async function consumeOverride(input: {
  overrideId: string;
  organizationId: string;
  teamId: string;
  actorId: string;
  deployRef: string | null;
  environment: string | null;
  cordEvent: Record<string, unknown>;
}): Promise<boolean> {
  const data = JSON.stringify({ ...input.cordEvent, overrideUsed: { id: input.overrideId, ref: input.deployRef, environment: input.environment } });
  const rows = await db.$queryRaw<{ used: number }[]>`
    WITH used AS (
      UPDATE cord_overrides SET used_at = ${NOW}, used_ref = ${input.deployRef}
      WHERE id = ${input.overrideId} AND used_at IS NULL AND expires_at > ${NOW}
      RETURNING id, cord_id, justification
    ),
    logged AS (
      INSERT INTO cord_events (cord_id, kind, actor_id, body, deploy_ref, created_at)
      SELECT cord_id, 'OVERRIDE_USED', ${input.actorId}, justification, ${input.deployRef}, ${NOW} FROM used WHERE cord_id IS NOT NULL
      RETURNING id
    ),
    emitted AS (
      INSERT INTO domain_events (id, organization_id, type, team_id, data, occurred_at)
      SELECT ${randomUUID()}, ${input.organizationId}, 'cord.override_used', ${input.teamId},
        jsonb_set(${data}::jsonb, '{overrideUsed,justification}', to_jsonb(used.justification)), ${NOW}
      FROM used WHERE used.cord_id IS NOT NULL
      RETURNING id
    )
    SELECT (SELECT count(*) FROM used)::int AS used, (SELECT count(*) FROM logged)::int AS logged, (SELECT count(*) FROM emitted)::int AS emitted`;
  return (rows[0]?.used ?? 0) > 0;
}
