import "server-only";
import { db, type DbClient } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { emitEvent, emitEvents } from "@/lib/events/mutations";
import { NotFoundError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Prisma, VerificationHow, VerificationResult } from "@/lib/generated/prisma/client";
import { assertCanRecord, assertCanSetTier } from "@/lib/verification/access";
import { BUILT_IN_DIMENSIONS } from "@/lib/verification/dimensions";
import { expiresAtFor, intervalDaysFor, type DimensionIntervals } from "@/lib/verification/status";
import { verificationJson } from "@/lib/verification/api-json";
import type { recordVerificationSchema, setServiceTierSchema } from "@/lib/verification/schemas";
import type { z } from "zod";

/**
 * The one write path for verifications and service tiers (dimensions: dimension-mutations.ts). A verification appends a record
 * (history) and moves the service's current verification in the same transaction, with the audit entry
 * and a `verification.recorded` event; game-day runs come through `recordVerificationFromRun`, whose
 * unique key on the run makes a second import change nothing.
 */
type Tx = Prisma.TransactionClient;

/** Creates the five built-in dimensions of an organization that has none yet (idempotent). */
export async function ensureBuiltInDimensions(client: DbClient, organizationId: string): Promise<void> {
  await client.verificationDimension.createMany({
    data: BUILT_IN_DIMENSIONS.map((dimension, position) => ({ organizationId, position, builtIn: true, ...dimension })),
    skipDuplicates: true,
  });
}

type VerificationWrite = {
  organizationId: string;
  serviceId: string;
  teamId: string;
  dimension: DimensionIntervals & { id: string; name: string; key: string };
  tier: number | null;
  result: VerificationResult;
  method: VerificationHow | null;
  performedAt: Date;
  evidence: string;
  links: string[];
  notApplicableReason: string | null;
  rtoObservedMinutes?: number | null;
  rpoObservedMinutes?: number | null;
  rtoTargetMinutes?: number | null;
  rpoTargetMinutes?: number | null;
  verifierId: string | null;
  gameDayRunId?: string | null;
};

async function writeVerification(tx: Tx, write: VerificationWrite) {
  const record = await tx.verificationRecord.create({
    data: {
      organizationId: write.organizationId,
      serviceId: write.serviceId,
      dimensionId: write.dimension.id,
      result: write.result,
      method: write.method,
      performedAt: write.performedAt,
      evidence: write.evidence,
      links: write.links,
      notApplicableReason: write.notApplicableReason,
      rtoObservedMinutes: write.rtoObservedMinutes ?? null,
      rpoObservedMinutes: write.rpoObservedMinutes ?? null,
      verifierId: write.verifierId,
      gameDayRunId: write.gameDayRunId ?? null,
    },
    select: { id: true },
  });
  const current = await tx.serviceVerification.findUnique({
    where: { serviceId_dimensionId: { serviceId: write.serviceId, dimensionId: write.dimension.id } },
    select: { verifiedAt: true },
  });
  // A back-dated record (a restore test written up late) joins the history without replacing a newer result.
  const isNewest = !current?.verifiedAt || write.result === "NOT_APPLICABLE" || current.verifiedAt.getTime() <= write.performedAt.getTime();
  const targets = {
    ...(write.rtoTargetMinutes !== undefined ? { rtoTargetMinutes: write.rtoTargetMinutes } : {}),
    ...(write.rpoTargetMinutes !== undefined ? { rpoTargetMinutes: write.rpoTargetMinutes } : {}),
  };
  const state = {
    result: write.result,
    method: write.method,
    notApplicableReason: write.notApplicableReason,
    verifiedAt: write.result === "NOT_APPLICABLE" ? null : write.performedAt,
    expiresAt: write.result === "PASSED" ? expiresAtFor(write.performedAt, intervalDaysFor(write.dimension, write.tier)) : null,
    verifierId: write.verifierId,
    lastRecordId: record.id,
    ...(write.rtoObservedMinutes != null ? { rtoObservedMinutes: write.rtoObservedMinutes } : {}),
    ...(write.rpoObservedMinutes != null ? { rpoObservedMinutes: write.rpoObservedMinutes } : {}),
  };
  const saved = await tx.serviceVerification.upsert({
    where: { serviceId_dimensionId: { serviceId: write.serviceId, dimensionId: write.dimension.id } },
    create: { organizationId: write.organizationId, serviceId: write.serviceId, dimensionId: write.dimension.id, ...state, ...targets },
    update: isNewest ? { ...state, ...targets, version: { increment: 1 } } : targets,
    select: {
      id: true,
      result: true,
      method: true,
      verifiedAt: true,
      expiresAt: true,
      notApplicableReason: true,
      rtoObservedMinutes: true,
      rpoObservedMinutes: true,
      rtoTargetMinutes: true,
      rpoTargetMinutes: true,
      version: true,
    },
  });
  await recordAudit(tx, {
    organizationId: write.organizationId,
    actorId: write.verifierId,
    action: "verification.recorded",
    entityType: "service_verification",
    entityId: saved.id,
    summary: `Recorded ${write.dimension.name}: ${write.result.toLowerCase().replace("_", " ")}`,
    changes: { serviceId: write.serviceId, dimension: write.dimension.key, result: write.result, recordId: record.id },
  });
  await emitEvent(tx, {
    organizationId: write.organizationId,
    type: "verification.recorded",
    teamId: write.teamId,
    data: verificationJson({ ...saved, serviceId: write.serviceId, dimensionKey: write.dimension.key }, new Date()),
  });
  return { recordId: record.id, verificationId: saved.id };
}

