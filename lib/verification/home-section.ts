import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { firstRowsWithTotalSql, jsonDate, type JsonRow } from "@/lib/sql-sections";
import { EXPIRING_WINDOW_DAYS } from "@/lib/verification/status";
import type { CurrentUser } from "@/lib/auth/principal";
import { teamRecordServicesSql } from "@/lib/services/access";

/**
 * Home's "Verifications expiring" block as a section of home's one statement (lib/sql-sections.ts):
 * passed verifications of the given teams' services that expire within the expiring window, soonest
 * first. The caller passes the teams to show; only those the reader may read are kept.
 */
export function expiringVerificationsSectionSql(user: CurrentUser, teamIds: string[], take: number, now: Date): Prisma.Sql {
  // timestamp(3) columns hold UTC without a zone: compare with UTC instants, whatever the session's time zone.
  const from = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const until = Prisma.sql`(${new Date(now.getTime() + EXPIRING_WINDOW_DAYS * 86_400_000).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  return firstRowsWithTotalSql({
    table: "service_verifications",
    alias: "sv",
    where: Prisma.sql`sv.organization_id = ${user.organizationId} AND sv.result = 'PASSED' AND sv.expires_at > ${from} AND sv.expires_at <= ${until}
      AND EXISTS (SELECT 1 FROM services s WHERE s.id = sv.service_id AND ${teamRecordServicesSql(user)} AND s.team_id = ANY(${teamIds}::text[]))`,
    orderBy: Prisma.sql`sv.expires_at ASC, sv.id ASC`,
    limit: take,
    columns: Prisma.sql`sv.expires_at AS "expiresAt", s.id AS "serviceId", s.name AS "serviceName", t.name AS "teamName", d.id AS "dimensionId", d.name AS "dimensionName"`,
    joins: Prisma.sql`JOIN services s ON s.id = sv.service_id JOIN teams t ON t.id = s.team_id JOIN verification_dimensions d ON d.id = sv.dimension_id`,
  });
}

/** A row of expiringVerificationsSectionSql, as home shows it. */
export function homeExpiringFrom(row: JsonRow) {
  return {
    expiresAt: jsonDate(row.expiresAt) ?? new Date(0),
    serviceId: String(row.serviceId),
    serviceName: String(row.serviceName),
    teamName: String(row.teamName),
    dimensionId: String(row.dimensionId),
    dimensionName: String(row.dimensionName),
  };
}
