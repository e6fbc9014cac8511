import { createHash } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { BUILT_IN_DIMENSIONS } from "../../lib/verification/dimensions";
import { sampleJournal } from "../../lib/game-days/journal-fixtures";
import { parseJournal } from "../../lib/game-days/chaos-toolkit";
import { findTemplate, defaultParameters, renderTemplate } from "../../lib/game-days/templates";
import { DEMO_ORG_ID, DEMO_SERVICES } from "./constants";

/** Fixed ids of the demo dimensions, by key. */
const DEMO_DIMENSION_IDS: Record<string, string> = Object.fromEntries(BUILT_IN_DIMENSIONS.map((dimension) => [dimension.key, `dim_${dimension.key}`]));

const DAY = 86_400_000;
const service = (name: string) => DEMO_SERVICES.find((entry) => entry.name === name)!.id;

type SeedVerification = {
  serviceName: string;
  dimension: string;
  result: "PASSED" | "FAILED" | "NOT_APPLICABLE";
  daysAgo: number;
  intervalDays: number;
  method: "GAME_DAY" | "AUTOMATED_TEST" | "RESTORE_TEST" | "TABLETOP" | "MANUAL_CHECK" | null;
  evidence: string;
  reason?: string;
  rto?: [number, number];
  runId?: string;
};

/** Writes one verification (record + current row) as lib/verification/mutations.ts would. */
async function seedVerification(db: PrismaClient, organizationId: string, entry: SeedVerification, verifierId: string | null) {
  const performedAt = new Date(Date.now() - entry.daysAgo * DAY);
  const dimensionId = DEMO_DIMENSION_IDS[entry.dimension]!;
  const serviceId = service(entry.serviceName);
  const record = await db.verificationRecord.create({
    data: {
      organizationId,
      serviceId,
      dimensionId,
      result: entry.result,
      method: entry.method,
      performedAt,
      evidence: entry.evidence,
      notApplicableReason: entry.reason ?? null,
      rtoObservedMinutes: entry.rto?.[1] ?? null,
      verifierId,
      gameDayRunId: entry.runId ?? null,
    },
  });
  await db.serviceVerification.create({
    data: {
      organizationId,
      serviceId,
      dimensionId,
      result: entry.result,
      method: entry.method,
      notApplicableReason: entry.reason ?? null,
      verifiedAt: entry.result === "NOT_APPLICABLE" ? null : performedAt,
      expiresAt: entry.result === "PASSED" ? new Date(performedAt.getTime() + entry.intervalDays * DAY) : null,
      verifierId,
      lastRecordId: record.id,
      rtoTargetMinutes: entry.rto?.[0] ?? null,
      rtoObservedMinutes: entry.rto?.[1] ?? null,
    },
  });
}

/**
 * Demo verifications in every state (verified, expiring, expired, failed, never, not applicable) and
 * two game days: one finished whose latency experiment held (and verified checkout-api), one planned.
 */
