import "server-only";
import type { VerificationResult } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { NotFoundError } from "@/lib/errors";
import { orgTeamTree } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";
import type { OrgTeam } from "@/lib/org/team-tree-cache";
import { can, type Principal } from "@/lib/permissions";
import { canReadVerifications } from "@/lib/verification/access";
import { teamRecordServicesSql, teamRecordServicesWhere } from "@/lib/services/access";
import { ensureBuiltInDimensions } from "@/lib/verification/mutations";
import { EXPIRING_WINDOW_DAYS, verificationStatus, type VerificationStatus } from "@/lib/verification/status";
import { GRID_PAGE_SIZE } from "@/lib/verification/schemas";

/** What the grid, the service page and the settings show of a dimension. */
export const dimensionSelect = {
  id: true,
  key: true,
  name: true,
  description: true,
  position: true,
  builtIn: true,
  tracksRecovery: true,
  intervalDays: true,
  tier1IntervalDays: true,
  tier2IntervalDays: true,
  tier3IntervalDays: true,
  version: true,
} satisfies Prisma.VerificationDimensionSelect;
export type DimensionRow = Prisma.VerificationDimensionGetPayload<{ select: typeof dimensionSelect }>;

/** The reader's organization's active dimensions in order; an organization without any gets the five built-in ones first. */
export async function listDimensions(user: Principal): Promise<DimensionRow[]> {
  const { organizationId } = user;
  const read = () =>
    db.verificationDimension.findMany({
      where: { organizationId, archivedAt: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: dimensionSelect,
    });
  const rows = await read();
  if (rows.length > 0) return rows;
  await ensureBuiltInDimensions(db, organizationId);
  return read();
}

export type GridScope = { rootTeam: OrgTeam | null; teamIds: string[]; teams: readonly OrgTeam[] };

/**
 * The subtree a grid shows: the chosen team (which the caller must read), else the caller's first
 * team, else — for an admin without a team — the whole organization.
 */
async function gridScope(user: CurrentUser, teamId: string | undefined): Promise<GridScope> {
  const teams = await orgTeamTree(user.organizationId);
  const mayRead = (id: string) => canReadVerifications(user, id);
  const chosen = teamId ?? user.directTeamIds.find(mayRead);
  if (!chosen) {
    if (!user.isAdmin) return { rootTeam: null, teamIds: [], teams };
    return { rootTeam: null, teamIds: teams.map((team) => team.id), teams };
  }
  const root = teams.find((team) => team.id === chosen);
  if (!root || !mayRead(root.id)) throw new NotFoundError("The team");
  return { rootTeam: root, teamIds: subtreeIds(teams, root.id), teams };
}

export type GridService = { id: string; name: string; teamId: string; teamName: string; tier: number | null };
export type GridCell = { status: VerificationStatus; verifiedAt: Date | null; expiresAt: Date | null; method: string | null };

type RollupRow = {
  teamId: string;
  dimensionId: string;
  total: number;
  passing: number;
  expiring: number;
  notApplicable: number;
  expired: number;
  failed: number;
  never: number;
};

/**
 * The services × dimensions grid of a team subtree: a page of services with their cells, and per
 * sub-team the % verified per dimension rolled up the tree. Four statements whatever the size: the
 * dimensions, the page of services (with the total), their cells, and one aggregate over the subtree.
 */
export async function verificationGrid(user: CurrentUser, input: { teamId?: string; page: number }, now = new Date()) {
  const scope = await gridScope(user, input.teamId);
  const dimensions = await listDimensions(user);
  if (scope.teamIds.length === 0) return { scope, dimensions, services: [], cells: new Map<string, GridCell>(), total: 0, rollup: [], page: 1, pageCount: 1 };
  const offset = (input.page - 1) * GRID_PAGE_SIZE;
  const [serviceRows, rollupRows] = await Promise.all([
    db.$queryRaw<(GridService & { total: bigint })[]>`
      SELECT s.id, s.name, s.team_id AS "teamId", t.name AS "teamName", st.tier, count(*) OVER () AS total
      FROM services s JOIN teams t ON t.id = s.team_id LEFT JOIN service_tiers st ON st.service_id = s.id
      WHERE ${teamRecordServicesSql(user)} AND s.team_id = ANY(${scope.teamIds})
      ORDER BY t.name, s.name LIMIT ${GRID_PAGE_SIZE} OFFSET ${offset}`,
    rollupAggregate(user, scope.teamIds, now),
  ]);
  const services = serviceRows.map(({ total: _total, ...service }) => service);
  // The window count rides on the page's rows; a page past the end has none, so it counts on its own.
  const total = serviceRows[0]
    ? Number(serviceRows[0].total)
    : offset === 0
      ? 0
      : await db.service.count({ where: { AND: [teamRecordServicesWhere(user), { teamId: { in: scope.teamIds } }] } });
  const cells = new Map<string, GridCell>();
  if (services.length > 0) {
    const rows = await db.serviceVerification.findMany({
      where: { organizationId: user.organizationId, serviceId: { in: services.map((service) => service.id) } },
      select: { serviceId: true, dimensionId: true, result: true, expiresAt: true, verifiedAt: true, method: true },
    });
    for (const row of rows)
      cells.set(`${row.serviceId}:${row.dimensionId}`, {
        status: verificationStatus(row, now),
        verifiedAt: row.verifiedAt,
        expiresAt: row.expiresAt,
        method: row.method,
      });
  }
  return {
    scope,
    dimensions,
    services,
    cells,
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / GRID_PAGE_SIZE)),
    rollup: rollUp(scope, dimensions, rollupRows),
  };
}