const dimensionSelect = {
  id: true,
  name: true,
  key: true,
  intervalDays: true,
  tier1IntervalDays: true,
  tier2IntervalDays: true,
  tier3IntervalDays: true,
  archivedAt: true,
} satisfies Prisma.VerificationDimensionSelect;

async function loadTarget(tx: Tx, organizationId: string, serviceId: string, dimensionId: string) {
  const [service, dimension] = await Promise.all([
    tx.service.findFirst({ where: { id: serviceId, organizationId }, select: { id: true, teamId: true, name: true, tier: { select: { tier: true } } } }),
    tx.verificationDimension.findFirst({ where: { id: dimensionId, organizationId }, select: dimensionSelect }),
  ]);
  if (!service) throw new NotFoundError("The service");
  if (!dimension || dimension.archivedAt) throw new NotFoundError("The dimension");
  return { service, dimension };
}

export async function recordVerification(user: CurrentUser, input: z.output<typeof recordVerificationSchema>) {
  return db.$transaction(async (tx) => {
    const { service, dimension } = await loadTarget(tx, user.organizationId, input.serviceId, input.dimensionId);
    assertCanRecord(user, service.teamId);
    return writeVerification(tx, {
      organizationId: user.organizationId,
      serviceId: service.id,
      teamId: service.teamId,
      dimension,
      tier: service.tier?.tier ?? null,
      result: input.result,
      method: input.result === "NOT_APPLICABLE" ? (input.method ?? null) : input.method!,
      performedAt: input.performedAt ? new Date(input.performedAt) : new Date(),
      evidence: input.evidence,
      links: input.links,
      notApplicableReason: input.result === "NOT_APPLICABLE" ? (input.notApplicableReason ?? "") : null,
      rtoObservedMinutes: input.rtoObservedMinutes ?? null,
      rpoObservedMinutes: input.rpoObservedMinutes ?? null,
      rtoTargetMinutes: input.rtoTargetMinutes,
      rpoTargetMinutes: input.rpoTargetMinutes,
      verifierId: user.userId,
    });
  });
}

/**
 * A game-day run whose hypothesis held verifies the experiment's service in its dimension, once: the
 * record's unique key (run, service, dimension) makes a repeat a no-op. Called by lib/game-days with
 * its transaction, after it checked the caller may run the game day; the verifier must also be allowed
 * to record verifications of the service's owning team, as when recording one by hand.
 */
export async function recordVerificationFromRun(
  tx: Tx,
  run: { id: string; organizationId: string; serviceId: string; dimensionId: string; performedAt: Date; evidence: string; verifier: CurrentUser },
): Promise<{ recorded: boolean }> {
  const existing = await tx.verificationRecord.findFirst({
    where: { gameDayRunId: run.id, serviceId: run.serviceId, dimensionId: run.dimensionId },
    select: { id: true },
  });
  if (existing) return { recorded: false };
  const { service, dimension } = await loadTarget(tx, run.organizationId, run.serviceId, run.dimensionId);
  assertCanRecord(run.verifier, service.teamId);
  await writeVerification(tx, {
    organizationId: run.organizationId,
    serviceId: service.id,
    teamId: service.teamId,
    dimension,
    tier: service.tier?.tier ?? null,
    result: "PASSED",
    method: "GAME_DAY",
    performedAt: run.performedAt,
    evidence: run.evidence,
    links: [],
    notApplicableReason: null,
    verifierId: run.verifier.userId,
    gameDayRunId: run.id,
  });
  return { recorded: true };
}