export async function seedDemoVerification(db: PrismaClient) {
  await db.verificationDimension.createMany({
    data: BUILT_IN_DIMENSIONS.map((dimension, position) => ({
      id: DEMO_DIMENSION_IDS[dimension.key],
      organizationId: DEMO_ORG_ID,
      position,
      builtIn: true,
      ...dimension,
    })),
  });
  await db.serviceTier.createMany({
    data: [
      { serviceId: service("payment-gateway"), organizationId: DEMO_ORG_ID, tier: 1 },
      { serviceId: service("checkout-api"), organizationId: DEMO_ORG_ID, tier: 2 },
    ],
  });

  const latency = findTemplate("network-latency")!;
  const rendered = renderTemplate(latency, { ...defaultParameters(latency), healthUrl: "http://checkout-api.staging.internal/health" });
  if (!rendered.ok) throw new Error("demo template must render");
  const finishedAt = new Date(Date.now() - 10 * DAY);
  const finished = await db.gameDay.create({
    data: {
      id: "gd_checkout_latency",
      organizationId: DEMO_ORG_ID,
      teamId: "team_checkout",
      title: "Checkout under network latency",
      description: "Does checkout-api keep answering when its dependencies are 200 ms further away?",
      scheduledAt: new Date(finishedAt.getTime() - 2 * 3_600_000),
      durationMinutes: 120,
      environment: "staging",
      facilitatorId: "user_member",
      status: "FINISHED",
      startedAt: new Date(finishedAt.getTime() - 2 * 3_600_000),
      endedAt: finishedAt,
      createdById: "user_member",
      services: { create: [{ serviceId: service("checkout-api") }] },
      participants: { create: [{ userId: "user_member" }, { userId: "user_reviewer" }] },
      experiments: {
        create: [
          {
            id: "gde_checkout_latency",
            title: latency.title,
            description: latency.description,
            templateKey: latency.key,
            parameters: rendered.parameters,
            steadyStateHypothesis: rendered.experiment.steadyStateHypothesis as never,
            method: rendered.experiment.method as never,
            rollbacks: rendered.experiment.rollbacks as never,
            blastRadius: latency.blastRadius,
            abortConditions: "Checkout error rate above 1% for a minute.",
            expectedOutcome: "Timeouts and retries absorb the latency; p99 stays under 800 ms.",
            serviceId: service("checkout-api"),
            dimensionId: DEMO_DIMENSION_IDS.fault_tolerance,
            verdict: "HELD",
            verdictAt: finishedAt,
            checkedSteps: [0],
          },
        ],
      },
    },
  });
  const journal = sampleJournal("completed", {
    startedAt: new Date(finishedAt.getTime() - 3_600_000),
    healthUrl: "http://checkout-api.staging.internal/health",
  });
  const parsed = parseJournal(journal);
  await db.gameDayRun.create({
    data: {
      id: "gdr_checkout_latency",
      organizationId: DEMO_ORG_ID,
      gameDayId: finished.id,
      experimentId: "gde_checkout_latency",
      source: "JOURNAL",
      idempotencyKey: parsed.idempotencyKey,
      status: parsed.status,
      deviated: parsed.deviated,
      verdict: parsed.verdict,
      startedAt: parsed.startedAt,
      endedAt: parsed.endedAt,
      activities: parsed.activities,
      raw: journal as never,
      chaosVersion: parsed.chaosVersion,
      recordedById: "user_member",
    },
  });
  await db.gameDayLogEntry.createMany({
    data: [
      {
        gameDayId: finished.id,
        authorId: "user_member",
        kind: "started",
        body: "Game day started.",
        createdAt: new Date(finishedAt.getTime() - 2 * 3_600_000),
      },
      {
        gameDayId: finished.id,
        experimentId: "gde_checkout_latency",
        authorId: "user_reviewer",
        kind: "note",
        body: "p99 rose to 640 ms, no errors.",
        createdAt: new Date(finishedAt.getTime() - 3_000_000),
      },
      {
        gameDayId: finished.id,
        experimentId: "gde_checkout_latency",
        authorId: "user_member",
        kind: "verdict",
        body: "Journal imported: completed → hypothesis held",
        createdAt: finishedAt,
      },
    ],
  });

  const dns = findTemplate("block-dns")!;
  const dnsRendered = renderTemplate(dns, { ...defaultParameters(dns), healthUrl: "http://payment-gateway.staging.internal/health" });
  if (!dnsRendered.ok) throw new Error("demo template must render");
  await db.gameDay.create({
    data: {
      id: "gd_payments_dns",
      organizationId: DEMO_ORG_ID,
      teamId: "team_payments",
      title: "Payments without DNS",
      description: "Block DNS on one payment-gateway host: do cached resolutions and the processor fallback carry us?",
      scheduledAt: new Date(Date.now() + 6 * DAY),
      durationMinutes: 90,
      environment: "staging",
      facilitatorId: "user_member",
      createdById: "user_member",
      services: { create: [{ serviceId: service("payment-gateway") }] },
      participants: { create: [{ userId: "user_member" }] },
      experiments: {
        create: [
          {
            id: "gde_payments_dns",
            title: dns.title,
            description: dns.description,
            templateKey: dns.key,
            parameters: dnsRendered.parameters,
            steadyStateHypothesis: dnsRendered.experiment.steadyStateHypothesis as never,
            method: dnsRendered.experiment.method as never,
            rollbacks: dnsRendered.experiment.rollbacks as never,
            blastRadius: dns.blastRadius,
            abortConditions: "Any failed card authorisation.",
            serviceId: service("payment-gateway"),
            dimensionId: DEMO_DIMENSION_IDS.fault_tolerance,
          },
        ],
      },
    },
  });

  const entries: SeedVerification[] = [
    {
      serviceName: "checkout-api",
      dimension: "fault_tolerance",
      result: "PASSED",
      daysAgo: 10,
      intervalDays: 90,
      method: "GAME_DAY",
      evidence: "Game day “Checkout under network latency”: the hypothesis held.",
      runId: "gdr_checkout_latency",
    },
    {
      serviceName: "checkout-api",
      dimension: "dr_backups",
      result: "PASSED",
      daysAgo: 80,
      intervalDays: 90,
      method: "RESTORE_TEST",
      evidence: "Restored the orders database into staging.",
      rto: [60, 48],
    },
    {
      serviceName: "checkout-api",
      dimension: "multi_az",
      result: "PASSED",
      daysAgo: 120,
      intervalDays: 90,
      method: "GAME_DAY",
      evidence: "Drained eu-west-1a; traffic moved in 40 s.",
    },
    {
      serviceName: "checkout-api",
      dimension: "auto_scaling",
      result: "FAILED",
      daysAgo: 12,
      intervalDays: 90,
      method: "AUTOMATED_TEST",
      evidence: "Load test: scale-out took 9 minutes, target is 3.",
    },
    {
      serviceName: "payment-gateway",
      dimension: "dr_backups",
      result: "PASSED",
      daysAgo: 5,
      intervalDays: 30,
      method: "RESTORE_TEST",
      evidence: "Point-in-time restore rehearsed.",
      rto: [30, 22],
    },
    {
      serviceName: "payment-gateway",
      dimension: "fault_tolerance",
      result: "PASSED",
      daysAgo: 20,
      intervalDays: 30,
      method: "GAME_DAY",
      evidence: "Killed one gateway pod per zone; no failed authorisations.",
    },
    {
      serviceName: "payment-gateway",
      dimension: "people",
      result: "PASSED",
      daysAgo: 15,
      intervalDays: 30,
      method: "TABLETOP",
      evidence: "Tabletop of a processor outage with the new on-call rota.",
    },
    {
      serviceName: "refund-worker",
      dimension: "multi_az",
      result: "NOT_APPLICABLE",
      daysAgo: 30,
      intervalDays: 90,
      method: null,
      evidence: "",
      reason: "A queue consumer with no state: it restarts wherever the queue is.",
    },
    {
      serviceName: "edge-dns",
      dimension: "fault_tolerance",
      result: "PASSED",
      daysAgo: 95,
      intervalDays: 90,
      method: "MANUAL_CHECK",
      evidence: "Secondary provider answered when the primary was withdrawn.",
    },
  ];
  for (const entry of entries) await seedVerification(db, DEMO_ORG_ID, entry, "user_member");

  // The restore test's log as an evidence file, stored like a COE image.
  const restoreTest = await db.verificationRecord.findFirstOrThrow({
    where: { organizationId: DEMO_ORG_ID, serviceId: service("checkout-api"), dimensionId: DEMO_DIMENSION_IDS.dr_backups },
    select: { id: true },
  });
  const log = Buffer.from(
    "restore of orders-db snapshot into staging\nstarted 09:02, available 09:50 (RTO 48 min)\nrows checked: 1,204,331; last write 12 min before the snapshot\n",
  );
  await db.verificationAttachment.create({
    data: {
      id: "vatt_checkout_restore_log",
      recordId: restoreTest.id,
      fileName: "orders-db-restore.log",
      contentType: "text/plain; charset=utf-8",
      byteSize: log.length,
      sha256: createHash("sha256").update(log).digest("hex"),
      data: log,
      uploadedById: "user_member",
    },
  });
}