async function rollupAggregate(user: Principal, teamIds: string[], now: Date): Promise<RollupRow[]> {
  // timestamp(3) columns hold UTC without a zone: compare with UTC instants, whatever the session's time zone.
  const nowUtc = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const soon = Prisma.sql`(${new Date(now.getTime() + EXPIRING_WINDOW_DAYS * 86_400_000).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const rows = await db.$queryRaw<Record<keyof RollupRow, string | bigint>[]>`
    SELECT s.team_id AS "teamId", d.id AS "dimensionId", count(*) AS total,
      count(*) FILTER (WHERE sv.result = 'PASSED' AND sv.expires_at > ${nowUtc}) AS passing,
      count(*) FILTER (WHERE sv.result = 'PASSED' AND sv.expires_at > ${nowUtc} AND sv.expires_at <= ${soon}) AS expiring,
      count(*) FILTER (WHERE sv.result = 'PASSED' AND (sv.expires_at IS NULL OR sv.expires_at <= ${nowUtc})) AS expired,
      count(*) FILTER (WHERE sv.result = 'FAILED') AS failed,
      count(*) FILTER (WHERE sv.result = 'NOT_APPLICABLE') AS "notApplicable",
      count(*) FILTER (WHERE sv.id IS NULL) AS never
    FROM services s
    CROSS JOIN verification_dimensions d
    LEFT JOIN service_verifications sv ON sv.service_id = s.id AND sv.dimension_id = d.id
    WHERE ${teamRecordServicesSql(user)} AND s.team_id = ANY(${teamIds})
      AND d.organization_id = ${user.organizationId} AND d.archived_at IS NULL
    GROUP BY s.team_id, d.id`;
  return rows.map((row) => ({
    teamId: String(row.teamId),
    dimensionId: String(row.dimensionId),
    total: Number(row.total),
    passing: Number(row.passing),
    expiring: Number(row.expiring),
    expired: Number(row.expired),
    failed: Number(row.failed),
    notApplicable: Number(row.notApplicable),
    never: Number(row.never),
  }));
}

export type RollupLine = {
  teamId: string | null;
  name: string;
  depth: number;
  serviceCount: number;
  perDimension: Map<string, { percent: number | null; passing: number; applicable: number; expiring: number }>;
};

/** Sums each team's own counts over its subtree: the root line, then one line per direct sub-team. */
function rollUp(scope: GridScope, dimensions: DimensionRow[], rows: RollupRow[]): RollupLine[] {
  const byTeam = new Map<string, RollupRow[]>();
  for (const row of rows) byTeam.set(row.teamId, [...(byTeam.get(row.teamId) ?? []), row]);
  const line = (teamId: string | null, name: string, depth: number, teamIds: string[]): RollupLine => {
    const perDimension = new Map<string, { percent: number | null; passing: number; applicable: number; expiring: number }>();
    let serviceCount = 0;
    for (const dimension of dimensions) {
      let passing = 0;
      let applicable = 0;
      let expiring = 0;
      let total = 0;
      for (const id of teamIds)
        for (const row of byTeam.get(id) ?? []) {
          if (row.dimensionId !== dimension.id) continue;
          total += row.total;
          passing += row.passing;
          expiring += row.expiring;
          applicable += row.total - row.notApplicable;
        }
      serviceCount = Math.max(serviceCount, total);
      perDimension.set(dimension.id, { percent: applicable === 0 ? null : Math.round((passing / applicable) * 100), passing, applicable, expiring });
    }
    return { teamId, name, depth, serviceCount, perDimension };
  };
  const inScope = new Set(scope.teamIds);
  const children = scope.rootTeam
    ? scope.teams.filter((team) => team.parentId === scope.rootTeam!.id)
    : scope.teams.filter((team) => team.parentId === null && inScope.has(team.id));
  const lines: RollupLine[] = [];
  if (scope.rootTeam) lines.push(line(scope.rootTeam.id, scope.rootTeam.name, 0, scope.teamIds));
  else lines.push(line(null, "Whole organization", 0, scope.teamIds));
  for (const child of [...children].sort((a, b) => a.name.localeCompare(b.name))) lines.push(line(child.id, child.name, 1, subtreeIds(scope.teams, child.id)));
  return lines;
}

/** A service whose verifications the caller may read, with its tier. */
function readableService(user: CurrentUser, serviceId: string) {
  return db.service.findFirst({
    where: { AND: [{ id: serviceId }, teamRecordServicesWhere(user)] },
    select: { id: true, name: true, teamId: true, team: { select: { name: true } }, tier: { select: { tier: true } } },
  });
}

/** A service's verification in every dimension, with the latest records of each (the service card and its page). */
export async function serviceVerifications(user: CurrentUser, serviceId: string, historyPerDimension = 5) {
  const service = await readableService(user, serviceId);
  if (!service) return null;
  const [dimensions, current, records] = await Promise.all([
    listDimensions(user),
    db.serviceVerification.findMany({
      where: { organizationId: user.organizationId, serviceId },
      select: {
        dimensionId: true,
        result: true,
        method: true,
        verifiedAt: true,
        expiresAt: true,
        notApplicableReason: true,
        rtoTargetMinutes: true,
        rpoTargetMinutes: true,
        rtoObservedMinutes: true,
        rpoObservedMinutes: true,
        verifier: { select: { name: true } },
      },
    }),
    db.$queryRaw<
      {
        id: string;
        dimensionId: string;
        result: VerificationResult;
        method: string | null;
        performedAt: Date;
        evidence: string;
        links: string[];
        notApplicableReason: string | null;
        rtoObservedMinutes: number | null;
        rpoObservedMinutes: number | null;
        verifierName: string | null;
        gameDayRunId: string | null;
        gameDayId: string | null;
        attachments: EvidenceAttachment[];
      }[]
    >`
      SELECT * FROM (
        SELECT r.id, r.dimension_id AS "dimensionId", r.result::text AS result, r.method::text AS method, r.performed_at AS "performedAt", r.evidence, r.links,
               r.not_applicable_reason AS "notApplicableReason", r.rto_observed_minutes AS "rtoObservedMinutes", r.rpo_observed_minutes AS "rpoObservedMinutes",
               u.name AS "verifierName", r.game_day_run_id AS "gameDayRunId", gr.game_day_id AS "gameDayId",
               (SELECT coalesce(json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'contentType', a.content_type, 'byteSize', a.byte_size)
                                         ORDER BY a.created_at, a.id), '[]'::json)
                FROM verification_attachments a WHERE a.record_id = r.id) AS attachments,
               row_number() OVER (PARTITION BY r.dimension_id ORDER BY r.performed_at DESC, r.created_at DESC) AS n
        FROM verification_records r LEFT JOIN users u ON u.id = r.verifier_id LEFT JOIN game_day_runs gr ON gr.id = r.game_day_run_id
        WHERE r.organization_id = ${user.organizationId} AND r.service_id = ${serviceId}
      ) ranked WHERE n <= ${historyPerDimension}
      ORDER BY "performedAt" DESC`,
  ]);
  const currentByDimension = new Map(current.map((row) => [row.dimensionId, row]));
  const now = new Date();
  return {
    service,
    canRecord: can(user, "verification.record", service.teamId),
    canSetTier: can(user, "verification.configure", service.teamId),
    dimensions: dimensions.map((dimension) => {
      const row = currentByDimension.get(dimension.id);
      return {
        dimension,
        current: row ?? null,
        status: verificationStatus(row, now),
        history: records.filter((record) => record.dimensionId === dimension.id),
      };
    }),
  };
}

export type EvidenceAttachment = { id: string; fileName: string; contentType: string; byteSize: number };

/** An evidence file's bytes, only for readers of its service's team (like a COE image for readers of its COE). */
export function getVerificationAttachment(user: CurrentUser, attachmentId: string) {
  return db.verificationAttachment.findFirst({
    where: { id: attachmentId, record: { organizationId: user.organizationId, service: teamRecordServicesWhere(user) } },
    select: { fileName: true, contentType: true, byteSize: true, sha256: true, data: true },
  });
}

/** Passed verifications in the caller's readable subtree that expire within 14 days (or `withinDays`). */
export async function expiringVerifications(user: CurrentUser, options: { teamIds?: string[]; withinDays?: number; limit?: number } = {}, now = new Date()) {
  const service: Prisma.ServiceWhereInput = {
    AND: [teamRecordServicesWhere(user), options.teamIds === undefined ? {} : { teamId: { in: options.teamIds } }],
  };
  const until = new Date(now.getTime() + (options.withinDays ?? EXPIRING_WINDOW_DAYS) * 86_400_000);
  return db.serviceVerification.findMany({
    where: { organizationId: user.organizationId, result: "PASSED", expiresAt: { gt: now, lte: until }, service },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 100,
    select: {
      expiresAt: true,
      verifiedAt: true,
      service: { select: { id: true, name: true, team: { select: { name: true } } } },
      dimension: { select: { id: true, name: true, key: true } },
    },
  });
}

/** Every cell of a subtree for the CSV export: one statement, services × dimensions. */
export async function gridCsvRows(user: CurrentUser, teamId: string | undefined, now = new Date()) {
  const scope = await gridScope(user, teamId);
  const dimensions = await listDimensions(user);
  if (scope.teamIds.length === 0) return { dimensions, rows: [] };
  const rows = await db.$queryRaw<
    {
      serviceName: string;
      teamName: string;
      tier: number | null;
      dimensionId: string;
      result: VerificationResult | null;
      method: string | null;
      verifiedAt: Date | null;
      expiresAt: Date | null;
      notApplicableReason: string | null;
    }[]
  >`
    SELECT s.name AS "serviceName", t.name AS "teamName", st.tier, d.id AS "dimensionId", sv.result::text AS result, sv.method::text AS method,
           sv.verified_at AS "verifiedAt", sv.expires_at AS "expiresAt", sv.not_applicable_reason AS "notApplicableReason"
    FROM services s JOIN teams t ON t.id = s.team_id LEFT JOIN service_tiers st ON st.service_id = s.id
    CROSS JOIN verification_dimensions d
    LEFT JOIN service_verifications sv ON sv.service_id = s.id AND sv.dimension_id = d.id
    WHERE ${teamRecordServicesSql(user)} AND s.team_id = ANY(${scope.teamIds}) AND d.organization_id = ${user.organizationId} AND d.archived_at IS NULL
    ORDER BY t.name, s.name, d.position`;
  return {
    dimensions,
    rows: rows.map((row) => ({ ...row, status: verificationStatus(row.result ? { result: row.result, expiresAt: row.expiresAt } : null, now) })),
  };
}