/** Recomputes the expiry of passed verifications (after a tier or interval change). */
export async function recomputeExpiry(tx: Tx, where: Prisma.ServiceVerificationWhereInput) {
  const rows = await tx.serviceVerification.findMany({
    where: { ...where, result: "PASSED", verifiedAt: { not: null } },
    select: { id: true, verifiedAt: true, dimension: { select: dimensionSelect }, service: { select: { tier: { select: { tier: true } } } } },
  });
  for (const row of rows) {
    await tx.serviceVerification.update({
      where: { id: row.id },
      data: { expiresAt: expiresAtFor(row.verifiedAt!, intervalDaysFor(row.dimension, row.service.tier?.tier ?? null)) },
    });
  }
}

export async function setServiceTier(user: CurrentUser, input: z.output<typeof setServiceTierSchema>) {
  return db.$transaction(async (tx) => {
    const service = await tx.service.findFirst({
      where: { id: input.serviceId, organizationId: user.organizationId },
      select: { id: true, teamId: true, name: true },
    });
    if (!service) throw new NotFoundError("The service");
    assertCanSetTier(user, service.teamId);
    if (input.tier === null) await tx.serviceTier.deleteMany({ where: { serviceId: service.id } });
    else
      await tx.serviceTier.upsert({
        where: { serviceId: service.id },
        create: { serviceId: service.id, organizationId: user.organizationId, tier: input.tier, updatedById: user.userId },
        update: { tier: input.tier, updatedById: user.userId },
      });
    await recomputeExpiry(tx, { serviceId: service.id });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "service.tier_set",
      entityType: "service",
      entityId: service.id,
      summary: input.tier === null ? `Cleared the tier of ${service.name}` : `Set ${service.name} to tier ${input.tier}`,
    });
    return { serviceId: service.id, tier: input.tier };
  });
}

type ExpiredRow = {
  organization_id: string;
  service_id: string;
  team_id: string;
  dimension_key: string;
  method: string | null;
  verified_at: Date | null;
  expires_at: Date;
  not_applicable_reason: string | null;
  rto_target_minutes: number | null;
  rpo_target_minutes: number | null;
  rto_observed_minutes: number | null;
  rpo_observed_minutes: number | null;
};

/** How many expired verifications one pass announces (the next day's run takes the rest). */
const EXPIRED_BATCH = 5000;

/**
 * Writes one `verification.expired` event per passed verification whose expiry has come. The
 * verification remembers the expiry it was announced for (`expiry_announced_for`), set in the same
 * transaction as the events, so each expiry is announced exactly once however many instances run
 * the job at the same time (rows are claimed FOR UPDATE SKIP LOCKED; a row another run announced
 * meanwhile no longer matches), and a verification recorded again announces its next expiry.
 */
export async function announceExpiredVerifications(now = new Date()): Promise<{ expired: number }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<ExpiredRow[]>`
      UPDATE service_verifications v SET expiry_announced_for = v.expires_at
      FROM (
        SELECT id FROM service_verifications
        WHERE result = 'PASSED' AND expires_at <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
          AND expiry_announced_for IS DISTINCT FROM expires_at
        ORDER BY expires_at LIMIT ${EXPIRED_BATCH}
        FOR UPDATE SKIP LOCKED
      ) due, services s, verification_dimensions d
      WHERE v.id = due.id AND s.id = v.service_id AND d.id = v.dimension_id
      RETURNING v.organization_id, v.service_id, s.team_id, d.key AS dimension_key, v.method::text AS method, v.verified_at, v.expires_at,
        v.not_applicable_reason, v.rto_target_minutes, v.rpo_target_minutes, v.rto_observed_minutes, v.rpo_observed_minutes`;
    await emitEvents(
      tx,
      rows.map((row) => ({
        organizationId: row.organization_id,
        type: "verification.expired" as const,
        teamId: row.team_id,
        data: verificationJson(
          {
            serviceId: row.service_id,
            dimensionKey: row.dimension_key,
            result: "PASSED",
            method: row.method,
            verifiedAt: row.verified_at,
            expiresAt: row.expires_at,
            notApplicableReason: row.not_applicable_reason,
            rtoTargetMinutes: row.rto_target_minutes,
            rpoTargetMinutes: row.rpo_target_minutes,
            rtoObservedMinutes: row.rto_observed_minutes,
            rpoObservedMinutes: row.rpo_observed_minutes,
          },
          now,
        ),
      })),
    );
    return { expired: rows.length };
  });
}
