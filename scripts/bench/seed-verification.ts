import type pg from "pg";
import { BUILT_IN_DIMENSIONS } from "../../lib/verification/dimensions";
import { bulkInsert, col } from "./bulk-insert";
import { BENCH_GAME_DAYS, seedGameDays } from "./seed-game-days";
import { BENCH_ORG_ID, randomGenerator, type BenchOrg } from "./seed-org";
import { DAY, utc } from "./seed-time";

export type State = "VERIFIED" | "EXPIRING" | "EXPIRED" | "FAILED" | "NEVER" | "NOT_APPLICABLE";

/** The mix of states over services × dimensions: cumulative thresholds of a uniform draw. */
const STATE_MIX: [number, State][] = [
  [0.4, "VERIFIED"],
  [0.5, "EXPIRING"],
  [0.65, "EXPIRED"],
  [0.75, "FAILED"],
  [0.92, "NEVER"],
  [1, "NOT_APPLICABLE"],
];

export function stateFor(draw: number): State {
  return STATE_MIX.find(([threshold]) => draw < threshold)![1];
}

/** The columns a verification record and a service's current verification begin with. */
const verificationKeyColumns = [
  col.text("id"),
  col.text("organization_id"),
  col.text("service_id"),
  col.text("dimension_id"),
  col.enumText("result", "VerificationResult"),
  col.enumText("method", "VerificationHow"),
];

/**
 * Verification data for the benchmark: the five built-in dimensions, a tier on every tenth service,
 * and for every service × dimension a current verification in a mix of states (verified, expiring,
 * expired, failed, not applicable; about one in six never verified, i.e. no row) with its record; and
 * 500 game days over the last year and the next three months, each with a service in scope, its
 * facilitator as participant, a templated experiment, and a run for the finished ones.
 */
export async function seedVerification(
  client: pg.PoolClient | pg.Client,
  org: BenchOrg,
  now = new Date(),
): Promise<{ verifications: number; gameDays: number }> {
  const random = randomGenerator(31);
  const dimensionIds = BUILT_IN_DIMENSIONS.map((dimension) => `bdim_${dimension.key}`);
  await bulkInsert(
    client,
    "verification_dimensions",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("key"),
      col.text("name"),
      col.text("description"),
      col.int("position"),
      col.boolean("built_in"),
      col.boolean("tracks_recovery"),
      col.timestamp("updated_at"),
    ],
    BUILT_IN_DIMENSIONS.map((dimension, position) => [
      dimensionIds[position],
      BENCH_ORG_ID,
      dimension.key,
      dimension.name,
      dimension.description,
      position,
      true,
      dimension.tracksRecovery,
      utc(now),
    ]),
  );
  const tiers = org.serviceIds.flatMap((serviceId, index) => (index % 10 === 0 ? [[serviceId, BENCH_ORG_ID, 1, utc(now)]] : []));
  await bulkInsert(client, "service_tiers", [col.text("service_id"), col.text("organization_id"), col.int("tier"), col.timestamp("updated_at")], tiers);

  const current: unknown[][] = [];
  const records: unknown[][] = [];
  org.serviceIds.forEach((serviceId, serviceIndex) => {
    const interval = serviceIndex % 10 === 0 ? 30 : 90;
    const verifierId = org.userIds[serviceIndex % org.userIds.length];
    dimensionIds.forEach((dimensionId, dimensionIndex) => {
      const state = stateFor(random());
      if (state === "NEVER") return;
      const ageDays =
        state === "VERIFIED"
          ? Math.floor(random() * (interval - 15))
          : state === "EXPIRING"
            ? interval - 1 - Math.floor(random() * 13)
            : state === "EXPIRED"
              ? interval + 1 + Math.floor(random() * 200)
              : Math.floor(random() * 120);
      const performedAt = new Date(now.getTime() - ageDays * DAY - 3_600_000);
      const result = state === "FAILED" ? "FAILED" : state === "NOT_APPLICABLE" ? "NOT_APPLICABLE" : "PASSED";
      const method = result === "NOT_APPLICABLE" ? null : (["GAME_DAY", "AUTOMATED_TEST", "RESTORE_TEST", "TABLETOP", "MANUAL_CHECK"] as const)[dimensionIndex];
      const reason = result === "NOT_APPLICABLE" ? "Stateless worker: nothing to restore or spread." : null;
      const recordId = `bvr_${serviceIndex}_${dimensionIndex}`;
      const tracksRecovery = BUILT_IN_DIMENSIONS[dimensionIndex]!.tracksRecovery && result !== "NOT_APPLICABLE";
      records.push([
        recordId,
        BENCH_ORG_ID,
        serviceId,
        dimensionId,
        result,
        method,
        utc(performedAt),
        result === "NOT_APPLICABLE" ? "" : `Bench ${state.toLowerCase()} verification of ${serviceId}.`,
        reason,
        tracksRecovery ? 20 + (serviceIndex % 40) : null,
        verifierId,
      ]);
      current.push([
        `bsv_${serviceIndex}_${dimensionIndex}`,
        BENCH_ORG_ID,
        serviceId,
        dimensionId,
        result,
        method,
        reason,
        result === "NOT_APPLICABLE" ? null : utc(performedAt),
        result === "PASSED" ? utc(new Date(performedAt.getTime() + interval * DAY)) : null,
        verifierId,
        recordId,
        tracksRecovery ? 60 : null,
        tracksRecovery ? 20 + (serviceIndex % 40) : null,
        utc(now),
      ]);
    });
  });
  await bulkInsert(
    client,
    "verification_records",
    [
      ...verificationKeyColumns,
      col.timestamp("performed_at"),
      col.text("evidence"),
      col.text("not_applicable_reason"),
      col.int("rto_observed_minutes"),
      col.text("verifier_id"),
    ],
    records,
  );
  await bulkInsert(
    client,
    "service_verifications",
    [
      ...verificationKeyColumns,
      col.text("not_applicable_reason"),
      col.timestamp("verified_at"),
      col.timestamp("expires_at"),
      col.text("verifier_id"),
      col.text("last_record_id"),
      col.int("rto_target_minutes"),
      col.int("rto_observed_minutes"),
      col.timestamp("updated_at"),
    ],
    current,
  );

  await seedGameDays(client, org, dimensionIds, now);
  return { verifications: current.length, gameDays: BENCH_GAME_DAYS };
}
