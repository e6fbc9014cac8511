import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { type CoeSeverity } from "@/lib/generated/prisma/enums";

// Building blocks of the incident-metric queries. Every query starts from `scopedCoes`, which is
// where the scope lives: the organization, the team subtree the caller may see, the COEs that
// count, and the time range. Durations are in seconds.

/**
 * Which COEs count: APPROVED and CLOSED ones. A draft's timestamps have not been reviewed yet and
 * change while it is written; counting them would make last week's MTTR move under the meeting.
 */
export const COUNTED_STATUSES = ["APPROVED", "CLOSED"] as const;

export const DAY_MS = 86_400_000;

/** A UTC instant as the `timestamp(3)` (without time zone, holding UTC) columns Prisma writes. */
export function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

export type CoeScope = { organizationId: string; teamIds: readonly string[] };

/**
 * The counted COEs of the scope that started in [from, to), with their three durations: only
 * columns of the covering index on coes, so PostgreSQL reads the index alone.
 */
export function scopedCoes(scope: CoeScope, from: Date, to: Date, severity: CoeSeverity | null): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c.team_id, c.severity::text AS severity, c.started_at,
      CASE WHEN c.detected_at >= c.started_at THEN EXTRACT(EPOCH FROM c.detected_at - c.started_at)::float8 END AS ttd,
      CASE WHEN c.mitigated_at >= c.started_at THEN EXTRACT(EPOCH FROM c.mitigated_at - c.started_at)::float8 END AS ttm,
      CASE WHEN c.resolved_at >= c.started_at THEN EXTRACT(EPOCH FROM c.resolved_at - c.started_at)::float8 END AS ttr
    FROM coes c
    WHERE c.organization_id = ${scope.organizationId}
      AND c.team_id = ANY(${[...scope.teamIds]}::text[])
      -- the enum itself, not status::text: then the status is part of the index condition
      AND c.status IN ('APPROVED', 'CLOSED')
      AND c.started_at >= ${utc(from)} AND c.started_at < ${utc(to)}
      AND (${severity}::text IS NULL OR c.severity::text = ${severity}::text)`;
}

export const MEASURES = ["ttd", "ttm", "ttr"] as const;
export type Measure = (typeof MEASURES)[number];

export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}
